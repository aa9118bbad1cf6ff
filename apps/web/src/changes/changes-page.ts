import { projectorData } from '../api/api-client';
import { isAbort } from '../api/api-error';
import type { PageContext } from '../pages/page';
import { routeHash } from '../routing/routes';
import { html } from '../shared/dom';
import { loadFilterSuggestions } from '../shared/filter-suggestions';
import { SerialTasks } from '../shared/serial-tasks';
import { errorNotice, setTitle } from '../shared/ui';
import { ChangeFeed } from './change-feed';
import { changeMatches, sameChangeFilters } from './change-filters';
import type { ChangeFilters } from './change-filters';
import { changeFilterForm } from './change-filter-form';
import { changeKey, mergeChanges } from './change-list';
import { ChangeListView } from './change-list-view';
import { arrivedText } from './change-text';
import { fetchChangesAfter, fetchChangesPage } from './changes-api';
import type { PositionChange } from './position-change';

const PAGE_SIZE = 100;
/** Changes often come in runs (one development, several statements): one catch-up per run. */
const CATCH_UP_DELAY_MS = 200;

/**
 * `#/changes`: every change of position, in log order (newest last), grouped by the day it
 * was recorded, filtered by actor and topic; more on "Load more", and new ones appended as
 * the projector applies them, from `GET /v1/stream?kind=changes`.
 *
 * A change from the stream is placed at once when the filters can tell that it belongs
 * (the list must be complete for that: loaded to its end). Otherwise the page asks the
 * server for what came after what it shows: the actor filter resolves merges there, and a
 * list that was still loading may have missed some.
 */
