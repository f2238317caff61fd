import { describe, expect, it } from 'vitest';
import type { EpisodeDto, ProgramDto, SessionDto } from '../../src/contracts/scheduling.js';
import { DESKTOP, expectAccessible, hasChromium, signIn, useBrowser } from '../support/browser.js';

/** Clinic-local today in the demo clinic's zone, as the server sees it. */
const todayInNewYork = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

describe.skipIf(!hasChromium)('attendance', () => {
  const browser = useBrowser(DESKTOP);

  it('the therapist takes roll call from Today and the unexcused absence becomes an outreach task', async () => {
    const { page, url } = browser;
    await page.goto(url);
    await signIn(page, 'therapist3@riverside.example');

    // Tonight's make-up group for ten members of the Day track, led by the signed-in therapist.
    const api = page.request;
    const me = await (await api.get(`${url}/api/v1/me`)).json();
    const headers = { 'X-CSRF-Token': me.csrfToken as string };
    const programs = (await (await api.get(`${url}/api/v1/programs`)).json()).items as ProgramDto[];
    const day = programs.flatMap((p) => p.tracks).find((t) => t.name === 'Day')!;
    const members = (await (await api.get(`${url}/api/v1/episodes?trackId=${day.id}`)).json())
      .items as EpisodeDto[];
    const created = await api.post(`${url}/api/v1/sessions`, {
      headers,
      data: {
        trackId: day.id,
        origin: 'make_up',
        title: 'Evening make-up group',
        groupKind: 'skills',
        date: todayInNewYork(),
        start: '17:55',
        end: '18:45',
        facilitatorId: me.user.id,
        telehealthUrl: 'https://telehealth.riverside.example/make-up',
        addTrackMembers: false,
        patientIds: members.slice(0, 10).map((m) => m.patient.id),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const session = (await created.json()) as SessionDto;
    const [late, absent] = [session.participants[3]!, session.participants[7]!];

    await page.reload();
    await page.getByRole('link', { name: 'Roll call: Evening make-up group at 17:55' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roll call: Evening make-up group' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Mark all present' }).click();
    await page
      .getByRole('radiogroup', { name: `Attendance for ${late.name}` })
      .getByText('Late', { exact: true })
      .click();
    await page.getByLabel(`Minutes late for ${late.name}`).fill('15');
    await page
      .getByRole('radiogroup', { name: `Attendance for ${absent.name}` })
      .getByText('Absent (unexcused)', { exact: true })
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('radiogroup', { name: `Attendance for ${absent.name}` })
          .getByRole('radio', { name: 'Absent (unexcused)' })
          .isChecked(),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Save roll call' }).click();
    await page.getByText('Roll call saved: 10 marks recorded.').waitFor();

    const roll = await (await api.get(`${url}/api/v1/sessions/${session.id}/roll-call`)).json();
    const minutes = Object.fromEntries(
      (roll.members as { name: string; attendance: { minutes: number } }[]).map((m) => [
        m.name,
        m.attendance.minutes,
      ]),
    );
    expect(minutes[late.name]).toBe(35);
    expect(minutes[absent.name]).toBe(0);
    expect(Object.values(minutes).filter((m) => m === 50)).toHaveLength(8);

    // Back on Today, the outreach call waits in the therapist's tasks.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Today' })
      .click();
    const tasks = page.getByRole('table', { name: 'My tasks' });
    await expect
      .poll(() => tasks.textContent())
      .toContain(`Call the patient today: missed Evening make-up group on ${todayInNewYork()} at 17:55`);
    // The roster shows where everyone stands…
    const roster = page.getByRole('table', { name: 'Roster: Evening make-up group at 17:55' });
    await expect
      .poll(() => roster.getByRole('row').filter({ hasText: absent.name }).textContent())
      .toContain('Absent (unexcused)');
    expect(await roster.getByRole('row').filter({ hasText: late.name }).textContent()).toContain(
      'Late · 35 min',
    );
    await page.getByText('Attendance: 10 of 10 recorded').waitFor();
    // …and the caseload lists the therapist's patients with this week's hours.
    const caseload = page.getByRole('table', { name: 'Your patients this week' });
    await expect.poll(() => caseload.textContent()).toContain(absent.name);
    await expectAccessible(page);

    // The absent member's chart explains their dropout risk.
    await roster.getByRole('link', { name: absent.name }).click();
    const engagement = page.getByRole('region', { name: 'Engagement' });
    await engagement.getByRole('list', { name: 'Why this dropout risk' }).waitFor();
    expect(await engagement.textContent()).toContain('unexcused absence');
    await expectAccessible(page);
  });
});
