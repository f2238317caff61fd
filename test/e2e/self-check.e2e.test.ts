import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, expectAccessible, hasChromium, useBrowser } from '../support/browser.js';

/** The fieldsets (one per question) of a section of questions, in order. */
function questions(page: Page, section: string): Locator {
  return page.getByRole('region', { name: section }).getByRole('group');
}

async function choose(question: Locator, answer: string): Promise<void> {
  await question.getByRole('radio', { name: answer, exact: true }).check();
}

interface Answers {
  safety: 'Yes' | 'No';
  mood: string;
  item9: string;
  worry: string;
  functioning: string;
  support: string;
  triedTherapy: 'Yes' | 'No';
}

/** Answers every question after the safety one. */
async function answerTheRest(page: Page, a: Omit<Answers, 'safety'>): Promise<void> {
  const mood = questions(page, 'Your mood');
  expect(await mood.count()).toBe(9);
  for (let i = 0; i < 8; i++) await choose(mood.nth(i), a.mood);
  await choose(mood.nth(8), a.item9);
  const worry = questions(page, 'Worry and nerves');
  expect(await worry.count()).toBe(7);
  for (let i = 0; i < 7; i++) await choose(worry.nth(i), a.worry);
  const daily = questions(page, 'Daily life and support');
  await choose(daily.nth(0), a.functioning);
  await choose(daily.nth(1), a.support);
  await choose(daily.nth(2), a.triedTherapy);
}

function safetyQuestion(page: Page): Locator {
  return page.getByRole('group', { name: /thoughts of ending your life or hurting yourself/ });
}

function crisisHelp(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: '988' });
}

describe.skipIf(!hasChromium)('the public self-check', () => {
  const browser = useBrowser(PHONE);

  it('shows crisis help first, at once, when the person says yes to the safety question', async () => {
    const { page, url } = browser;
    await page.goto(`${url}/self-check`);
    await page.getByRole('heading', { level: 1, name: 'Is an IOP right for me?' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await crisisHelp(page).count()).toBe(0);

    await choose(safetyQuestion(page), 'Yes');
    const help = crisisHelp(page);
    await help.waitFor();
    const text = await help.innerText();
    expect(text).toContain('988');
    expect(text).toContain('911');
    expect(text).toContain('If you are in danger now, call 911');
    // Focus goes straight to the help, so a keyboard or screen reader user lands on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('crisis-help');
    await help.getByRole('link', { name: 'Call 988' }).waitFor();
    await expectAccessible(page);

    await answerTheRest(page, {
      mood: 'Several days',
      item9: 'Not at all',
      worry: 'Several days',
      functioning: 'Some',
      support: 'Yes, one or two people',
      triedTherapy: 'No',
    });
    await page.getByRole('button', { name: 'See my result' }).click();
    const result = page.getByRole('region', { name: 'Your result' });
    await result.waitFor();
    expect(await result.innerText()).toContain('Inpatient');
    // The crisis help stays on the page, above the result.
    const helpFirst = await page.evaluate(() => {
      const alert = document.getElementById('crisis-help');
      const heading = document.getElementById('self-check-result-heading');
      return (
        !!alert && !!heading && !!(alert.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    });
    expect(helpFirst).toBe(true);
    await expectAccessible(page);
  });

  it('suggests asking about IOP, says it is not a diagnosis, and takes a call-back request', async () => {
    const { page, url } = browser;
    await page.goto(`${url}/self-check`);
    await page.getByRole('heading', { level: 1, name: 'Is an IOP right for me?' }).waitFor();

    // Submitting early points to what is missing.
    await page.getByRole('button', { name: 'See my result' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please answer every question' }).waitFor();

    await choose(safetyQuestion(page), 'No');
    await answerTheRest(page, {
      mood: 'More than half the days',
      item9: 'Not at all',
      worry: 'More than half the days',
      functioning: 'A lot',
      support: 'Yes, one or two people',
      triedTherapy: 'No',
    });
    expect(await crisisHelp(page).count()).toBe(0);
    await page.getByRole('button', { name: 'See my result' }).click();

    const result = page.getByRole('region', { name: 'Your result' });
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('Intensive outpatient (IOP)');
    expect(text).toMatch(/not a diagnosis/i);
    expect(text).not.toMatch(/[a-z]+_[a-z_]+/); // no rule codes
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);

    const callback = page.getByRole('region', { name: 'Ask us to call you' });
    await callback.getByRole('button', { name: 'Ask us to call me' }).click();
    await callback.getByText('Enter your phone number.').waitFor();
    await callback.getByRole('textbox', { name: 'First name' }).fill('Jamie');
    await callback.getByRole('textbox', { name: 'Last name' }).fill('Rivera');
    await callback.getByRole('textbox', { name: 'Phone number' }).fill('(555) 010-2030');
    await callback.getByRole('textbox', { name: 'Best time to call (optional)' }).fill('Weekday mornings');
    await callback.getByRole('checkbox', { name: 'You may contact me about this request' }).check();
    await expectAccessible(page);
    await callback.getByRole('button', { name: 'Ask us to call me' }).click();
    await callback.getByText('We got your request.').waitFor();
    await expectAccessible(page);
  });
});
