import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHQ9_ITEM_TEXTS } from '../../src/domain/instruments/phq-9.js';
import { DESKTOP, expectAccessible, hasChromium, signIn, signOut, useBrowser } from '../support/browser.js';

/** Chooses one answer in the question (a fieldset) named `question`. */
async function answer(page: Page, question: string | RegExp, option: string): Promise<void> {
  await page.getByRole('group', { name: question }).getByRole('radio', { name: option, exact: true }).check();
}

/** Moves the referral on the referral page one stage on, and waits for the stage to show. */
async function moveTo(page: Page, stage: string): Promise<void> {
  await page.getByRole('button', { name: `Move to ${stage}` }).click();
  await page
    .getByRole('listitem')
    .filter({ hasText: stage })
    .and(page.locator('[aria-current="step"]'))
    .waitFor();
}

const PATIENT = 'Avery Quinlan';

describe.skipIf(!hasChromium)('intake', () => {
  const browser = useBrowser(DESKTOP);

  it('takes a new referral from the board to accepted, with a screening and a level-of-care decision', async () => {
    const { page, url } = browser;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    // The intake coordinator opens a referral for a new patient.
    await page.goto(url);
    await signIn(page, 'intake@riverside.example');
    await nav.getByRole('link', { name: 'Intake' }).click();
    await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
    await page.getByRole('region', { name: 'Accepted (waitlist)' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await page.getByLabel('Given (first) name').fill('Avery');
    await page.getByLabel('Family (last) name').fill('Quinlan');
    await page.getByLabel('Date of birth').fill('1991-06-15');
    await page.getByLabel('Phone', { exact: true }).fill('555-010-2030');
    await page.getByLabel('Referral source').selectOption({ label: 'Outpatient therapist' });
    await answer(page, 'Urgency', 'Urgent');
    await page.getByLabel('Referrer name').fill('Dr. Morgan Lee');
    await page.getByLabel('Reason for referral').fill('Worsening depression; weekly therapy is not enough.');
    await answer(page, /agree to be contacted/, 'Yes');
    await page.getByRole('button', { name: 'Create referral' }).click();

    await page.getByRole('heading', { level: 1, name: `Referral for ${PATIENT}` }).waitFor();
    await moveTo(page, 'Contacted');
    await moveTo(page, 'Screening');
    await signOut(page);

    // A clinician records a PHQ-9 for the referral.
    await signIn(page, 'therapist@riverside.example');
    await nav.getByRole('link', { name: 'Intake' }).click();
    await page
      .getByRole('region', { name: 'Screening' })
      .getByRole('link', { name: new RegExp(PATIENT) })
      .click();
    await page.getByRole('heading', { level: 1, name: `Referral for ${PATIENT}` }).waitFor();
    await page.getByRole('link', { name: 'Start a screening' }).click();
    await page.getByRole('heading', { level: 1, name: `Screening: ${PATIENT}` }).waitFor();
    expect(await page.getByLabel('Instrument', { exact: true }).inputValue()).toBe('phq-9');

    const answers = [
      'More than half the days',
      'Nearly every day',
      'More than half the days',
      'Nearly every day',
      'Several days',
      'More than half the days',
      'More than half the days',
      'Several days',
      'Not at all',
    ];
    for (const [i, text] of PHQ9_ITEM_TEXTS.entries()) {
      if (i === 4) await page.getByRole('status').getByText('Answer all items to see the score.').waitFor();
      await answer(page, text, answers[i]!);
    }
    const score = page.getByRole('status');
    await score.getByText('Total 16').waitFor();
    await score.getByText('Moderately severe').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save screening' }).click();

    // Back on the referral: the screening is listed; the clinician completes the assessment.
    await page.getByRole('heading', { level: 1, name: `Referral for ${PATIENT}` }).waitFor();
    const screenings = page.getByRole('table', { name: 'Screenings for this referral' });
    await screenings.getByRole('row').filter({ hasText: 'PHQ-9' }).filter({ hasText: '16' }).waitFor();
    await moveTo(page, 'Assessed');

    await page.getByLabel('Risk of suicide or serious self-harm now').selectOption({ label: 'None' });
    await page.getByLabel('Risk of harming others now').selectOption({ label: 'None' });
    await page.getByLabel('How severe the mental health symptoms are').selectOption({ label: 'Severe' });
    await page.getByLabel(/get in the way of work, school/).selectOption({ label: 'Severely' });
    await page.getByLabel(/dangerous withdrawal/).selectOption({ label: 'None' });
    await page.getByLabel(/help day to day and in a crisis/).selectOption({ label: 'Adequate support' });
    await page.getByLabel(/Recently discharged from more intensive care/).selectOption({ label: 'No' });
    await answer(page, /^Medically stable/, 'Yes');
    await answer(page, /safe place to live/, 'Yes');
    await answer(page, /outpatient therapy has already been tried/, 'No');
    await answer(page, /take part in a day program/, 'Yes');

    await page.getByRole('heading', { name: 'Recommended: Intensive outpatient (IOP)' }).waitFor();
    const reasons = page.getByRole('list', { name: 'Reasons for the recommendation' });
    await reasons.getByText('Symptoms are severe, so weekly therapy is not enough.').waitFor();
    await reasons.getByText(/Symptoms keep the person from functioning/).waitFor();
    await page.getByRole('button', { name: 'Accept recommendation' }).click();

    const decisions = page.getByRole('list', { name: 'Saved decisions' });
    await decisions.getByText('Chosen: Intensive outpatient (IOP)').waitFor();
    await decisions.getByText(/Ruleset trellis-loc-/).waitFor();
    await moveTo(page, 'Accepted');
    await expectAccessible(page);

    // The board shows the person on the waitlist.
    await nav.getByRole('link', { name: 'Intake' }).click();
    await page
      .getByRole('region', { name: 'Accepted (waitlist)' })
      .getByRole('link', { name: new RegExp(PATIENT) })
      .waitFor();
    expect(
      await page
        .getByRole('region', { name: 'Screening' })
        .getByRole('link', { name: new RegExp(PATIENT) })
        .count(),
    ).toBe(0);
  });
});
