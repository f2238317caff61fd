import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startTestServer } from './server.js';

/** Debian's Chromium, driven by playwright-core (no browser downloads on these machines). */
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
export const DEMO_PASSWORD = 'trellis-demo-2026';
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium).`);
  console.warn(
    `Skipping browser tests: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium`,
  );
}

/**
 * For a describe block: the real server (built web app, demo clinic, fresh embedded database) and
 * Chromium for the whole block, a fresh browser context and page for each test.
 */
export function useBrowser(viewport = DESKTOP): { readonly page: Page; readonly url: string } {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    if (!fs.existsSync('dist/web/index.html')) throw new Error('Build the web app first: npm run build:web');
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return async () => {
      await browser?.close();
      await server?.close();
    };
  });
  beforeEach(async () => {
    context = await browser!.newContext({ locale: 'en-US', viewport });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  return {
    get page() {
      return page!;
    },
    get url() {
      return server!.url;
    },
  };
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const problems = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`));
  expect(problems).toEqual([]);
}

/** Signs in from the login page and waits for Today. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to Trellis' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), / }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Trellis' }).waitFor();
}
