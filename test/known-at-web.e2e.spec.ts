import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { expectAccessible } from './support/desk';
import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

const SCREENSHOTS =
  process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'test-output', 'screenshots');
/** The developments of the sample article, as the shared sample holds them. */
/** The browser's time zone: the picker is read in it, and the API gets UTC. */
const TIME_ZONE = 'Europe/Kyiv';
const VIEWPORT = { width: 1280, height: 900 };

const OLD_TITLE = 'Umerov: three days of talks on four key documents';
const NEW_TITLE = 'Umerov: four key documents, and no deal without Russian steps';
const UMEROV = 'rustem-umerov';

/** The correction: Umerov's stance on the peace plan becomes "oppose". */
const CORRECTION = {
  title: NEW_TITLE,
  statements: [
    {
      actor: UMEROV,
      topic: 'peace-plan',
      stance: 'oppose',
      summary: 'No deal until Russia takes concrete steps.',
    },
    { actor: UMEROV, topic: 'western-pressure', stance: 'support' },
  ],
};

/** Posted while the What changed page is open. */
const LATER = {
  occurredOn: '2025-12-23',
  title: 'Umerov: security guarantees must be legally binding',
  topics: ['security-guarantees'],
  actors: [{ id: UMEROV, name: 'Rustem Umerov', affiliation: 'ukraine' }],
  statements: [{ actor: UMEROV, topic: 'security-guarantees', stance: 'support' }],
};

/** Posted while What changed is filtered by Umerov: only his change belongs there. */
const LATER_STILL = {
  occurredOn: '2025-12-24',
  title: 'Umerov and the US side discuss a ceasefire',
  topics: ['ceasefire'],
  actors: [
    { id: UMEROV, name: 'Rustem Umerov', affiliation: 'ukraine' },
    { id: 'usa', name: 'United States' },
  ],
  statements: [
    { actor: UMEROV, topic: 'ceasefire', stance: 'conditional' },
    { actor: 'usa', topic: 'ceasefire', stance: 'support' },
  ],
};

function seedDevelopments(): Array<Record<string, any>> {
  return sampleDevelopments();
}

function partsIn(instant: Date, options: Intl.DateTimeFormatOptions) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, ...options }).formatToParts(
    instant,
  );
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)!.value;
}

