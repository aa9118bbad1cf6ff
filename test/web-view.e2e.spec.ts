import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

const SCREENSHOTS =
  process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'test-output', 'screenshots');

describe('the web view', () => {
  let system: NewslineUnderTest;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    system = await NewslineUnderTest.start();
    for (const development of sampleDevelopments()) {
      expect((await system.post('/v1/developments', development)).status).toBe(202);
    }
    await system.caughtUp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const screenshot = async (name: string) => {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  };
  const titles = () => page.getByTestId('development-title').allTextContents();
  const itemCount = (count: number) =>
    waitFor(`${count} developments on the page`, async () =>
      (await page.getByTestId('development').count()) === count ? true : undefined,
    );

  it('shows the story as a timeline, with filters', async () => {
    await page.goto(`${system.projectorUrl}/#/`);
    await page.getByTestId('development').first().waitFor();
    expect(await page.getByTestId('development').count()).toBe(sampleDevelopments().length);
    expect((await titles())[0]).toBe('US–Ukraine meeting in Miami');
    // Writes are open here (no token, no sign-in): the desk works without signing in.
    await page.getByTestId('new-development').waitFor();
    expect(await page.getByTestId('edit-development').count()).toBe(sampleDevelopments().length);
    expect(await page.getByTestId('sign-in-button').count()).toBe(1);
    await screenshot('timeline');

    await page.getByTestId('filter-q').fill('Pistorius');
    await itemCount(1);
    expect(await titles()).toEqual(['Pistorius: Moscow is not willing to stop the war']);
    await page.getByTestId('filter-q').fill('');
    await page.getByTestId('filter-topic').fill('trilateral-talks');
    await page.getByTestId('filter-topic').dispatchEvent('change');
    await itemCount(1);
    expect(await titles()).toEqual(['New rounds of negotiations in the United States']);
  });

  it('opens an actor and shows their stances over time', async () => {
    await page.goto(`${system.projectorUrl}/#/`);
    await page.getByTestId('development').first().waitFor();
    await page.locator('[data-testid="actor-link"]', { hasText: 'Rustem Umerov' }).first().click();
    await page.getByTestId('actor-name').waitFor();
    expect(await page.getByTestId('actor-name').textContent()).toContain('Rustem Umerov');
    await page.getByTestId('stance-chart').waitFor();
    const stances = await page
      .getByTestId('stance-mark')
      .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-stance')));
    expect(stances.sort()).toEqual(['conditional', 'support', 'support'].sort());
    await page.getByTestId('stance-mark').first().hover();
    await page.getByTestId('stance-tooltip').waitFor();
    await screenshot('actor');
  });

  it('shows every actor’s current stance per topic as a matrix', async () => {
    await page.goto(`${system.projectorUrl}/#/topics`);
    await page.getByTestId('stance-matrix').waitFor();
    const cell = page.locator(
      '[data-testid="matrix-cell"][data-actor="russia"][data-topic="trilateral-talks"]',
    );
    await cell.waitFor();
    expect(await cell.getAttribute('data-stance')).toBe('oppose');
    const putin = page.locator(
      '[data-testid="matrix-cell"][data-actor="vladimir-putin"][data-topic="peace-plan"]',
    );
    expect(await putin.getAttribute('data-stance')).toBe('neutral');
    await screenshot('topics');
  });

  it('shows a new development as soon as it is applied, without a reload', async () => {
    await page.goto(`${system.projectorUrl}/#/`);
    await page.getByTestId('development').first().waitFor();
    await page.getByTestId('live-status').filter({ hasText: /live/i }).waitFor();
    const posted = await system.post('/v1/developments', {
      occurredOn: '2025-12-23',
      title: 'Переговори продовжаться в січні',
      body: 'Делегації домовилися про нову зустріч.',
      topics: ['peace-plan'],
    });
    expect(posted.status).toBe(202);
    await page
      .locator('[data-testid="development-title"]', { hasText: 'Переговори продовжаться в січні' })
      .waitFor();
    expect((await titles()).at(-1)).toBe('Переговори продовжаться в січні');
  });

  it('shows the projections and their progress', async () => {
    await page.goto(`${system.projectorUrl}/#/status`);
    await page.locator('[data-testid="projection-row"][data-name="timeline"]').waitFor();
    expect(await page.getByTestId('projection-row').count()).toBe(2);
    await page.getByTestId('rebuild-button').waitFor();
    await screenshot('status');
    expect(problems).toEqual([]);
  });
});
