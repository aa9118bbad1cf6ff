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
import { waitFor } from './support/wait-for';

const SECRET = randomBytes(32).toString('base64');
const SCREENSHOTS =
  process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'test-output', 'screenshots');

/** The actors the read model knows before the article is drafted. */
const KNOWN = [
  {
    occurredOn: '2026-01-05',
    title: 'Kallas and Sybiha speak by phone about sanctions',
    topics: ['sanctions'],
    actors: [
      { name: 'Kaja Kallas', affiliation: 'eu' },
      { name: 'Andrii Sybiha', affiliation: 'ukraine' },
    ],
  },
  {
    occurredOn: '2026-01-06',
    title: 'Rubio says a ceasefire is the first step',
    topics: ['ceasefire'],
    actors: [{ name: 'Marco Rubio', affiliation: 'usa' }],
    statements: [{ actor: 'Marco Rubio', topic: 'ceasefire', stance: 'support' }],
  },
];

/** An article written for this test: dated paragraphs, a quotation, a name not known yet. */
const ARTICLE = [
  'Brussels — European and Ukrainian diplomats spent the past week travelling between capitals.',
  '',
  'On January 12, the EU foreign policy chief Kaja Kallas met Ukraine’s foreign minister Andrii Sybiha in Brussels. “The next sanctions package is ready and will be adopted this month,” Kallas said after the meeting.',
  '',
  'On January 14–15, Sybiha held talks in Washington with Secretary of State Marco Rubio about a ceasefire. Rubio said that a ceasefire was possible only if the strikes on power plants stopped.',
  '',
  'On Friday, the Kremlin spokesman Dmitry Peskov rejected the ceasefire proposal.',
  '',
  'Analysts expect more meetings in the coming weeks.',
].join('\n');
const PUBLISHED_ON = '2026-01-20';

