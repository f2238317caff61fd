import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const PASSWORD = 'trellis-demo-2026';
const hasChromium = fs.existsSync(CHROMIUM);

if (!hasChromium) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium).`);
  console.warn(
    `Skipping browser tests: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium`,
  );
}

/** No serious or critical axe violations on the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const problems = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`));
  expect(problems).toEqual([]);
}

/** Signs in from the login page and waits for Today. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to Trellis' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), / }).waitFor();
}

describe.skipIf(!hasChromium)('signing in', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  // Each hook returns its own teardown, so a failed start cleans up only what did start.
  beforeAll(async () => {
    if (!fs.existsSync('dist/web/index.html')) throw new Error('Build the web app first: npm run build:web');
    server = await startTestServer();
    return () => server.close();
  });

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return () => browser.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('lets a clinician sign in to Today and sign out again', async () => {
    await page.goto(server.url);
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
    await page.goto(server.url);
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
  });
});
