import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EpisodeDto, ProgramDto, SessionDto } from '../../src/contracts/scheduling.js';
import { DESKTOP, expectAccessible, hasChromium, signIn, useBrowser } from '../support/browser.js';

/** Clinic-local today in the demo clinic's zone, as the server sees it. */
const todayInNewYork = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

const ATTESTATION = 'I attest that this note is accurate and complete and documents the service I provided.';
const TITLE = 'Afternoon skills group';
/** Slots clear of the attendance test's 17:55 make-up group and Chris's demo sessions. */
const SLOTS = [
  ['15:00', '15:50'],
  ['16:00', '16:50'],
  ['07:00', '07:50'],
] as const;

const APPOINTMENT_SLOTS = [
  ['16:00', '16:50'],
  ['13:30', '14:20'],
  ['10:00', '10:50'],
] as const;

const TOPIC = 'Opposite action for difficult emotions';
const ADVERBS = [
  'eagerly',
  'quietly',
  'reluctantly',
  'thoughtfully',
  'warmly',
  'briefly',
  'openly',
  'steadily',
];
const ACTS = [
  'led the breathing drill',
  'listened through the role play',
  'shared one recent trigger',
  'asked about urge surfing',
  'offered support during check-in',
  'completed the worksheet alone',
  'described a weekend setback',
  'practiced the grounding script aloud',
];
const REACTIONS = [
  'visible relief after the exercise',
  'some skepticism about the handout',
  'curiosity about coping cards',
  'tearfulness that eased by the break',
  'laughter and rising energy',
  'flat affect throughout the hour',
  'frustration with the pace early on',
  'calm focus on the diary card',
];
const GOALS = [
  'fewer panic episodes at work',
  'sleeping seven hours nightly',
  'rebuilding contact with a sibling',
  'returning to part-time classes',
  'cutting evening drinking to zero',
  'tolerating crowded buses',
  'keeping a daily mood log',
  'using assertive requests at home',
];
const PLANS = [
  'log three panic ratings',
  'try the sleep hygiene checklist',
  'draft a short text message',
  'visit the campus advising office',
  'attend two mutual-help meetings',
  'ride one bus stop with a coach',
  'bring the mood log on Monday',
  'rehearse one request with a partner',
];

function memberText(i: number) {
  return {
    Participation: `Participation was ${ADVERBS[i]!}; this member ${ACTS[i]!}.`,
    Response: `Responded with ${REACTIONS[i]!}.`,
    Progress: `Toward ${GOALS[i]!}, reported ${i + 2} small wins since the last group.`,
    Plan: `Plans to ${PLANS[i]!}.`,
  };
}

interface Clinic {
  url: string;
  headers: Record<string, string>;
  me: { user: { id: string } };
  locationId: string;
  trackId: string;
  members: EpisodeDto[];
}

/** The signed-in therapist, the Day track and its members, through the API. */
async function clinic(page: Page, url: string): Promise<Clinic> {
  const api = page.request;
  const me = await (await api.get(`${url}/api/v1/me`)).json();
  const programs = (await (await api.get(`${url}/api/v1/programs`)).json()).items as ProgramDto[];
  const program = programs.find((p) => p.tracks.some((t) => t.name === 'Day'))!;
  const day = program.tracks.find((t) => t.name === 'Day')!;
  const members = (await (await api.get(`${url}/api/v1/episodes?trackId=${day.id}`)).json())
    .items as EpisodeDto[];
  return {
    url,
    headers: { 'X-CSRF-Token': me.csrfToken as string },
    me,
    locationId: program.locationId,
    trackId: day.id,
    members,
  };
}

/** Books the first free slot of `slots` (409 means taken: try the next). */
async function bookFirstFree(
  page: Page,
  slots: readonly (readonly [string, string])[],
  post: (start: string, end: string) => ReturnType<Page['request']['post']>,
): Promise<unknown> {
  for (const [start, end] of slots) {
    const created = await post(start, end);
    if (created.status() === 409) {
      console.warn(`Slot ${start} taken: ${await created.text()}`);
      continue;
    }
    expect(created.status(), await created.text()).toBe(201);
    return created.json();
  }
  throw new Error(`No free slot among ${slots.map(([start]) => start).join(', ')}`);
}

async function markPresent(page: Page, c: Clinic, session: SessionDto) {
  const marked = await page.request.put(`${c.url}/api/v1/sessions/${session.id}/attendance`, {
    headers: c.headers,
    data: {
      marks: session.participants.map((m) => ({
        patientId: m.patientId,
        status: 'present',
        telehealth: false,
      })),
    },
  });
  expect(marked.status(), await marked.text()).toBe(200);
}