/** What a reader in TIME_ZONE types into the datetime-local picker for an instant. */
function pickerValue(instant: Date): string {
  const part = partsIn(instant, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('the web view at a known-at, and What changed', () => {
  let system: NewslineUnderTest;
  let browser: Browser;
  let readers: BrowserContext;
  /** A moment after the sample was recorded and before the correction, on a whole second. */
  let beforeCorrection: Date;
  /** The log sequence of the last development of the sample. */
  let lastSeedSequence = 0;
  let correctedId = '';
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    system = await NewslineUnderTest.start();
    for (const development of seedDevelopments()) {
      const response = await system.post('/v1/developments', development);
      expect(response.status).toBe(202);
      const recorded = (await response.json()) as { developmentId: string; sequence: number };
      lastSeedSequence = Math.max(lastSeedSequence, recorded.sequence);
      if (development.title === OLD_TITLE) correctedId = recorded.developmentId;
    }
    await system.caughtUp();
    const { items } = await system.getJson('/v1/timeline?limit=100');
    const lastRecorded = Math.max(...items.map((item: any) => Date.parse(item.recordedAt)));
    beforeCorrection = new Date(Math.ceil(lastRecorded / 1000) * 1000);
    // The correction must be recorded after the moment the picker will name.
    await waitFor('the clock to pass the moment before the correction', () =>
      Date.now() > beforeCorrection.getTime() ? true : undefined,
    );
    const corrected = await system.post(`/v1/developments/${correctedId}/corrections`, CORRECTION);
    expect(corrected.status).toBe(202);
    await system.caughtUp();
    browser = await launchBrowser();
    readers = await browser.newContext({ viewport: VIEWPORT, timezoneId: TIME_ZONE });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const openPage = async (hash: string, context = readers): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is logged by the browser itself; the page shows it instead.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console: ${message.text()}`);
      }
    });
    await page.goto(`${system.projectorUrl}/${hash}`);
    return page;
  };
  const liveStatus = (page: Page, text: RegExp) =>
    page.getByTestId('live-status').filter({ hasText: text }).waitFor();
  const screenshot = async (page: Page, name: string) => {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  };
  const titles = (page: Page) => page.getByTestId('development-title').allInnerTexts();
  const bannerText = (page: Page) => page.getByTestId('known-at-text').innerText();
  /** The banner once the answers have named their sequence. */
  const bannerWithSequence = (page: Page) =>
    waitFor('the banner to name the log sequence', async () => {
      const text = await bannerText(page);
      return text.includes('log sequence') ? text : undefined;
    });
  const showKnownAt = async (page: Page, instant: Date) => {
    await page.getByTestId('known-at-input').fill(pickerValue(instant));
    await page.getByTestId('known-at-show').click();
    await page.getByTestId('known-at-banner').waitFor();
  };
  const knownAtInHash = () => `knownAt=${beforeCorrection.toISOString().replace('.000Z', 'Z')}`;
  const expectedBanner = () => {
    const part = partsIn(beforeCorrection, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const seconds = beforeCorrection.getUTCSeconds();
    const time = `${part('hour')}:${part('minute')}${seconds ? `:${String(seconds).padStart(2, '0')}` : ''}`;
    return `As known at ${part('day')} ${part('month')} ${part('year')}, ${time} (log sequence ${lastSeedSequence})`;
  };
  const positionRow = (page: Page, table: string, attribute: string, value: string) =>
    page.locator(`[data-testid="${table}"] tr[${attribute}="${value}"]`);
  const changeLines = (page: Page, actor: string, topic: string) =>
    page
      .locator(`[data-testid="change"][data-actor="${actor}"][data-topic="${topic}"]`)
      .getByTestId('change-line')
      .allInnerTexts();

  it('shows the timeline as known before the correction, paused, and back at Now', async () => {
    const page = await openPage('#/');
    await page.getByTestId('development-title').filter({ hasText: NEW_TITLE }).waitFor();
    await liveStatus(page, /^live$/);
    expect(await page.getByTestId('known-at-banner').isVisible()).toBe(false);
    expect(await page.getByTestId('edit-development').count()).toBeGreaterThan(0);

    await showKnownAt(page, beforeCorrection);
    expect(page.url()).toContain(knownAtInHash());
    expect(await bannerWithSequence(page)).toBe(expectedBanner());
    await page.getByTestId('development-title').filter({ hasText: OLD_TITLE }).waitFor();
    expect(await titles(page)).not.toContain(NEW_TITLE);
    expect(await titles(page)).toHaveLength(seedDevelopments().length);
    // The past is not edited, and does not change.
    expect(await page.getByTestId('edit-development').count()).toBe(0);
    await liveStatus(page, /^paused$/);
    await screenshot(page, 'known-at-timeline');

    const present = await openPage('#/');
    await liveStatus(present, /^live$/);
    const posted = await system.post('/v1/developments', {
      occurredOn: '2025-12-23',
      title: 'Talks to continue in January',
      topics: ['peace-plan'],
    });
    expect(posted.status).toBe(202);
    await present
      .getByTestId('development-title')
      .filter({ hasText: 'Talks to continue in January' })
      .waitFor();
    expect(await titles(page)).not.toContain('Talks to continue in January');
    expect(await bannerText(page)).toBe(expectedBanner());
    await present.close();

    await page.getByTestId('known-at-now').click();
    await page.getByTestId('development-title').filter({ hasText: NEW_TITLE }).waitFor();
    expect(page.url()).not.toContain('knownAt');
    expect(await page.getByTestId('known-at-banner').isVisible()).toBe(false);
    expect(await titles(page)).toContain('Talks to continue in January');
    await liveStatus(page, /^live$/);
    await page.close();
  });

  it('shows the actor’s earlier stance, and the topic’s through a shared link', async () => {
    const actor = await openPage(`#/actors/${UMEROV}`);
    const peacePlan = positionRow(actor, 'actor-positions', 'data-topic', 'peace-plan');
    await peacePlan.waitFor();
    expect(await peacePlan.locator('td').first().innerText()).toContain('oppose');

    await showKnownAt(actor, beforeCorrection);
    expect(await bannerWithSequence(actor)).toBe(expectedBanner());
    expect(actor.url()).toContain(`#/actors/${UMEROV}?${knownAtInHash()}`);
    await waitFor('the stance as it was', async () =>
      (await peacePlan.getAttribute('data-stance')) === 'conditional' ? true : undefined,
    );
    expect(await peacePlan.innerText()).toMatch(/conditional\s+22 Dec 2025/);
    expect(await actor.getByRole('heading', { name: 'Positions then' }).count()).toBe(1);
    await liveStatus(actor, /^paused$/);
    await actor.close();

    const topic = await openPage(`#/topics/peace-plan?${knownAtInHash()}`);
    const umerov = positionRow(topic, 'topic-positions', 'data-actor', UMEROV);
    await umerov.waitFor();
    expect(await bannerWithSequence(topic)).toBe(expectedBanner());
    expect(await umerov.getAttribute('data-stance')).toBe('conditional');
    expect(await umerov.innerText()).toContain('conditional');
    expect(await topic.getByTestId('known-at-input').inputValue()).toBe(
      // The picker leaves out seconds that are zero.
      pickerValue(beforeCorrection).replace(/:00$/, ''),
    );

    await topic.getByTestId('known-at-now').click();
    await waitFor('the stance as it is now', async () =>
      (await umerov.getAttribute('data-stance')) === 'oppose' ? true : undefined,
    );
    expect(await umerov.innerText()).toContain('oppose');
    await topic.close();
  });

  it('says so, readably, when the log has not reached the known-at', async () => {
    const page = await openPage(`#/actors/${UMEROV}?knownAt=999999`);
    const problem = page.getByTestId('known-at-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(
      /^That point of the log is not known here yet\. .*sequence 999999.* Choose an earlier moment, or show the page as known now\. Known now$/,
    );
    expect(await page.getByTestId('actor-positions').count()).toBe(0);
    await page.getByTestId('known-at-problem-now').click();
    await positionRow(page, 'actor-positions', 'data-topic', 'peace-plan').waitFor();
    await page.close();
  });

  it('lists what changed, with before and after, and grows as developments are posted', async () => {
    const page = await openPage('#/');
    await page.getByTestId('nav-changes').click();
    await page.getByTestId('change').first().waitFor();
    // The header's indicator follows the stream of changes on this page.
    await liveStatus(page, /^live$/);
    expect(await page.getByTestId('nav-changes').getAttribute('aria-current')).toBe('page');
    await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }));

    expect(await changeLines(page, UMEROV, 'peace-plan')).toEqual([
      'Rustem Umerov on peace-plan: no position → support (since 14 Dec 2025)',
      'Rustem Umerov on peace-plan: support → conditional (since 22 Dec 2025)',
      'Rustem Umerov on peace-plan: conditional → oppose (since 22 Dec 2025)',
    ]);
    const correction = page.locator(
      `[data-testid="change"][data-actor="${UMEROV}"][data-topic="peace-plan"]`,
      { hasText: 'Correction' },
    );
    expect(await correction.innerText()).toContain('by an anonymous writer');
    expect(await correction.getByTestId('change-development').getAttribute('href')).toBe(
      `#/developments/${correctedId}`,
    );
    expect(await correction.getByTestId('actor-link').getAttribute('href')).toBe(
      `#/actors/${UMEROV}`,
    );
    const today = partsIn(new Date(), { day: 'numeric', month: 'short', year: 'numeric' });
    expect(await page.locator('.change-day-heading').allInnerTexts()).toEqual([
      `${today('day')} ${today('month')} ${today('year')}`,
    ]);
    const before = await page.getByTestId('change').count();

    expect((await system.post('/v1/developments', LATER)).status).toBe(202);
    await page
      .getByTestId('change-line')
      .filter({ hasText: 'Rustem Umerov on security-guarantees' })
      .waitFor();
    const lines = await page.getByTestId('change-line').allInnerTexts();
    expect(lines).toHaveLength(before + 1);
    expect(lines.at(-1)).toBe(
      'Rustem Umerov on security-guarantees: no position → support (since 23 Dec 2025)',
    );
    expect(await page.getByTestId('change-arrivals').innerText()).toBe(
      'New change: Rustem Umerov on security-guarantees: no position → support (since 23 Dec 2025)',
    );
    expect(await page.evaluate(() => (globalThis as any).notReloaded)).toBe(true);
    // Newest last: the correction and the change that just arrived are at the end.
    await page.getByTestId('change').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'changes');

    // The correction's "as known then" shows the actor at that sequence.
    await correction.getByRole('link', { name: /as known then/ }).click();
    await page.getByTestId('known-at-banner').waitFor();
    expect(await bannerText(page)).toMatch(/^As known at log sequence \d+$/);
    const peacePlan = positionRow(page, 'actor-positions', 'data-topic', 'peace-plan');
    await peacePlan.waitFor();
    expect(await peacePlan.getAttribute('data-stance')).toBe('oppose');
    await page.close();
  });

  it('filters What changed by actor and topic, kept in the address, live included', async () => {
    const page = await openPage('#/changes');
    await page.getByTestId('change').first().waitFor();
    await page.getByTestId('changes-filter-topic').fill('peace-plan');
    await page.getByTestId('changes-filter-topic').dispatchEvent('change');
    await waitFor('only peace-plan changes', async () => {
      const topics = await page
        .getByTestId('change')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-topic')));
      return topics.length > 0 && topics.every((topic) => topic === 'peace-plan')
        ? true
        : undefined;
    });
    expect(page.url()).toContain('#/changes?topic=peace-plan');
    await page.close();

    const byActor = await openPage(`#/changes?actor=${UMEROV}`);
    await byActor.getByTestId('change').first().waitFor();
    await liveStatus(byActor, /^live$/);
    expect(await byActor.getByTestId('changes-filter-actor').inputValue()).toBe(UMEROV);
    const actorsShown = () =>
      byActor
        .getByTestId('change')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-actor')));
    expect(new Set(await actorsShown())).toEqual(new Set([UMEROV]));

    expect((await system.post('/v1/developments', LATER_STILL)).status).toBe(202);
    await byActor
      .getByTestId('change-line')
      .filter({ hasText: 'Rustem Umerov on ceasefire' })
      .waitFor();
    // The United States' change of the same development is in the log, not on this page.
    await system.caughtUp();
    const { items } = await system.getJson('/v1/changes?topic=ceasefire');
    expect(items.map((item: any) => item.actor.id)).toEqual(
      expect.arrayContaining([UMEROV, 'usa']),
    );
    expect(new Set(await actorsShown())).toEqual(new Set([UMEROV]));
    await byActor.close();
  });

  it('passes axe-core without serious or critical violations on the new views', async () => {
    const audit = await browser.newContext({
      viewport: VIEWPORT,
      timezoneId: TIME_ZONE,
      bypassCSP: true,
    });
    const timeline = await openPage(`#/?${knownAtInHash()}`, audit);
    await timeline.getByTestId('development-title').filter({ hasText: OLD_TITLE }).waitFor();
    await expectAccessible(timeline, 'timeline as known before the correction');
    const changes = await openPage('#/changes', audit);
    await changes.getByTestId('change').first().waitFor();
    await expectAccessible(changes, 'What changed');
    await audit.close();
    expect(problems).toEqual([]);
  });

  it('loads more changes on request, and appends new ones once the list is loaded to its end', async () => {
    const envoys = Array.from({ length: 120 }, (_, index) => {
      const id = `envoy-${index + 1}`;
      return {
        occurredOn: '2025-12-25',
        title: `Envoy ${index + 1} backs a Christmas ceasefire`,
        topics: ['ceasefire'],
        actors: [{ id, name: `Envoy ${index + 1}` }],
        statements: [{ actor: id, topic: 'ceasefire', stance: 'support' }],
      };
    });
    const batch = await system.post('/v1/developments/batch', envoys);
    expect(batch.status).toBe(200);
    expect(((await batch.json()) as { accepted: number }).accepted).toBe(envoys.length);
    await system.caughtUp();
    const all = await system.getJson('/v1/changes?limit=1000');
    expect(all.nextCursor).toBeNull();

    const page = await openPage('#/changes');
    await page.getByTestId('changes-summary').filter({ hasText: 'more to load' }).waitFor();
    expect(await page.getByTestId('changes-summary').innerText()).toBe(
      '100 changes, newest last; more to load',
    );
    await liveStatus(page, /^live$/);
    await page.getByTestId('changes-load-more').click();
    await page
      .getByTestId('changes-summary')
      .filter({ hasText: `${all.items.length} changes, newest last` })
      .waitFor();
    expect(await page.getByTestId('changes-load-more').isVisible()).toBe(false);
    expect((await page.getByTestId('change-line').allInnerTexts()).at(-1)).toBe(
      'Envoy 120 on ceasefire: no position → support (since 25 Dec 2025)',
    );

    const last = await system.post('/v1/developments', {
      ...envoys[0],
      occurredOn: '2025-12-26',
      title: 'Envoy 1 now opposes the ceasefire',
      statements: [{ actor: 'envoy-1', topic: 'ceasefire', stance: 'oppose' }],
    });
    expect(last.status).toBe(202);
    await page
      .getByTestId('change-line')
      .filter({ hasText: 'Envoy 1 on ceasefire: support → oppose' })
      .waitFor();
    const lines = await page.getByTestId('change-line').allInnerTexts();
    expect(lines).toHaveLength(all.items.length + 1);
    expect(lines.at(-1)).toBe('Envoy 1 on ceasefire: support → oppose (since 26 Dec 2025)');
    await page.close();
    expect(problems).toEqual([]);
  });
});
