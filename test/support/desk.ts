import { SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** What the browser tests of the desk run at. */
export const VIEWPORT = { width: 1280, height: 900 };

const AXE = require.resolve('axe-core/axe.min.js');
const TOKEN_KEY = 'newsline.token';

/** An HS256 token signed with the services' AUTH_JWT_SECRET, as `npm run token` mints them. */
export function mintToken(
  secret: string,
  name: string,
  roles: string[],
  expiresAt: string | number = '1h',
): Promise<string> {
  return new SignJWT({ preferred_username: name, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(name)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
}

/**
 * A tab on `url` (the projector's page and a hash), once its update stream is live. Page
 * errors and console errors go to `problems`, other than the browser's own line about a
 * refused request (the page shows those itself).
 */
export async function openDeskPage(
  context: BrowserContext,
  url: string,
  problems: string[],
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.goto(url);
  await page
    .getByTestId('live-status')
    .filter({ hasText: /^live$/ })
    .waitFor();
  return page;
}

/** Signs in with the header's Sign in, pasting the token. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId('sign-in-button').click();
  const dialog = page.getByTestId('sign-in-dialog');
  await dialog.getByLabel('Token').fill(token);
  await dialog.getByTestId('sign-in-submit').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** The timeline's entry of the development with this title. */
export function timelineItem(page: Page, title: string) {
  return page.getByTestId('development').filter({
    has: page.locator('[data-testid="development-title"]', { hasText: title }),
  });
}

/**
 * A tab on `url`, signed in with `token`, where axe may be injected (the page's policy allows
 * no inline script). Close its context when done.
 */
export async function auditPage(browser: Browser, url: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  await context.addInitScript(
    ({ key, value }) => (globalThis as any).sessionStorage.setItem(key, value),
    { key: TOKEN_KEY, value: token },
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}

/** Runs axe-core on the page as it is; fails on serious and critical violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as any;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation: any) => ['serious', 'critical'].includes(violation.impact))
      .map(
        (violation: any) =>
          `${violation.id} (${violation.impact}): ${violation.nodes
            .map((node: any) => node.target.join(' '))
            .join(', ')}`,
      );
  });
  expect({ what, violations }).toEqual({ what, violations: [] });
}
