import type { Development } from '@app/client';
import { POLL_INTERVAL_MS } from '../live/stream-connection';
import type { PageContext } from '../pages/page';
import { routeHash } from '../routing/routes';
import { html } from '../shared/dom';
import { loadFilterSuggestions } from '../shared/filter-suggestions';
import { SerialTasks } from '../shared/serial-tasks';
import { errorNotice, setTitle } from '../shared/ui';
import { isAbort } from '../api/api-error';
import type { KnownAt } from '../known-at/known-at';
import { dataAndKnownAt } from '../known-at/known-at-answer';
import { knownAtBar } from '../known-at/known-at-bar';
import { PinnedKnownAt } from '../known-at/pinned-known-at';
import { createFilterForm } from './filter-form';
import { KeyedDevelopmentList } from './keyed-list';
import { sameFilters, timelineQuery } from './timeline-filters';
import type { TimelineFilters, TimelineQuery } from './timeline-filters';
import { appendPage, applyLiveDevelopment, mergeRefreshedBeginning } from './timeline-list';
import type { LoadedTimeline } from './timeline-list';

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
/** A reload of the list's beginning asks for this many more than are loaded, for new ones. */
const REFRESH_HEADROOM = 20;
const REFRESH_DELAY_MS = 400;

/**
 * `#/`: the developments, filtered, with more loaded on scrolling and live updates; or, with
 * a known-at, as they stood then, without live updates or write controls.
 */
export function renderTimelinePage(
  container: HTMLElement,
  context: PageContext,
  initialFilters: TimelineFilters,
  knownAt?: KnownAt,
): void {
  setTitle(knownAt === undefined ? 'Timeline' : 'Timeline as known then');
  const { api, feed, signal } = context;
  const reads = new PinnedKnownAt(knownAt);
  let filters = initialFilters;
  let loaded: LoadedTimeline | undefined;
  /** Live developments that arrive while the first page loads, applied once it is in. */
  let pending: Development[] = [];
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const form = createFilterForm(filters, (next) => {
    if (sameFilters(next, filters)) return;
    filters = next;
    history.replaceState(null, '', routeHash({ page: 'timeline', filters, knownAt }));
    reload();
  });
  const bar = knownAtBar(knownAt, (chosen) =>
    routeHash({ page: 'timeline', filters, knownAt: chosen }),
  );
  const summary = html('p', { class: 'list-summary', role: 'status' });
  const failure = html('div', { class: 'list-failure' });
  const list = html('ol', { class: 'timeline', 'data-testid': 'timeline' });
  const loadMoreButton = html('button', { type: 'button', class: 'secondary' }, 'Load more');
  const sentinel = html('div', { class: 'sentinel' }, loadMoreButton);
  // The past is not edited: a correction applies to the development as it is now.
  const rendered = new KeyedDevelopmentList(list, (development) =>
    reads.isSet ? null : context.desk.developmentActions(development),
  );
  container.replaceChildren(
    html(
      'section',
      { class: 'timeline-page' },
      html('h1', { class: 'visually-hidden' }, 'Timeline'),
      bar.element,
      form.element,
      summary,
      failure,
      list,
      sentinel,
    ),
  );

  function show(highlightChanges: boolean): void {
    if (!loaded) return;
    rendered.render(loaded.items, { highlightChanges });
    const count = loaded.items.length;
    summary.textContent =
      count === 0
        ? 'No developments match these filters.'
        : `${count} development${count === 1 ? '' : 's'}${loaded.nextCursor ? ', more below' : ''}`;
    sentinel.hidden = loaded.nextCursor === null;
  }

  function fail(error: unknown): void {
    if (isAbort(error)) return;
    if (bar.showProblem(error)) {
      summary.textContent = '';
      return;
    }
    failure.replaceChildren(errorNotice(error));
    if (!loaded) summary.textContent = '';
  }

  const tasks = new SerialTasks(fail);

  async function fetchPage(query: TimelineQuery, abort: AbortSignal) {
    const { data, knownAtSequence } = await dataAndKnownAt(
      api.GET('/v1/timeline', { params: { query: { ...query, ...reads.query() } }, signal: abort }),
    );
    reads.pin(knownAtSequence);
    bar.showSequence(knownAtSequence);
    return data;
  }

  function reload(): void {
    tasks.restart();
    loaded = undefined;
    pending = [];
    clearTimeout(refreshTimer);
    rendered.clear();
    failure.replaceChildren();
    summary.textContent = 'Loading…';
    sentinel.hidden = true;
    tasks.run(async (isCurrent, abort) => {
      const page = await fetchPage(timelineQuery(filters, { limit: PAGE_SIZE }), abort);
      if (!isCurrent()) return;
      loaded = { items: page.items, nextCursor: page.nextCursor };
      show(false);
      const arrived = pending;
      pending = [];
      arrived.forEach(applyLive);
      checkSentinel();
    });
  }

  function loadMore(): void {
    if (!loaded?.nextCursor) return;
    const cursor = loaded.nextCursor;
    tasks.run(async (isCurrent, abort) => {
      if (!loaded || loaded.nextCursor !== cursor) return;
      loadMoreButton.disabled = true;
      try {
        const page = await fetchPage(timelineQuery(filters, { limit: PAGE_SIZE, cursor }), abort);
        if (!isCurrent() || !loaded) return;
        loaded = appendPage(loaded, page);
        show(false);
      } finally {
        loadMoreButton.disabled = false;
      }
      checkSentinel();
    });
  }

  /** Loads the list's beginning again, as far as it was loaded, and merges it in. */
  function refresh(): void {
    tasks.run(async (isCurrent, abort) => {
      if (!loaded) return;
      const limit = Math.min(
        MAX_PAGE_SIZE,
        Math.max(PAGE_SIZE, loaded.items.length + REFRESH_HEADROOM),
      );
      const page = await fetchPage(timelineQuery(filters, { limit }), abort);
      if (!isCurrent() || !loaded) return;
      loaded = mergeRefreshedBeginning(loaded, page, filters.order);
      failure.replaceChildren();
      show(true);
    });
  }

  function scheduleRefresh(): void {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, REFRESH_DELAY_MS);
  }

  function applyLive(development: Development): void {
    if (!loaded) {
      pending.push(development);
      return;
    }
    const outcome = applyLiveDevelopment(loaded, development, filters);
    if (outcome.kind === 'refresh') scheduleRefresh();
    if (outcome.kind !== 'changed') return;
    loaded = outcome.loaded;
    show(true);
  }

  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    },
    { rootMargin: '0px 0px 600px 0px' },
  );
  observer.observe(sentinel);
  /** The observer reports only changes: look again after a page, in case it is still in view. */
  function checkSentinel(): void {
    observer.unobserve(sentinel);
    if (!sentinel.hidden) observer.observe(sentinel);
  }
  loadMoreButton.addEventListener('click', loadMore);

  // A past view does not change: it follows no updates.
  const stopLive = reads.isSet ? () => undefined : feed.onDevelopment(applyLive);
  const stopMode = reads.isSet
    ? () => undefined
    : feed.onMode((mode) => {
        clearInterval(pollTimer);
        pollTimer = mode === 'polling' ? setInterval(refresh, POLL_INTERVAL_MS) : undefined;
      });
  if (reads.isSet) context.liveIndicator.pause(signal);

  loadFilterSuggestions(api, form, signal, reads.query());

  signal.addEventListener('abort', () => {
    tasks.stop();
    observer.disconnect();
    clearTimeout(refreshTimer);
    clearInterval(pollTimer);
    stopLive();
    stopMode();
  });

  reload();
}