export function renderChangesPage(
  container: HTMLElement,
  context: PageContext,
  initialFilters: ChangeFilters,
): void {
  setTitle('What changed');
  const { api, signal } = context;
  let filters = initialFilters;
  let changes: PositionChange[] = [];
  let nextCursor: string | null = null;
  let loaded = false;
  /** The stream starts after this sequence: what the page reflects before its first page. */
  let streamAfter: number | undefined;
  /** Changes came from the stream while the list was not loaded to its end. */
  let missedLive = false;
  /** A catch-up asks for the changes after this sequence (all, when null); none if undefined. */
  let catchUpAfter: number | null | undefined;
  let catchUpTimer: ReturnType<typeof setTimeout> | undefined;

  const form = changeFilterForm(filters, (next) => {
    if (sameChangeFilters(next, filters)) return;
    filters = next;
    history.replaceState(null, '', routeHash({ page: 'changes', filters }));
    reload();
  });
  const summary = html('p', { class: 'list-summary', 'data-testid': 'changes-summary' });
  const arrivals = html('p', {
    class: 'change-arrivals',
    role: 'status',
    'data-testid': 'change-arrivals',
  });
  const failure = html('div', { class: 'list-failure' });
  const listElement = html('div', { class: 'change-days', 'data-testid': 'changes' });
  const view = new ChangeListView(listElement);
  const loadMoreButton = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'changes-load-more' },
    'Load more',
  );
  const more = html('div', { class: 'sentinel' }, loadMoreButton);
  container.replaceChildren(
    html(
      'section',
      { class: 'changes-page' },
      html(
        'header',
        { class: 'page-header' },
        html('h1', {}, 'What changed'),
        html(
          'p',
          { class: 'page-meta' },
          'Every change of an actor’s position on a topic, in the order it was recorded (newest last), by the day it was recorded.',
        ),
      ),
      form.element,
      summary,
      arrivals,
      failure,
      listElement,
      more,
    ),
  );

  function show(arrived: readonly PositionChange[] = []): void {
    view.render(changes, new Set(arrived.map(changeKey)));
    const count = changes.length;
    const filtered = filters.actor !== undefined || filters.topic !== undefined;
    summary.textContent =
      count > 0
        ? `${count} change${count === 1 ? '' : 's'}, newest last${nextCursor ? '; more to load' : ''}`
        : nextCursor
          ? 'None in the part of the log read so far; load more to read on.'
          : filtered
            ? 'No changes match these filters.'
            : 'No changes of position yet.';
    if (arrived.length > 0) arrivals.textContent = arrivedText(arrived);
    more.hidden = nextCursor === null;
  }

  function fail(error: unknown): void {
    if (isAbort(error)) return;
    failure.replaceChildren(errorNotice(error));
    if (!loaded) summary.textContent = '';
  }

  const tasks = new SerialTasks(fail);

  /** Adds changes, and says which of them are new to the page. */
  function add(incoming: readonly PositionChange[], live: boolean): void {
    const shown = new Set(changes.map(changeKey));
    changes = mergeChanges(changes, incoming);
    show(live ? incoming.filter((change) => !shown.has(changeKey(change))) : []);
  }

  function reload(): void {
    tasks.restart();
    changes = [];
    nextCursor = null;
    loaded = false;
    missedLive = false;
    catchUpAfter = undefined;
    clearTimeout(catchUpTimer);
    view.clear();
    failure.replaceChildren();
    arrivals.textContent = '';
    summary.textContent = 'Loading…';
    more.hidden = true;
    tasks.run(async (isCurrent, abort) => {
      const page = await fetchChangesPage(api, filters, { limit: PAGE_SIZE }, abort);
      if (!isCurrent()) return;
      nextCursor = page.nextCursor;
      loaded = true;
      add(page.items, false);
      catchUpIfComplete();
    });
  }

  function loadMore(): void {
    const cursor = nextCursor;
    if (!loaded || cursor === null) return;
    tasks.run(async (isCurrent, abort) => {
      if (nextCursor !== cursor) return;
      loadMoreButton.disabled = true;
      try {
        const page = await fetchChangesPage(api, filters, { limit: PAGE_SIZE, cursor }, abort);
        if (!isCurrent()) return;
        nextCursor = page.nextCursor;
        add(page.items, false);
      } finally {
        loadMoreButton.disabled = false;
      }
      catchUpIfComplete();
    });
  }

  /** Notes that the changes after `after` (all, if null) are to be asked for. */
  function needCatchUp(after: number | null): void {
    if (catchUpAfter === null) return;
    if (after === null || catchUpAfter === undefined || after < catchUpAfter) catchUpAfter = after;
  }

  /**
   * Once the list is loaded to its end, asks for what the stream brought meanwhile. The
   * pages hold every change up to the last one's sequence, and the stream brought only
   * changes after `streamAfter`: the catch-up starts at the later of the two.
   */
  function catchUpIfComplete(): void {
    if (nextCursor !== null || !missedLive) return;
    missedLive = false;
    const last = changes[changes.length - 1];
    const bounds = [last && last.sequence - 1, streamAfter].filter(
      (bound): bound is number => bound !== undefined,
    );
    needCatchUp(bounds.length > 0 ? Math.max(...bounds) : null);
    scheduleCatchUp();
  }

  function scheduleCatchUp(): void {
    clearTimeout(catchUpTimer);
    catchUpTimer = setTimeout(() => {
      tasks.run(async (isCurrent, abort) => {
        if (catchUpAfter === undefined || nextCursor !== null) return;
        const after = catchUpAfter;
        catchUpAfter = undefined;
        const caughtUp = await fetchChangesAfter(api, filters, after ?? undefined, abort).catch(
          (error: unknown) => {
            needCatchUp(after); // asked again by the next catch-up
            throw error;
          },
        );
        if (!isCurrent()) return;
        failure.replaceChildren();
        add(caughtUp, true);
      });
    }, CATCH_UP_DELAY_MS);
  }

  function applyLive(change: PositionChange): void {
    if (!loaded || nextCursor !== null) {
      // The pages still to load bring it, unless it came after the last one: ask then.
      missedLive = true;
      return;
    }
    const matches = changeMatches(change, filters);
    if (matches === true) add([change], true);
    if (matches === 'ask') {
      needCatchUp(change.sequence - 1);
      scheduleCatchUp();
    }
  }

  loadMoreButton.addEventListener('click', loadMore);

  const feed = new ChangeFeed(api, () => context.session.currentToken() !== undefined, signal);
  context.liveIndicator.follow(feed, signal);
  feed.onChange(applyLive);

  loadFilterSuggestions(api, form, signal);

  signal.addEventListener('abort', () => {
    tasks.stop();
    clearTimeout(catchUpTimer);
  });

  // The stream resumes after what the read models have applied before the first page is
  // asked for, so that no change falls between the list and the stream.
  summary.textContent = 'Loading…';
  void projectorData(api.GET('/v1/projections', { signal }))
    .then((projections) => Math.min(...projections.map((projection) => projection.position)))
    .then((position) => (Number.isFinite(position) ? position : undefined))
    .catch(() => undefined)
    .then((position) => {
      if (signal.aborted) return;
      streamAfter = position;
      feed.start(position);
      reload();
    });
}
