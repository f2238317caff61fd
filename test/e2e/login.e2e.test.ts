import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, hasChromium, signIn, useBrowser } from '../support/browser.js';

describe.skipIf(!hasChromium)('signing in', () => {
  const browser = useBrowser(DESKTOP);

  it('lets a clinician sign in to Today and sign out again', async () => {
    const { page, url } = browser;
    await page.goto(url);
    await page.getByRole('heading', { name: 'Sign in to Trellis' }).waitFor();
    await expectAccessible(page);

    await signIn(page, 'therapist@riverside.example');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Taylor Reed');
    await page.getByText(/^Clinician · /).waitFor();
    await expectAccessible(page);

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect.poll(() => nav.getByRole('link', { name: 'Today' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Trellis' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('lets an administrator create a user and find it in the audit log', async () => {
    const { page, url } = browser;
    await page.goto(url);
    await signIn(page, 'admin@riverside.example');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('cell', { name: 'therapist@riverside.example' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Full name').fill('Morgan Lee');
    await dialog.getByLabel('Email').fill('morgan.lee@riverside.example');
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Clinician' }).click();
    await dialog
      .getByRole('textbox', { name: 'Initial password', exact: true })
      .fill('a-long-secure-passphrase');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'morgan.lee@riverside.example' }).waitFor();

    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: 'create', exact: true }).first().waitFor();
    await expectAccessible(page);

    // The administrator names the on-call clinician who receives safety-alert tasks.
    await nav.getByRole('link', { name: 'Organization settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    await page.getByRole('combobox', { name: 'On-call licensed clinician' }).click();
    await page.getByRole('option', { name: 'Taylor Reed' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Organization settings saved.').waitFor();
    await expectAccessible(page);
  });
});
