import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

const SCREENSHOTS =
  process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'test-output', 'screenshots');
const INGEST_TOKEN = 'ingest-secret';

/** Rustem Umerov of the sample story, reported again under two Cyrillic spellings. */
const OTHER_SPELLINGS = [
  {
    occurredOn: '2025-12-23',
    title: 'Умєров: гарантії безпеки мають бути юридично зобовʼязувальними',
    topics: ['peace-plan', 'security-guarantees'],
    actors: [{ name: 'Умєров', affiliation: 'ukraine' }],
    statements: [
      { actor: 'Умєров', topic: 'peace-plan', stance: 'conditional' },
      { actor: 'Умєров', topic: 'security-guarantees', stance: 'support' },
    ],
  },
  {
    occurredOn: '2025-12-24',
    title: 'Умеров: следующий раунд переговоров — в январе',
    topics: ['trilateral-talks'],
    actors: [{ name: 'Рустем Умеров' }],
    statements: [{ actor: 'Рустем Умеров', topic: 'trilateral-talks', stance: 'support' }],
  },
];
const UMEROV = 'rustem-umerov';
const UKRAINIAN_SPELLING = 'умєров';

describe('the web view: one actor under two names', () => {
  let system: NewslineUnderTest;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    system = await NewslineUnderTest.start(isolatedConfig({ INGEST_TOKEN }));
    for (const development of [...sampleDevelopments(), ...OTHER_SPELLINGS]) {
      const response = await system.post('/v1/developments', development, {
        authorization: `Bearer ${INGEST_TOKEN}`,
      });
      expect(response.status).toBe(202);
    }
    await system.caughtUp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const openPage = async (hash: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is logged by the browser itself; the page shows it instead.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
    await page.goto(`${system.projectorUrl}/${hash}`);
    await page
      .getByTestId('live-status')
      .filter({ hasText: /^live$/ })
      .waitFor();
    return page;
  };
  const matrixRows = (page: Page) =>
    page
      .locator('[data-testid="stance-matrix"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-actor')));
  const rowCount = (page: Page, count: number) =>
    waitFor(`${count} rows in the matrix`, async () =>
      (await matrixRows(page)).length === count ? true : undefined,
    );

  it("merges on the web view's own origin: no cross-origin call, no CORS", async () => {
    const preflight = await fetch(
      `${system.ingestUrl}/v1/actors/${encodeURIComponent(UKRAINIAN_SPELLING)}/merge`,
      {
        method: 'OPTIONS',
        headers: {
          origin: system.projectorUrl,
          'access-control-request-method': 'DELETE',
          'access-control-request-headers': 'authorization,content-type',
        },
      },
    );
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const page = await fetch(`${system.projectorUrl}/`);
    expect(await page.text()).not.toContain('newsline-ingest-url');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  it('merges two spellings from the actor page, and the open matrix loses a row; undo brings it back', async () => {
    const matrix = await openPage('#/topics');
    await matrix.getByTestId('stance-matrix').waitFor();
    const before = await matrixRows(matrix);
    expect(before).toEqual(expect.arrayContaining([UMEROV, UKRAINIAN_SPELLING]));
    // Gone if the page were loaded again rather than updated in place.
    await matrix.evaluate(() => Object.assign(globalThis, { notReloaded: true }));

    const actor = await openPage(`#/actors/${UMEROV}`);
    const duplicate = actor.locator(
      `[data-testid="duplicate"][data-actor="${UKRAINIAN_SPELLING}"]`,
    );
    await duplicate.waitFor();
    expect(await duplicate.getAttribute('data-likely')).toBe('true');
    expect(await duplicate.getByTestId('duplicate-score').textContent()).toMatch(/^score \d+%$/);
    expect(await duplicate.locator('.reasons li').allTextContents()).toContain('transliteration');
    expect(await duplicate.getAttribute('class')).toBe('identity-item likely');

    // Merging needs a writer: the static INGEST_TOKEN signs in as `ingest-token`.
    expect(await duplicate.getByTestId('merge-button').count()).toBe(0);
    await actor.getByTestId('sign-in-button').click();
    const signIn = actor.getByTestId('sign-in-dialog');
    await signIn.getByLabel('Token').fill('not-the-token');
    await signIn.getByTestId('sign-in-submit').click();
    await signIn
      .getByTestId('sign-in-error')
      .filter({ hasText: /none of its own tokens/ })
      .waitFor();
    await signIn.getByLabel('Token').fill(INGEST_TOKEN);
    await signIn.getByTestId('sign-in-submit').click();
    await signIn.waitFor({ state: 'detached' });
    expect(await actor.getByTestId('account-name').textContent()).toBe('ingest-token');
    expect(actor.url()).not.toContain(INGEST_TOKEN);

    const writes: string[] = [];
    actor.on('request', (request) => {
      if (request.method() !== 'GET') writes.push(new URL(request.url()).origin);
    });
    await duplicate.getByRole('button', { name: /^Merge into this actor \(Умєров\)$/ }).click();
    const form = duplicate.getByTestId('merge-form');
    await form.getByTestId('merge-confirm').click();

    await rowCount(matrix, before.length - 1);
    expect(await matrixRows(matrix)).not.toContain(UKRAINIAN_SPELLING);
    expect(await matrix.evaluate(() => 'notReloaded' in globalThis)).toBe(true);
    const alias = actor.locator(`[data-testid="alias"][data-actor="${UKRAINIAN_SPELLING}"]`);
    await alias.waitFor();
    expect(
      await actor.locator(`[data-testid="duplicate"][data-actor="${UKRAINIAN_SPELLING}"]`).count(),
    ).toBe(0);
    // The chart now has the statements made under the other spelling.
    await actor
      .locator('[data-testid="stance-chart"] [data-topic="security-guarantees"]')
      .first()
      .waitFor();
    await actor.screenshot({ path: join(SCREENSHOTS, 'actor-identity.png'), fullPage: true });
    expect(statSync(join(SCREENSHOTS, 'actor-identity.png')).size).toBeGreaterThan(10_000);

    const byAlias = await openPage(`#/actors/${encodeURIComponent(UKRAINIAN_SPELLING)}`);
    await byAlias.getByTestId('merged-notice').waitFor();
    expect(await byAlias.getByTestId('merged-notice').textContent()).toContain(
      'Умєров is merged into Rustem Umerov',
    );
    expect(await byAlias.getByTestId('actor-name').textContent()).toBe('Rustem Umerov');
    await byAlias.close();

    await alias.getByRole('button', { name: /^Undo merge \(Умєров\)$/ }).click();
    await alias.getByTestId('merge-confirm').click();

    await rowCount(matrix, before.length);
    expect((await matrixRows(matrix)).sort()).toEqual([...before].sort());
    await actor.locator(`[data-testid="duplicate"][data-actor="${UKRAINIAN_SPELLING}"]`).waitFor();
    expect(await actor.getByTestId('alias').count()).toBe(0);
    // Both went to the page's own origin, which forwards them to ingest.
    expect(writes).toEqual([system.projectorUrl, system.projectorUrl]);
    expect(problems).toEqual([]);
  });
});
