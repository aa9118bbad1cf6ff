import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  auditPage,
  expectAccessible,
  mintToken,
  openDeskPage,
  signIn,
  timelineItem,
  VIEWPORT,
} from './support/desk';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

const SECRET = randomBytes(32).toString('base64');
const SCREENSHOTS =
  process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'test-output', 'screenshots');

/** Line 13 of the file: a stance the API does not know. */
const INVALID = {
  occurredOn: '2025-12-31',
  title: 'A stance no one has heard of',
  statements: [{ actor: 'Keir Starmer', topic: 'peace-plan', stance: 'maybe' }],
};

const ndjsonFile = (name: string, items: unknown[]) => ({
  name,
  mimeType: 'application/x-ndjson',
  buffer: Buffer.from(`${items.map((item) => JSON.stringify(item)).join('\n')}\n`),
});

const SAMPLE_FILE = ndjsonFile('developments.ndjson', [...sampleDevelopments(), INVALID]);

describe('the desk: importing a file of developments', () => {
  let system: NewslineUnderTest;
  let browser: Browser;
  let editors: BrowserContext;
  let tokens: { alice: string; reader: string };
  /** Alice's tab, on the timeline, never reloaded. */
  let desk: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    tokens = {
      alice: await mintToken(SECRET, 'alice', ['editor']),
      reader: await mintToken(SECRET, 'rita', ['reader']),
    };
    system = await NewslineUnderTest.start(isolatedConfig({ AUTH_JWT_SECRET: SECRET }));
    browser = await launchBrowser();
    editors = await browser.newContext({ viewport: VIEWPORT });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const batchRequests = (page: Page) => {
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/developments/batch')) {
        requests.push(request);
      }
    });
    return requests;
  };

  const importFile = async (dialog: Locator, file: ReturnType<typeof ndjsonFile>) => {
    await dialog.getByLabel('File').setInputFiles(file);
    await dialog.getByTestId('import-submit').click();
  };

  const summaryOf = async (dialog: Locator) => {
    await dialog.getByTestId('import-summary').waitFor();
    return {
      accepted: await dialog.getByTestId('import-accepted').textContent(),
      duplicates: await dialog.getByTestId('import-duplicates').textContent(),
      invalid: await dialog.getByTestId('import-invalid-count').textContent(),
      progress: await dialog.getByTestId('import-progress').textContent(),
    };
  };

  const timelineCount = (page: Page) => page.getByTestId('development').count();

  it('imports an NDJSON file: the valid lines are recorded, the invalid one is shown with its line and field', async () => {
    desk = await openDeskPage(editors, `${system.projectorUrl}/#/`, problems);
    await desk.getByTestId('timeline').waitFor({ state: 'attached' });
    expect(await desk.getByTestId('import-file-button').count()).toBe(0);
    await signIn(desk, tokens.alice);
    await desk.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    const requests = batchRequests(desk);

    await desk.getByTestId('import-file-button').click();
    const dialog = desk.getByTestId('import-dialog');
    expect(await desk.locator(':focus').getAttribute('data-testid')).toBe('import-file');
    expect(await dialog.textContent()).toContain('Importing the same file again is safe');
    await importFile(dialog, SAMPLE_FILE);

    expect(await summaryOf(dialog)).toEqual({
      accepted: '12 accepted',
      duplicates: '0 duplicates (recorded before: nothing new written)',
      invalid: '1 invalid',
      progress: '13 of 13 lines',
    });
    const invalid = dialog.getByTestId('import-invalid-item');
    expect(await invalid.count()).toBe(1);
    expect(await invalid.getAttribute('data-line')).toBe('13');
    expect(await invalid.textContent()).toMatch(
      /^Line 13: statements\[0\]\.stance: must be one of/,
    );
    expect(await dialog.locator('progress').evaluate((bar: any) => [bar.value, bar.max])).toEqual([
      13, 13,
    ]);
    // Focus moves to the summary, for screen readers to read it.
    expect(await desk.locator(':focus').textContent()).toBe('Import done');
    const screenshot = join(SCREENSHOTS, 'desk-import.png');
    await desk.screenshot({ path: screenshot });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);

    expect(requests).toHaveLength(1);
    expect(await requests[0].headerValue('content-type')).toBe('application/x-ndjson');
    expect(await requests[0].headerValue('authorization')).toBe(`Bearer ${tokens.alice}`);
    expect(requests[0].postData()?.trim().split('\n')).toHaveLength(13);

    // The developments reach the timeline through the live stream, without a reload.
    await dialog.getByTestId('import-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await waitFor('the imported developments on the timeline', async () =>
      (await timelineCount(desk)) === 12 ? true : undefined,
    );
    await timelineItem(desk, 'US–Ukraine meeting in Miami').waitFor();
    expect(await desk.evaluate(() => 'notReloaded' in globalThis)).toBe(true);
    const { items } = await system.getJson('/v1/timeline?limit=1');
    const { history } = await system.getJson(`/v1/developments/${items[0].developmentId}`);
    expect(history[0].recordedBy).toBe('alice');
  });

  it('imports the same file again: every line is a duplicate, nothing new is recorded', async () => {
    await desk.getByTestId('import-file-button').click();
    const dialog = desk.getByTestId('import-dialog');
    await importFile(dialog, SAMPLE_FILE);
    expect(await summaryOf(dialog)).toEqual({
      accepted: '0 accepted',
      duplicates: '12 duplicates (recorded before: nothing new written)',
      invalid: '1 invalid',
      progress: '13 of 13 lines',
    });
    await dialog.getByTestId('import-cancel').click();
    await system.caughtUp();
    const { items } = await system.getJson('/v1/timeline?limit=100');
    expect(items).toHaveLength(12);
    expect(await timelineCount(desk)).toBe(12);
    await desk.close();
  });

  it('stops at a request that got no answer, says which lines were sent, and sends the rest again', async () => {
    const developments = Array.from({ length: 1500 }, (_, index) => ({
      occurredOn: '2026-01-05',
      title: `Imported development ${index + 1}`,
    }));
    // A page without the timeline, which would draw every one of them.
    const page = await openDeskPage(editors, `${system.projectorUrl}/#/status`, problems);
    await signIn(page, tokens.alice);
    const requests = batchRequests(page);
    let answersLost = 0;
    await page.route('**/v1/developments/batch', async (route) => {
      // The second request reaches ingest, but its answer is lost on the way back.
      if (++answersLost === 2) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.getByTestId('import-file-button').click();
    const dialog = page.getByTestId('import-dialog');
    await importFile(dialog, ndjsonFile('many.ndjson', developments));

    const status = dialog.getByTestId('import-status');
    await status.filter({ hasText: /cannot be reached/ }).waitFor();
    expect(await dialog.getByTestId('import-where').locator('li').allTextContents()).toEqual([
      'Done: lines 1–1000.',
      'Sent, with no answer: lines 1001–1500.',
    ]);
    expect(await dialog.getByTestId('import-progress').textContent()).toBe('1000 of 1500 lines');
    expect(requests.map((request) => request.postData()?.split('\n').length)).toEqual([1000, 500]);

    await dialog.getByTestId('import-retry').click();
    expect(await summaryOf(dialog)).toEqual({
      accepted: '1000 accepted',
      duplicates: '500 duplicates (recorded before: nothing new written)',
      invalid: '0 invalid',
      progress: '1500 of 1500 lines',
    });
    expect(await status.textContent()).toBe('Imported.');
    expect(await dialog.getByTestId('import-retry').isHidden()).toBe(true);
    await page.close();
  });

  it('shows a reader no import control', async () => {
    const readers = await browser.newContext({ viewport: VIEWPORT });
    const page = await openDeskPage(readers, `${system.projectorUrl}/#/`, problems);
    await signIn(page, tokens.reader);
    await timelineItem(page, 'US–Ukraine meeting in Miami').waitFor();
    expect(await page.getByTestId('account-role').textContent()).toBe('reader');
    expect(await page.getByTestId('import-file-button').count()).toBe(0);
    expect(await page.getByTestId('new-development').count()).toBe(0);
    await readers.close();
  });

  it('passes axe-core without serious or critical violations on the dialog with its summary', async () => {
    const page = await auditPage(browser, `${system.projectorUrl}/#/status`, tokens.alice);
    await page.getByTestId('import-file-button').click();
    const dialog = page.getByTestId('import-dialog');
    await importFile(dialog, SAMPLE_FILE);
    await dialog.getByTestId('import-invalid-item').waitFor();
    await expectAccessible(page, 'import dialog with its summary');
    await page.context().close();

    expect(problems).toEqual([]);
  });
});