describe.skipIf(!hasChromium)('notes', () => {
  const browser = useBrowser(DESKTOP);

  it('the therapist documents a group once for all, signs eight member notes, and each chart shows only its own', async () => {
    const { page, url } = browser;
    await page.goto(url);
    await signIn(page, 'therapist3@riverside.example');

    const c = await clinic(page, url);
    const session = (await bookFirstFree(page, SLOTS, (start, end) =>
      page.request.post(`${url}/api/v1/sessions`, {
        headers: c.headers,
        data: {
          trackId: c.trackId,
          origin: 'make_up',
          title: TITLE,
          groupKind: 'skills',
          date: todayInNewYork(),
          start,
          end,
          facilitatorId: c.me.user.id,
          telehealthUrl: 'https://telehealth.riverside.example/skills',
          addTrackMembers: false,
          patientIds: c.members.slice(0, 8).map((m) => m.patient.id),
        },
      }),
    )) as SessionDto;
    const members = session.participants;
    expect(members).toHaveLength(8);
    await markPresent(page, c, session);

    // Today → the group's note.
    await page.reload();
    await page.getByRole('link', { name: `Group note: ${TITLE} at ${session.start}` }).click();
    await page.getByRole('heading', { level: 1, name: `Group note: ${TITLE}` }).waitFor();
    await expectAccessible(page);

    // The group part, written once.
    const shared = page.getByRole('region', { name: 'Group part' });
    await shared.getByLabel('Topic', { exact: true }).fill(TOPIC);
    await shared
      .getByLabel('Interventions', { exact: true })
      .fill('Psychoeducation on emotion regulation, modeling and paired rehearsal.');
    await shared
      .getByLabel('Group process', { exact: true })
      .fill('Cohesion grew over the hour; members gave each other feedback respectfully.');

    // Each member's own part and risk check.
    for (const [i, member] of members.entries()) {
      for (const [label, text] of Object.entries(memberText(i))) {
        await page.getByLabel(`${label} for ${member.name}`, { exact: true }).fill(text);
      }
      await page
        .getByRole('group', { name: `Risk check for ${member.name}` })
        .getByLabel('No risk concern')
        .check();
    }
    await page
      .getByRole('status')
      .filter({ hasText: /Saved at \d\d:\d\d/ })
      .waitFor();
    for (const member of members) {
      expect(await page.getByLabel(`Sign ${member.name}'s note`).isChecked()).toBe(true);
    }

    // Sign all eight with the attestation.
    await page.getByLabel(ATTESTATION).check();
    await page.getByRole('button', { name: 'Sign 8 notes' }).click();
    await page.getByText('Signed 8 notes.').waitFor();
    await expect.poll(() => page.getByText('Signed', { exact: true }).count()).toBe(8);
    await expect.poll(() => page.getByRole('link', { name: /^Open note: / }).count()).toBe(8);
    await expectAccessible(page);

    // One member's chart shows the group note, with the group part and only that member's text.
    const [first] = members;
    await page.goto(`${url}/patients/${first!.patientId}`);
    const timeline = page
      .getByRole('region', { name: 'Chart' })
      .getByRole('table', { name: 'Chart timeline' });
    await timeline.getByRole('link', { name: `Group psychotherapy note · ${TITLE}` }).waitFor();
    await expectAccessible(page);
    await timeline.getByRole('link', { name: `Group psychotherapy note · ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: `Group psychotherapy note: ${first!.name}` }).waitFor();
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain(TOPIC);
    expect(text).toContain(memberText(0).Participation);
    expect(text).toContain('Signed by');
    for (const other of members.slice(1)) expect(text).not.toContain(other.name);
    for (const i of [1, 2, 3, 4, 5, 6, 7]) expect(text).not.toContain(memberText(i).Plan);
    await expectAccessible(page);
  });

  it('the therapist writes an individual note from Today, signs it, and adds an addendum', async () => {
    const { page, url } = browser;
    await page.goto(url);
    await signIn(page, 'therapist3@riverside.example');
    const c = await clinic(page, url);
    const patient = c.members[8]!.patient;
    const booked = (await bookFirstFree(page, APPOINTMENT_SLOTS, (start) =>
      page.request.post(`${url}/api/v1/appointments`, {
        headers: c.headers,
        data: {
          kind: 'individual',
          patientId: patient.id,
          clinicianId: c.me.user.id,
          locationId: c.locationId,
          date: todayInNewYork(),
          start,
          durationMinutes: 50,
          telehealthUrl: 'https://telehealth.riverside.example/individual',
          intensityOverrideReason: 'Extra individual session this week',
        },
      }),
    )) as { items: SessionDto[] };
    const session = booked.items[0]!;
    const name = session.participants[0]!.name;
    await markPresent(page, c, session);

    await page.reload();
    await page
      .getByRole('button', { name: `Note for ${name}: ${session.title} at ${session.start}` })
      .click();
    await page.getByRole('heading', { level: 1, name: `Individual therapy note (DAP): ${name}` }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Data', { exact: true }).fill('Reported two panic episodes; PHQ-9 down to 11.');
    await page.getByLabel('Assessment', { exact: true }).fill('Improving; uses paced breathing early.');
    await page.getByLabel('Plan', { exact: true }).fill('Continue exposure hierarchy; next week step 3.');
    await page.getByRole('group', { name: 'Risk check' }).getByLabel('Concern noted').check();
    await page.getByLabel('What is the concern?').fill('Passive thoughts of escape; denies plan or intent.');
    await page.getByRole('button', { name: 'Open crisis steps' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved at \d\d:\d\d/ })
      .waitFor();

    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByText('Confirm the attestation to sign.').waitFor();
    await page.getByLabel(ATTESTATION).check();
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByText('Signed', { exact: true }).waitFor();
    await page.getByText(/^Signed by .+ · SHA-256 [0-9a-f]{12}…$/).waitFor();
    expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/notes\/[0-9a-f-]{36}\/pdf$/,
    );

    await page.getByLabel('Reason for the addendum').fill('Late information');
    await page
      .getByRole('textbox', { name: /^Addendum\b/ })
      .fill('Sister called after the session: she will drive.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByText('Sister called after the session: she will drive.').waitFor();
    await expectAccessible(page);
  });
});
