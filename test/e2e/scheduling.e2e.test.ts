import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, hasChromium, signIn, useBrowser } from '../support/browser.js';

/** Picks `option` in the Mantine select labelled `label` (optionally inside `scope`). */
async function choose(
  page: Page,
  label: string,
  option: string,
  scope = page.locator('body'),
): Promise<void> {
  await scope.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!hasChromium)('scheduling', () => {
  const browser = useBrowser(DESKTOP);

  it('the program director admits an accepted referral to the evening track and the patient’s week fills', async () => {
    const { page, url } = browser;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await page.goto(url);
    await signIn(page, 'director@riverside.example');

    // The accepted referral waiting on the intake board.
    await nav.getByRole('link', { name: 'Intake' }).click();
    await page
      .getByRole('region', { name: 'Accepted (waitlist)' })
      .getByRole('link', { name: /Priya Nair/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Referral for Priya Nair' }).waitFor();
    await page.getByRole('link', { name: 'Admit to a program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admit Priya Nair to a program' }).waitFor();

    await choose(page, 'Program', 'Adult Mental Health IOP · Intensive outpatient (IOP)');
    await choose(page, 'Track', 'Evening');
    await expect
      .poll(() => page.getByRole('list', { name: 'Groups of Evening' }).textContent())
      .toContain('Mon, Wed, Thu 18:00–21:00');
    await choose(page, 'Primary therapist', 'Chris Nguyen, LMFT');
    const individual = page.getByRole('group', { name: 'Weekly individual therapy' });
    await choose(page, 'Weekday', 'Monday', individual);
    await individual.getByLabel('Start').fill('16:30');
    await choose(page, 'Room', 'Office 1 · seats 3', individual);

    // The first full week is checked against the program's rule before anything is saved.
    await page.getByRole('button', { name: 'Check schedule' }).click();
    const preview = page.getByRole('region', { name: /^Planned week of/ });
    await preview.waitFor();
    await expect.poll(() => preview.textContent()).toContain('meets the program’s intensity');
    expect(await preview.getByRole('alert').count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Admit', exact: true }).click();

    // The patient's record shows the program and, from next week, three evening groups and therapy.
    await page.getByRole('heading', { level: 1, name: /Priya Nair/ }).waitFor();
    const week = page.getByRole('region', { name: 'Schedule this week' });
    await expect.poll(() => week.textContent()).toContain('Adult Mental Health IOP · Evening');
    await week.getByRole('button', { name: 'Next week' }).click();
    const rows = week.getByRole('table', { name: 'Sessions this week' }).getByRole('row');
    await expect
      .poll(async () => (await rows.allInnerTexts()).slice(1).map((r) => r.replace(/\s+/g, ' ').trim()))
      .toEqual([
        expect.stringMatching(/^Mon, .* 16:30–17:20 Individual therapy Office 1$/),
        expect.stringMatching(/^Mon, .* 18:00–21:00 Evening process and skills group Group Room B$/),
        expect.stringMatching(/^Wed, .* 18:00–21:00 Evening process and skills group Group Room B$/),
        expect.stringMatching(/^Thu, .* 18:00–21:00 Evening process and skills group Group Room B$/),
      ]);
    await expect.poll(() => week.textContent()).toContain('meeting the program’s intensity');
    // A new member joins the rolling curriculum mid-cycle and catches up in the next one.
    const curriculum = page.getByRole('region', { name: 'Curriculum' });
    await expect.poll(() => curriculum.textContent()).toContain('0 of 8 modules completed');
    expect(
      await curriculum.getByRole('list', { name: 'Modules still to do' }).getByRole('listitem').count(),
    ).toBe(8);
    await expectAccessible(page);
  });

  it('shows the week calendar and the program setup accessibly', async () => {
    const { page, url } = browser;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await page.goto(url);
    await signIn(page, 'therapist2@riverside.example');
    await nav.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    await expect.poll(() => page.getByText('After-school skills group').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await nav.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await expect.poll(() => page.getByText('Adolescent IOP').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('the program director sets a clinician’s supervisor and hours', async () => {
    const { page, url } = browser;
    await page.goto(url);
    await signIn(page, 'director@riverside.example');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Programs' })
      .click();
    await page.getByRole('link', { name: 'Staff credentials and hours' }).click();
    const table = page.getByRole('table', { name: 'Clinical staff' });
    const jamie = table.getByRole('row').filter({ hasText: 'Jamie Park' });
    await expect.poll(() => jamie.textContent()).toContain('Supervised by Taylor Reed');
    await expectAccessible(page);

    await jamie.getByRole('button', { name: 'Edit Jamie Park' }).click();
    const dialog = page.getByRole('dialog', { name: 'Jamie Park: credentials and hours' });
    await dialog.getByRole('button', { name: 'Remove Friday 08:00–21:30' }).click();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => jamie.textContent()).not.toContain('Fri');
    await expect.poll(() => jamie.textContent()).toContain('Thu 08:00–21:30');
  });
});