describe('the desk: drafts from an article', () => {
  let system: NewslineUnderTest;
  let browser: Browser;
  let editors: BrowserContext;
  let tokens: { alice: string; reader: string };
  /** Alice's tab, on the timeline, never reloaded. */
  let desk: Page;
  /** The titles of the two drafts confirmed and posted. */
  const posted: string[] = [];
  const keysSent: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    tokens = {
      alice: await mintToken(SECRET, 'alice', ['editor']),
      reader: await mintToken(SECRET, 'rita', ['reader']),
    };
    system = await NewslineUnderTest.start(isolatedConfig({ AUTH_JWT_SECRET: SECRET }));
    const seeder = await mintToken(SECRET, 'seeder', ['editor']);
    for (const development of KNOWN) {
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

  const developmentPosts = (page: Page) => {
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/developments') {
        requests.push(request);
      }
    });
    return requests;
  };

  /** The card of the draft of that day. */
  const draftOn = (dialog: Locator, day: string) =>
    dialog.getByTestId('draft').filter({
      has: dialog.page().locator(`[data-testid="draft-date"][datetime="${day}"]`),
    });

  const focusedTestId = (page: Page) => page.locator(':focus').getAttribute('data-testid');

  const pasteAndDraft = async (page: Page) => {
    await page.getByTestId('new-from-article').click();
    const dialog = page.getByTestId('drafts-dialog');
    expect(await focusedTestId(page)).toBe('article-input');
    await dialog.getByLabel('Article').fill(ARTICLE);
    await dialog.getByLabel('Published').fill(PUBLISHED_ON);
    await dialog.getByLabel('Source: Name').fill('The Brussels Letter');
    await dialog.getByTestId('draft-submit').click();
    await dialog.getByTestId('drafts-heading').waitFor();
    return dialog;
  };

  it('drafts an article: the drafts beside the text, their evidence highlighted', async () => {
    desk = await openDeskPage(editors, `${system.projectorUrl}/#/`, problems);
    await timelineItem(desk, KNOWN[0].title).waitFor();
    expect(await desk.getByTestId('new-from-article').count()).toBe(0);
    await signIn(desk, tokens.alice);
    await desk.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    const drafting = desk.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/v1/drafts'),
    );

    const dialog = await pasteAndDraft(desk);
    const request = await drafting;
    expect(await request.headerValue('authorization')).toBe(`Bearer ${tokens.alice}`);
    expect(request.postDataJSON()).toEqual({
      text: ARTICLE,
      publishedOn: PUBLISHED_ON,
      source: { name: 'The Brussels Letter' },
    });
    // Focus goes to the result, for screen readers to read how many drafts there are.
    expect(await focusedTestId(desk)).toBe('drafts-heading');

    // The text drafted, whole, with the evidence in <mark>: nothing of it is parsed as HTML.
    const text = dialog.getByTestId('article-text');
    expect(await text.textContent()).toBe(ARTICLE);
    expect(await text.locator('mark').count()).toBeGreaterThan(2);

    for (const day of ['2026-01-12', '2026-01-14', '2026-01-16']) {
      await draftOn(dialog, day).waitFor();
    }
    const talks = draftOn(dialog, '2026-01-14');
    expect(await talks.getByTestId('draft-date').textContent()).toMatch(/^14\s*–\s*15 Jan 2026$/);
    expect(await talks.getByTestId('draft-actor').allTextContents()).toEqual(
      expect.arrayContaining(['Andrii Sybiha', 'Marco Rubio']),
    );
    // A name the read model does not know yet is proposed as a new actor.
    const newActors = draftOn(dialog, '2026-01-16').locator(
      '[data-testid="draft-actor"][data-new]',
    );
    expect(await newActors.allTextContents()).toContain('Dmitry Peskov new');

    // Selecting a draft highlights its own evidence more strongly.
    await talks.getByTestId('draft-title').click();
    expect(await talks.getAttribute('aria-current')).toBe('true');
    const selected = (await text.locator('mark.selected').allTextContents()).join(' ');
    expect(selected).toContain('January 14–15');
    expect(selected).not.toContain('January 12');

    // The passage without a date is shown apart, dimmed, with the reason.
    expect(await dialog.getByTestId('unplaced-passage').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Analysts expect more meetings')]),
    );
    expect(await text.locator('.unplaced').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Analysts expect more meetings')]),
    );
  });

  it('adds a suggested statement to a draft, its stance picked in the development form', async () => {
    const dialog = desk.getByTestId('drafts-dialog');
    const meeting = draftOn(dialog, '2026-01-12');
    const suggestion = meeting
      .getByTestId('suggested-statement')
      .filter({ hasText: 'The next sanctions package is ready' });
    await suggestion.getByTestId('add-suggestion').click();

    // The development form, prefilled with the draft and the statement, its stance to pick.
    const form = desk.getByTestId('development-dialog');
    await form.getByTestId('development-form').waitFor();
    const stance = form.getByRole('group', { name: /^Statement \d+: Stance$/ }).last();
    expect(await desk.locator(':focus').getAttribute('data-field')).toMatch(
      /^statements\[\d+\]\.stance$/,
    );
    expect(await form.locator('[data-field="occurredOn"]').first().inputValue()).toBe('2026-01-12');
    await stance.getByRole('radio', { name: 'support', exact: true }).check();
    await form.getByTestId('development-submit').click();
    await form.waitFor({ state: 'detached' });

    await suggestion.getByTestId('suggestion-added').waitFor();
    const statement = meeting
      .getByTestId('draft-statement')
      .filter({ hasText: 'The next sanctions package is ready' });
    expect(await statement.locator('[data-stance]').getAttribute('data-stance')).toBe('support');
  });

  it('posts the two confirmed drafts, each with a key of its own, and they appear on the timeline without a reload', async () => {
    const dialog = desk.getByTestId('drafts-dialog');
    const posts = developmentPosts(desk);
    for (const day of ['2026-01-12', '2026-01-14']) {
      const card = draftOn(dialog, day);
      posted.push((await card.getByTestId('draft-title').textContent())!);
      await card.getByRole('checkbox', { name: /^Confirm/ }).check();
    }
    expect(await dialog.getByTestId('confirmed-count').textContent()).toBe('2 drafts confirmed');

    await dialog.getByTestId('post-confirmed').click();
    await dialog
      .getByTestId('post-status')
      .filter({ hasText: /^2 recorded\.$/ })
      .waitFor();
    await draftOn(dialog, '2026-01-12').getByTestId('draft-title').click();
    await dialog.evaluate((element) => element.scrollTo(0, 0));
    const screenshot = join(SCREENSHOTS, 'desk-drafts.png');
    await desk.screenshot({ path: screenshot });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(posts).toHaveLength(2);
    for (const post of posts) keysSent.push((await post.headerValue('idempotency-key'))!);
    expect(keysSent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keysSent[1]).not.toBe(keysSent[0]);
    expect(await posts[0].headerValue('authorization')).toBe(`Bearer ${tokens.alice}`);
    expect(posts[0].postDataJSON()).toMatchObject({
      occurredOn: '2026-01-12',
      statements: expect.arrayContaining([
        expect.objectContaining({ actor: 'kaja-kallas', stance: 'support' }),
      ]),
    });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const title of posted) await timelineItem(desk, title).waitFor();
    expect(await desk.evaluate(() => 'notReloaded' in globalThis)).toBe(true);
    const { items } = await system.getJson('/v1/timeline?limit=100');
    expect(items).toHaveLength(KNOWN.length + 2);
    const meeting = items.find((item: any) => item.occurredOn === '2026-01-12');
    const { history } = await system.getJson(`/v1/developments/${meeting.developmentId}`);
    expect(history[0].recordedBy).toBe('alice');
  });

  it('posting the confirmed drafts again records nothing new: both come back as duplicates', async () => {
    // The dialog keeps the drafts, their keys and their confirmations while the page is open.
    await desk.getByTestId('new-from-article').click();
    const dialog = desk.getByTestId('drafts-dialog');
    expect(await focusedTestId(desk)).toBe('drafts-heading');
    const posts = developmentPosts(desk);
    await dialog.getByTestId('post-confirmed').click();
    await dialog
      .getByTestId('post-status')
      .filter({ hasText: /^2 recorded already/ })
      .waitFor();
    expect(await Promise.all(posts.map((post) => post.headerValue('idempotency-key')))).toEqual(
      keysSent,
    );
    expect(await draftOn(dialog, '2026-01-12').getByTestId('draft-result').textContent()).toMatch(
      /already/,
    );
    await system.caughtUp();
    const { items } = await system.getJson('/v1/timeline?limit=100');
    expect(items).toHaveLength(KNOWN.length + 2);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await desk.getByTestId('development').count()).toBe(KNOWN.length + 2);
  });

  it('opens a draft that ingest refused in the form, with the problem beside its field', async () => {
    await desk.getByTestId('new-from-article').click();
    const dialog = desk.getByTestId('drafts-dialog');
    const friday = draftOn(dialog, '2026-01-16');
    await friday.getByTestId('edit-draft').click();
    const form = desk.getByTestId('development-dialog');
    expect(await form.locator('[data-field="occurredOn"]').first().inputValue()).toBe('2026-01-16');
    await form.getByLabel('Source: Address').fill('not a link');
    await form.getByTestId('development-submit').click();
    await form.waitFor({ state: 'detached' });
    await friday.getByRole('checkbox', { name: /^Confirm/ }).check();

    await dialog.getByTestId('post-confirmed').click();
    await dialog
      .getByTestId('post-status')
      .filter({ hasText: /2 recorded already.*1 to fix/ })
      .waitFor();
    // The form opens by itself, the API's problem beside the field.
    const summary = form.getByTestId('form-errors');
    await summary.waitFor();
    expect(await focusedTestId(desk)).toBe('form-errors');
    const url = form.locator('[data-field="source.url"]').first();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await url.fill('https://example.org/brussels-letter');
    await form.getByTestId('development-submit').click();
    await form.waitFor({ state: 'detached' });

    await dialog.getByTestId('post-confirmed').click();
    await dialog
      .getByTestId('post-status')
      .filter({ hasText: /^1 recorded, 2 recorded already/ })
      .waitFor();
    expect(await friday.getByTestId('draft-result').textContent()).toBe('Recorded.');
    // A recorded draft is no longer edited here: the timeline's Edit corrects it.
    expect(await friday.getByTestId('edit-draft').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await waitFor('the third draft on the timeline', async () =>
      (await desk.getByTestId('development').count()) === KNOWN.length + 3 ? true : undefined,
    );
  });

  it('reads a pasted page as HTML: the drafts stand on its article, and its markup is never shown', async () => {
    const page = await openDeskPage(editors, `${system.projectorUrl}/#/status`, problems);
    await signIn(page, tokens.alice);
    await page.getByTestId('new-from-article').click();
    const dialog = page.getByTestId('drafts-dialog');
    const paragraphs = ARTICLE.split('\n\n').map((paragraph) => `<p>${paragraph}</p>`);
    const markup = `<!doctype html><html><head><title>The Brussels Letter</title><script>alert(1)</script></head><body><nav><a href="/">Home</a></nav><article><h1>A week of talks</h1>${paragraphs.join('')}</article></body></html>`;
    await dialog.getByLabel('Article').fill(markup);
    expect(await dialog.getByTestId('article-read-as').textContent()).toMatch(/read as HTML/);
    const drafting = page.waitForRequest((request) => request.url().endsWith('/v1/drafts'));
    await dialog.getByLabel('Published').fill(PUBLISHED_ON);
    await dialog.getByTestId('draft-submit').click();
    expect((await drafting).postDataJSON()).toEqual({ html: markup, publishedOn: PUBLISHED_ON });
    await dialog.getByTestId('drafts-heading').waitFor();
    const text = (await dialog.getByTestId('article-text').textContent())!;
    expect(text).toContain('On January 12, the EU foreign policy chief Kaja Kallas');
    expect(text).not.toMatch(/<|alert\(1\)|Home/);
    await draftOn(dialog, '2026-01-14').waitFor();
    await page.close();
  });

  it('shows a reader no control to draft from an article', async () => {
    const readers = await browser.newContext({ viewport: VIEWPORT });
    const page = await openDeskPage(readers, `${system.projectorUrl}/#/`, problems);
    await signIn(page, tokens.reader);
    await timelineItem(page, posted[0]).waitFor();
    expect(await page.getByTestId('account-role').textContent()).toBe('reader');
    expect(await page.getByTestId('new-from-article').count()).toBe(0);
    const refused = await page.evaluate(
      async ({ token, publishedOn }) => {
        const response = await fetch('/v1/drafts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text: 'On Monday, talks resumed.', publishedOn }),
        });
        return response.status;
      },
      { token: tokens.reader, publishedOn: PUBLISHED_ON },
    );
    expect(refused).toBe(403);
    await readers.close();
  });

  it('passes axe-core without serious or critical violations on the drafts', async () => {
    const page = await auditPage(browser, `${system.projectorUrl}/#/status`, tokens.alice);
    const dialog = await pasteAndDraft(page);
    await waitFor('the drafts', async () =>
      (await dialog.getByTestId('draft').count()) > 0 ? true : undefined,
    );
    await expectAccessible(page, 'drafts beside the article');
    await page.context().close();

    expect(problems).toEqual([]);
  });
});
