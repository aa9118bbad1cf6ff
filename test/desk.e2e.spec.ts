import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  auditPage as auditTab,
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

const SCREENSHOTS =
  process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'test-output', 'screenshots');
const SECRET = randomBytes(32).toString('base64');

const mint = (name: string, roles: string[], expiresAt?: string | number) =>
  mintToken(SECRET, name, roles, expiresAt);

/** Rustem Umerov of the sample story under a Ukrainian spelling, to be merged. */
const OTHER_SPELLING = {
  occurredOn: '2025-12-23',
  title: 'Умєров: гарантії безпеки мають бути юридично зобовʼязувальними',
  topics: ['security-guarantees'],
  actors: [{ name: 'Умєров', affiliation: 'ukraine' }],
  statements: [{ actor: 'Умєров', topic: 'security-guarantees', stance: 'support' }],
};
const UKRAINIAN_SPELLING = 'умєров';
const TITLE = 'Starmer and Umerov discuss guarantees in London';

describe('the desk: writing from the browser, signed in', () => {
  let system: NewslineUnderTest;
  let browser: Browser;
  let editors: BrowserContext;
  let tokens: { alice: string; bob: string; reader: string; expired: string };
  /** Alice's tab, on the timeline. */
  let desk: Page;
  /** Another tab, on the topic matrix, that is never reloaded. */
  let matrix: Page;
  let developmentId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    tokens = {
      alice: await mint('alice', ['editor']),
      bob: await mint('bob', ['editor']),
      reader: await mint('rita', ['reader']),
      expired: await mint('alice', ['editor'], Math.floor(Date.now() / 1000) - 60),
    };
    system = await NewslineUnderTest.start(isolatedConfig({ AUTH_JWT_SECRET: SECRET }));
    const seeder = await mint('seeder', ['editor']);
    for (const development of [...sampleDevelopments(), OTHER_SPELLING]) {
      const response = await system.post('/v1/developments', development, {
        authorization: `Bearer ${seeder}`,
      });
      expect(response.status).toBe(202);
    }
    await system.caughtUp();
    browser = await launchBrowser();
    editors = await browser.newContext({ viewport: VIEWPORT });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const openPage = (context: BrowserContext, hash: string): Promise<Page> =>
    openDeskPage(context, `${system.projectorUrl}/${hash}`, problems);

  const screenshot = async (page: Page, name: string) => {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  };

  const focusedTestId = (page: Page) => page.locator(':focus').getAttribute('data-testid');
  const focusedField = (page: Page) => page.locator(':focus').getAttribute('data-field');

  const field = (scope: Locator, key: string) => scope.locator(`[data-field="${key}"]`).first();
  /** A stance of the stance picker of statement `number` (from 1), by its label. */
  const stance = (scope: Locator, number: number, name: string) =>
    scope
      .getByRole('group', { name: `Statement ${number}: Stance`, exact: true })
      .getByRole('radio', { name, exact: true });

  const matrixRows = (page: Page) =>
    page
      .locator('[data-testid="stance-matrix"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-actor')));

  const writeRequests = (page: Page, path: RegExp) => {
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && path.test(new URL(request.url()).pathname)) {
        requests.push(request);
      }
    });
    return requests;
  };

  /** A tab where axe may be injected, signed in. */
  const auditPage = (hash: string, token = tokens.alice): Promise<Page> =>
    auditTab(browser, `${system.projectorUrl}/${hash}`, token);

  it('signs in as an editor with a pasted token, kept for the tab and never in the address', async () => {
    matrix = await openPage(editors, '#/topics');
    await matrix.getByTestId('stance-matrix').waitFor();
    await matrix.evaluate(() => Object.assign(globalThis, { notReloaded: true }));

    desk = await openPage(editors, '#/');
    await timelineItem(desk, 'US–Ukraine meeting in Miami').waitFor();
    // Writes are closed to anonymous callers here: no write controls before signing in.
    expect(await desk.getByTestId('new-development').count()).toBe(0);
    expect(await desk.getByTestId('edit-development').count()).toBe(0);

    await desk.getByTestId('sign-in-button').click();
    const dialog = desk.getByTestId('sign-in-dialog');
    expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await focusedTestId(desk)).toBe('sign-in-token');
    await dialog.getByLabel('Token').fill(tokens.expired);
    await dialog.getByTestId('sign-in-submit').click();
    await dialog
      .getByTestId('sign-in-error')
      .filter({ hasText: /refused/ })
      .waitFor();
    await dialog.getByLabel('Token').fill(tokens.alice);
    await desk.keyboard.press('Enter');
    await desk.getByTestId('signed-in-as').waitFor();

    expect(await desk.getByTestId('account-name').textContent()).toBe('alice');
    expect(await desk.getByTestId('account-role').textContent()).toBe('editor');
    expect(desk.url()).not.toContain(tokens.alice);
    expect(
      await desk.evaluate(() => (globalThis as any).sessionStorage.getItem('newsline.token')),
    ).toBe(tokens.alice);
    await desk.getByTestId('new-development').waitFor();
    expect(await desk.getByTestId('edit-development').count()).toBeGreaterThan(0);
  });

  it('shows the API’s problems beside the fields they are about', async () => {
    await desk.getByTestId('new-development').click();
    const dialog = desk.getByTestId('development-dialog');
    await dialog.getByTestId('development-form').waitFor();
    expect(await focusedField(desk)).toBe('occurredOn');

    await field(dialog, 'title').fill(TITLE);
    await field(dialog, 'source.url').fill('not a link');
    await dialog.getByTestId('add-statement').click();
    await field(dialog, 'statements[0].actor').fill('Keir Starmer');
    await field(dialog, 'statements[0].topic').fill('security-guarantees');
    await dialog.getByTestId('development-submit').click();

    const summary = dialog.getByTestId('form-errors');
    await summary.waitFor();
    expect(await focusedTestId(desk)).toBe('form-errors');
    for (const key of ['occurredOn', 'source.url']) {
      expect(await field(dialog, key).getAttribute('aria-invalid')).toBe('true');
    }
    expect(
      await dialog.locator('.form-field:has([data-field="source.url"]) .field-error').textContent(),
    ).toMatch(/http or https URL/);
    expect(
      await dialog.locator('[data-field="statements[0].stance"] .field-error').textContent(),
    ).toMatch(/must be one of/);
    await screenshot(desk, 'desk-form-error');

    // Following an error in the summary puts focus on its field.
    await summary.getByRole('link', { name: /Source: Address/ }).click();
    expect(await focusedField(desk)).toBe('source.url');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('records a development with two statements once, however often it is sent, and it appears without a reload', async () => {
    await desk.getByTestId('new-development').click();
    const dialog = desk.getByTestId('development-dialog');
    await field(dialog, 'occurredOn').fill('2025-12-28');
    await field(dialog, 'occurredUntil').fill('2025-12-29');
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Text').fill('The two met at Downing Street to discuss guarantees.');
    await dialog.getByLabel('Location').fill('London');

    // Topics are suggested from the read model.
    await field(dialog, 'topics[0]').fill('peace');
    await dialog
      .locator('datalist option[value="peace-plan"]')
      .first()
      .waitFor({ state: 'attached' });
    await field(dialog, 'topics[0]').fill('peace-plan');

    // Actors are suggested by the start of a name; taking one fills in its id.
    await field(dialog, 'actors[0].name').fill('Umer');
    await dialog
      .locator('datalist option[value="Rustem Umerov"]')
      .first()
      .waitFor({ state: 'attached' });
    await field(dialog, 'actors[0].name').fill('Rustem Umerov');
    await waitFor('the suggested actor’s id', async () =>
      (await field(dialog, 'actors[0].id').inputValue()) === 'rustem-umerov' ? true : undefined,
    );
    await dialog.getByTestId('add-actor').click();
    expect(await focusedField(desk)).toBe('actors[1].name');
    await desk.keyboard.type('Keir Starmer');
    await field(dialog, 'actors[1].affiliation').fill('uk');

    await dialog.getByTestId('add-statement').click();
    await field(dialog, 'statements[0].actor').fill('rustem-umerov');
    await field(dialog, 'statements[0].topic').fill('peace-plan');
    await stance(dialog, 1, 'support').check();
    await dialog.getByLabel('Statement 1: Quote').fill('We are close on the guarantees');
    await dialog.getByTestId('add-statement').click();
    await field(dialog, 'statements[1].actor').fill('Keir Starmer');
    await field(dialog, 'statements[1].topic').fill('security-guarantees');
    await stance(dialog, 2, 'conditional').check();
    await dialog.getByLabel('Statement 2: Summary').fill('Only with a US backstop');

    await dialog.getByLabel('Source: Name').fill('The Guardian');
    await dialog.getByLabel('Source: Address').fill('https://example.org/london-talks');
    await dialog.getByLabel('Source: Published').fill('2025-12-29T18:30:00');

    // The first answer is lost on the way back: the development is recorded, the page does
    // not know. Sending the same form again reuses its Idempotency-Key.
    const posts = writeRequests(desk, /^\/v1\/developments$/);
    let answersLost = 1;
    await desk.route('**/v1/developments', async (route) => {
      if (answersLost-- > 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await dialog.getByTestId('development-submit').dblclick();
    await dialog
      .getByTestId('development-form-status')
      .filter({ hasText: /cannot be reached.*safe/ })
      .waitFor();
    expect(posts).toHaveLength(1);
    await dialog.getByTestId('development-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await desk
      .getByTestId('desk-status')
      .filter({ hasText: /already/ })
      .waitFor();
    await desk.unroute('**/v1/developments');
    expect(posts).toHaveLength(2);
    const keys = await Promise.all(posts.map((post) => post.headerValue('idempotency-key')));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    const item = timelineItem(desk, TITLE);
    await item.waitFor();
    developmentId = (await item.getAttribute('data-development-id'))!;
    const { items } = await system.getJson(`/v1/timeline?q=${encodeURIComponent('Downing')}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      developmentId,
      occurredOn: '2025-12-28',
      occurredUntil: '2025-12-29',
      location: 'London',
      topics: ['peace-plan', 'security-guarantees'],
      actors: [
        { id: 'rustem-umerov', name: 'Rustem Umerov' },
        { id: 'keir-starmer', name: 'Keir Starmer', affiliation: 'uk' },
      ],
      statements: [
        {
          actor: 'rustem-umerov',
          topic: 'peace-plan',
          stance: 'support',
          quote: 'We are close on the guarantees',
        },
        {
          actor: 'keir-starmer',
          topic: 'security-guarantees',
          stance: 'conditional',
          summary: 'Only with a US backstop',
        },
      ],
      source: { name: 'The Guardian', url: 'https://example.org/london-talks' },
    });
    expect(Date.parse(items[0].source.publishedAt)).toBe(
      await desk.evaluate(() => new Date('2025-12-29T18:30:00').getTime()),
    );

    // The open matrix gains Starmer's row, without a reload.
    const starmer = matrix.locator(
      '[data-testid="matrix-cell"][data-actor="keir-starmer"][data-topic="security-guarantees"]',
    );
    await starmer.waitFor();
    expect(await starmer.getAttribute('data-stance')).toBe('conditional');
    expect(await matrix.evaluate(() => 'notReloaded' in globalThis)).toBe(true);

    await item.scrollIntoViewIfNeeded();
    await screenshot(desk, 'desk-timeline');
  });

  it('corrects it with only the changed fields; a change from another tab meanwhile is shown and the edit reapplied', async () => {
    const corrections = writeRequests(desk, /\/corrections$/);
    await timelineItem(desk, TITLE).getByTestId('edit-development').click();
    const dialog = desk.getByTestId('development-dialog');
    expect(await field(dialog, 'title').inputValue()).toBe(TITLE);
    expect(await field(dialog, 'statements[1].actor').inputValue()).toBe('keir-starmer');
    await field(dialog, 'location').fill('London, Downing Street');

    // Bob, in another tab, corrects the title first.
    const other = await openPage(editors, `#/developments/${developmentId}`);
    await signIn(other, tokens.bob);
    await other.getByTestId('edit-development').click();
    const otherDialog = other.getByTestId('development-dialog');
    await field(otherDialog, 'title').fill(`${TITLE}, with the Ukrainian delegation`);
    await otherDialog.getByTestId('development-submit').click();
    await otherDialog.waitFor({ state: 'detached' });
    await other.getByTestId('history-entry').nth(1).waitFor();
    await other.close();

    await dialog.getByTestId('development-submit').click();
    const conflict = desk.getByTestId('conflict-dialog');
    await conflict.waitFor();
    expect(await focusedTestId(desk)).toBe('reapply-edit');
    const changed = conflict.locator('[data-testid="conflict-changes"] tbody tr');
    expect(
      await changed.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field'))),
    ).toEqual(['title']);
    expect(await changed.first().textContent()).toContain('with the Ukrainian delegation');
    expect(await conflict.textContent()).toContain('by bob');
    expect(await conflict.getByTestId('conflict-mine').textContent()).toBe(
      'Location: London, Downing Street',
    );
    await screenshot(desk, 'desk-conflict');

    await conflict.getByTestId('reapply-edit').click();
    await dialog.waitFor({ state: 'detached' });
    expect(corrections).toHaveLength(2);
    expect(corrections.map((request) => request.postDataJSON())).toEqual([
      { location: 'London, Downing Street' },
      { location: 'London, Downing Street' },
    ]);
    expect(
      await Promise.all(corrections.map((request) => request.headerValue('if-match'))),
    ).toEqual(['1', '2']);

    const item = timelineItem(desk, `${TITLE}, with the Ukrainian delegation`);
    await item.locator('.revision', { hasText: 'revision 3' }).waitFor();
    expect(await item.locator('.location').textContent()).toBe('London, Downing Street');
  });

  it('shows the history of the development with who recorded each event, and when', async () => {
    await desk.goto(`${system.projectorUrl}/#/developments/${developmentId}`);
    const entries = desk.getByTestId('history-entry');
    await entries.nth(2).waitFor();
    const lines = await entries.allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Recorded by alice, \d+ \w+ 20\d\d, \d\d:\d\d/);
    expect(lines[1]).toMatch(/^Corrected by bob, /);
    expect(lines[2]).toMatch(/^Corrected by alice, /);
    expect(await entries.first().locator('time').getAttribute('datetime')).toMatch(/^20\d\d-/);
    await screenshot(desk, 'desk-history');
  });

  it('retracts it with a reason, from the keyboard', async () => {
    await desk.getByTestId('retract-development').click();
    const dialog = desk.getByTestId('retract-dialog');
    expect(await focusedField(desk)).toBe('reason');
    await dialog.getByTestId('retract-submit').click();
    await dialog.locator('.field-error', { hasText: 'Give the reason' }).waitFor();
    expect(await field(dialog, 'reason').getAttribute('aria-invalid')).toBe('true');

    await field(dialog, 'reason').focus();
    await desk.keyboard.type('Denied by Downing Street the next day');
    await desk.keyboard.press('Tab');
    expect(await focusedTestId(desk)).toBe('retract-submit');
    await desk.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await desk
      .getByTestId('retracted-marker')
      .filter({ hasText: 'Denied by Downing Street the next day' })
      .waitFor();
    expect(await desk.getByTestId('edit-development').count()).toBe(0);
    await desk
      .getByTestId('history-entry')
      .nth(3)
      .filter({ hasText: 'Retracted by alice' })
      .waitFor();
    // Starmer's only statement went with it.
    await waitFor('Starmer to leave the matrix', async () =>
      (await matrixRows(matrix)).includes('keir-starmer') ? undefined : true,
    );
  });

  it('merges two actors from the actor page, and the open matrix loses a row', async () => {
    const before = await matrixRows(matrix);
    expect(before).toEqual(expect.arrayContaining(['rustem-umerov', UKRAINIAN_SPELLING]));
    await desk.goto(`${system.projectorUrl}/#/actors/rustem-umerov`);
    const duplicate = desk.locator(`[data-testid="duplicate"][data-actor="${UKRAINIAN_SPELLING}"]`);
    await duplicate.getByTestId('merge-button').click();
    await duplicate.getByTestId('merge-confirm').click();
    await waitFor('the matrix to lose a row', async () =>
      (await matrixRows(matrix)).length === before.length - 1 ? true : undefined,
    );
    expect(await matrixRows(matrix)).not.toContain(UKRAINIAN_SPELLING);
    expect(await matrix.evaluate(() => 'notReloaded' in globalThis)).toBe(true);
    await desk.locator(`[data-testid="alias"][data-actor="${UKRAINIAN_SPELLING}"]`).waitFor();
  });

  it('shows a reader no write controls, and the API refuses their writes', async () => {
    const readers = await browser.newContext({ viewport: VIEWPORT });
    const page = await openPage(readers, '#/');
    await signIn(page, tokens.reader);
    expect(await page.getByTestId('account-role').textContent()).toBe('reader');
    await timelineItem(page, 'US–Ukraine meeting in Miami').waitFor();
    expect(await page.getByTestId('new-development').count()).toBe(0);
    expect(await page.getByTestId('edit-development').count()).toBe(0);
    await page.goto(`${system.projectorUrl}/#/actors/rustem-umerov`);
    await page.getByTestId('actor-identity').waitFor();
    expect(await page.getByTestId('unmerge-button').count()).toBe(0);
    expect(await page.getByTestId('merge-button').count()).toBe(0);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-button').waitFor();
    expect(
      await page.evaluate(() => (globalThis as any).sessionStorage.getItem('newsline.token')),
    ).toBeNull();
    await readers.close();

    const write = (token?: string) =>
      fetch(`${system.projectorUrl}/v1/developments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ occurredOn: '2025-12-30', title: 'Not allowed' }),
      });
    expect((await write(tokens.reader)).status).toBe(403);
    const anonymous = await write();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm="newsline"/);
    expect((await write(tokens.expired)).status).toBe(401);
  });

  it('drops a sign-in that has expired, and says why', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(
      (value) => (globalThis as any).sessionStorage.setItem('newsline.token', value),
      tokens.expired,
    );
    const page = await openPage(context, '#/');
    await page
      .getByTestId('desk-status')
      .filter({ hasText: /signed out.*expired/ })
      .waitFor();
    await page.getByTestId('sign-in-button').waitFor();
    expect(await page.getByTestId('new-development').count()).toBe(0);
    await context.close();
  });

  it('passes axe-core without serious or critical violations on the desk’s pages', async () => {
    const timeline = await auditPage('#/');
    await timeline.getByTestId('edit-development').first().waitFor();
    await expectAccessible(timeline, 'timeline with edit controls');

    await timeline.getByTestId('new-development').click();
    const dialog = timeline.getByTestId('development-dialog');
    await dialog.getByTestId('add-statement').click();
    await field(dialog, 'source.url').fill('not a link');
    await dialog.getByTestId('development-submit').click();
    await dialog.getByTestId('form-errors').waitFor();
    await expectAccessible(timeline, 'development form with errors');
    await timeline.context().close();

    const { items } = await system.getJson('/v1/timeline?limit=1');
    const development = await auditPage(`#/developments/${items[0].developmentId}`);
    await development.getByTestId('history-entry').first().waitFor();
    await development.getByTestId('edit-development').waitFor();
    await expectAccessible(development, 'development page');
    await development.context().close();

    const actor = await auditPage('#/actors/rustem-umerov');
    await actor.getByTestId('actor-identity').waitFor();
    await actor.getByTestId('stance-chart').waitFor();
    await expectAccessible(actor, 'actor page');
    await actor.context().close();

    expect(problems).toEqual([]);
  });
});
