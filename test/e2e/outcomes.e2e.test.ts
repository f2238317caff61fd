import { describe, expect, it } from 'vitest';
import type { EpisodeDto, ProgramDto } from '../../src/contracts/scheduling.js';
import { DESKTOP, expectAccessible, hasChromium, signIn, signOut, useBrowser } from '../support/browser.js';

/** Clinic-local today in the demo clinic's zone, as the server sees it. */
const todayInNewYork = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

/** "Nov 27, 2026": how the web app shows a date (formatDate) in an en-US browser. */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(new Date(`${iso}T00:00:00Z`));

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const PLAN_ATTESTATION =
  'I attest that this plan was written with the patient, is accurate, and is the plan of care I will follow.';
/** PHQ-9 answers given on the tablet: 2 ("More than half the days") on items 1–8, 0 on item 9. */
const KIOSK_ANSWERS = [2, 2, 2, 2, 2, 2, 2, 2, 0];
const PHQ9_OPTIONS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

describe.skipIf(!hasChromium)('outcomes', () => {
  const browser = useBrowser(DESKTOP);

  it('the therapist signs a treatment plan with a PHQ-9 target, the patient answers the PHQ-9 on the tablet, and the chart shows it', async () => {
    const { page, url } = browser;
    const api = page.request;

    // The director puts the Day track's program on a weekly PHQ-9 (API, as the director).
    await page.goto(url);
    await signIn(page, 'director@riverside.example');
    const dirMe = await (await api.get(`${url}/api/v1/me`)).json();
    const programs = (await (await api.get(`${url}/api/v1/programs`)).json()).items as ProgramDto[];
    const program = programs.find((p) => p.tracks.some((t) => t.name === 'Day'))!;
    const day = program.tracks.find((t) => t.name === 'Day')!;
    const schedule = await api.put(`${url}/api/v1/programs/${program.id}/measurement`, {
      headers: { 'X-CSRF-Token': dirMe.csrfToken as string },
      data: {
        measurementSchedule: [{ instrumentId: 'phq-9', every: { weeks: 1 } }],
        planReviewIntervalDays: null,
      },
    });
    expect(schedule.status(), await schedule.text()).toBe(200);
    const members = (await (await api.get(`${url}/api/v1/episodes?trackId=${day.id}`)).json())
      .items as EpisodeDto[];
    await signOut(page);

    // The clinician signs in; the patient is one of their Day-track patients.
    await signIn(page, 'therapist3@riverside.example');
    const me = await (await api.get(`${url}/api/v1/me`)).json();
    const episode =
      members.find((m) => m.primaryTherapist.id === me.user.id && m.status === 'active') ??
      members.find((m) => m.status === 'active')!;
    const patientId = episode.patient.id;

    // Patient record → Treatment plan → Write plan.
    await page.goto(`${url}/patients/${patientId}`);
    const planSection = page.getByRole('region', { name: 'Treatment plan' });
    await planSection.getByRole('button', { name: 'Write plan' }).waitFor();
    await expectAccessible(page);
    await planSection.getByRole('button', { name: 'Write plan' }).click();
    await page.waitForURL(`**/patients/${patientId}/treatment-plan?edit=1`);
    await page.getByRole('heading', { level: 1, name: 'Treatment plan' }).waitFor();
    await page.getByRole('region', { name: 'Problems' }).waitFor();

    // One problem: drop any problems and diagnoses carried over from the episode, then pick F33.1.
    while (await page.getByRole('button', { name: 'Remove problem 2' }).count()) {
      await page.getByRole('button', { name: 'Remove problem 2' }).click();
    }
    for (const remove of await page
      .getByRole('button', { name: /^Remove diagnosis .* from Problem 1$/ })
      .all()) {
      await remove.click();
    }
    await page
      .getByLabel('Problem statement, Problem 1', { exact: true })
      .fill('Recurrent depressed mood with withdrawal from work and family.');
    await page.getByRole('combobox', { name: 'Add a diagnosis, Problem 1' }).fill('F33.1');
    const option = page.getByRole('option', { name: /^F33\.1 / });
    await option.waitFor();
    await option.click();
    await page
      .getByRole('list', { name: 'Diagnoses' })
      .getByRole('listitem')
      .filter({ hasText: /^F33\.1 / })
      .waitFor();

    // Two goals, each with an objective; the first objective has a PHQ-9 target below 10.
    const target = addDays(todayInNewYork(), 30);
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page
      .getByLabel("In the patient's own words, Goal 1", { exact: true })
      .fill('I want to feel like myself again.');
    await page
      .getByLabel('Objective, objective 1 of goal 1', { exact: true })
      .fill('Uses behavioral activation three days a week, reported in group.');
    await page.getByLabel('Target date, objective 1 of goal 1', { exact: true }).fill(target);
    await page
      .getByRole('combobox', { name: 'Score target (optional), objective 1 of goal 1', exact: true })
      .click();
    await page.getByRole('option', { name: 'PHQ-9', exact: true }).click();
    await page.getByLabel('Score below, objective 1 of goal 1', { exact: true }).fill('10');

    await page.getByRole('button', { name: 'Add goal' }).click();
    await page
      .getByLabel("In the patient's own words, Goal 2", { exact: true })
      .fill('I want to go back to work.');
    await page
      .getByRole('group', { name: 'Problems goal 2 addresses' })
      .getByRole('checkbox', { name: /^Problem 1/ })
      .check();
    await page
      .getByLabel('Objective, objective 1 of goal 2', { exact: true })
      .fill('Drafts a return-to-work plan with the case manager.');
    await page.getByLabel('Target date, objective 1 of goal 2', { exact: true }).fill(target);

    // An intervention for both goals.
    await page.getByRole('button', { name: 'Add intervention' }).click();
    await page
      .getByLabel('Description, Intervention 1', { exact: true })
      .fill('Daily CBT skills group: behavioral activation and problem solving.');
    const addresses = page.getByRole('group', { name: 'Goals intervention 1 addresses' });
    await addresses.getByRole('checkbox', { name: /^Goal 1/ }).check();
    await addresses.getByRole('checkbox', { name: /^Goal 2/ }).check();

    await page
      .getByLabel('Discharge criteria', { exact: true })
      .fill('PHQ-9 below 10 for two weeks and a return-to-work date agreed.');
    await page
      .getByLabel('Step-down criteria', { exact: true })
      .fill('Attends consistently and PHQ-9 below 15: step down to intensive outpatient.');
    await page
      .getByRole('status')
      .filter({ hasText: /Saved at \d\d:\d\d/ })
      .waitFor();
    await page.getByText('Nothing stops signing.').waitFor();
    await expectAccessible(page);

    await page.getByLabel(PLAN_ATTESTATION).check();
    await page.getByRole('button', { name: 'Sign plan' }).click();
    const inForce = page.getByRole('region', { name: 'Plan in force: version 1' });
    await inForce.getByText('Signed', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Clinician signature' })
      .getByText(/^SHA-256 [0-9a-f]{64}$/)
      .waitFor();
    expect(await inForce.textContent()).toContain('(PHQ-9 below 10)');
    await expectAccessible(page);

    // Back on the record: the PHQ-9 is due; hand the tablet to the patient.
    await page.getByRole('link', { name: 'Patient record' }).click();
    const outcomes = page.getByRole('region', { name: 'Outcomes' });
    const due = outcomes.getByRole('region', { name: 'Measures due' });
    await due.getByRole('listitem').filter({ hasText: 'PHQ-9' }).waitFor();
    await expectAccessible(page);
    // A clinic-owned tablet instead: the patient types a one-time code at /kiosk.
    await due.getByRole('button', { name: 'Code for a clinic tablet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Code for a clinic tablet' });
    const code = (await dialog.getByText(/^[A-Z2-9]{10}$/).textContent())!;
    const tablet = await page.context().browser()!.newContext({ locale: 'en-US', viewport: DESKTOP });
    const clinicTablet = await tablet.newPage();
    await clinicTablet.goto(`${url}/kiosk`);
    await clinicTablet.getByLabel('Code from the front desk').fill(code.toLowerCase());
    await clinicTablet.getByRole('button', { name: 'Start' }).click();
    await clinicTablet.getByRole('heading', { level: 1, name: /^Hi / }).waitFor();
    await expectAccessible(clinicTablet);
    await tablet.close();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await due.getByRole('button', { name: 'Hand tablet to patient' }).click();
    await page.waitForURL(/\/kiosk\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: /^Hi / }).waitFor();
    // The tablet left staff hands: the staff session on it has ended.
    expect(await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status))).toBe(401);
    await expectAccessible(page);

    // One question per screen.
    const form = page.getByRole('form', { name: 'PHQ-9 questions' });
    for (const [i, answer] of KIOSK_ANSWERS.entries()) {
      await form.getByRole('heading', { name: `Question ${i + 1} of ${KIOSK_ANSWERS.length}` }).waitFor();
      await form.getByRole('radio', { name: PHQ9_OPTIONS[answer]!, exact: true }).check();
      const last = i === KIOSK_ANSWERS.length - 1;
      await form.getByRole('button', { name: last ? 'Submit' : 'Next', exact: true }).click();
    }
    await page.getByRole('heading', { name: 'Thank you — please hand the tablet back' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toMatch(/\b16\b/);
    await expectAccessible(page);

    // Staff take the tablet back and sign in again: the chart shows the new point.
    const total = KIOSK_ANSWERS.reduce((a, b) => a + b, 0);
    await page.goto(url);
    await signIn(page, 'therapist3@riverside.example');
    await page.goto(`${url}/patients/${patientId}`);
    const chart = page
      .getByRole('region', { name: 'Outcomes' })
      .getByRole('figure', { name: 'PHQ-9 over this episode' });
    await chart.waitFor();
    await chart.getByRole('button', { name: 'Show as table' }).click();
    const table = chart.getByRole('table', { name: 'PHQ-9 scores in this episode' });
    const row = table.getByRole('row').filter({ hasText: shownDate(todayInNewYork()) });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe(shownDate(todayInNewYork()));
    expect(cells[1]).toBe(String(total));
    // The plan's PHQ-9 objective (below 10) now reads against the tablet's score.
    await page
      .getByRole('region', { name: 'Treatment plan' })
      .getByText(`Not met yet (latest PHQ-9 ${total})`, { exact: true })
      .waitFor();
    await expectAccessible(page);
  });
});
