import { ApiRequestError } from '@app/client';
import type { ActorDetail, Position, SimilarActors } from '@app/client';
import { projectorData } from '../api/api-client';
import { isAbort } from '../api/api-error';
import type { KnownAt } from '../known-at/known-at';
import { dataAndKnownAt } from '../known-at/known-at-answer';
import { knownAtBar } from '../known-at/known-at-bar';
import type { KnownAtBar } from '../known-at/known-at-bar';
import { PinnedKnownAt } from '../known-at/pinned-known-at';
import { followActorChanges } from '../live/follow-actor-changes';
import { actorEventConcerns } from '../live/stream-event';
import { whenApplied } from '../live/when-applied';
import type { PageContext } from '../pages/page';
import { developmentHref, routeHash, timelineHref } from '../routing/routes';
import { formatDay, formatDayRange } from '../shared/dates';
import { html } from '../shared/dom';
import {
  dayElement,
  loadingNotice,
  setTitle,
  showFailure,
  stanceBadge,
  topicLink,
} from '../shared/ui';
import { openSignInDialog } from '../auth/account';
import { identitySection, mergedNotice } from './actor-identity';
import { stanceChart } from './stance-chart';

const RESIZE_DELAY_MS = 150;
const SIMILAR_LIMIT = 8;

interface ActorPageData {
  actor: ActorDetail;
  positions: Position[];
  similar: SimilarActors | null;
  /** Whether this is a past view (a known-at is set). */
  past: boolean;
  /** The log sequence a past view was answered at. */
  knownAtSequence: number | undefined;
}

/**
 * `#/actors/<id>`: who the actor is and under which other names, its stances over time, and
 * where it stands now. Merges of the actors it shows reload it, as they are applied. With a
 * known-at, the actor and its stances as they stood then, without live updates or merges.
 */
export function renderActorPage(
  container: HTMLElement,
  context: PageContext,
  actorId: string,
  knownAt?: KnownAt,
): void {
  setTitle(actorId);
  const { signal } = context;
  const bar = knownAtBar(knownAt, (chosen) =>
    routeHash({ page: 'actor', actorId, knownAt: chosen }),
  );
  const content = html('div', { class: 'page-content' }, loadingNotice());
  container.replaceChildren(bar.element, content);
  /** Ids on the page: a merge or unmerge of any of them changes it. */
  let shown = new Set([actorId]);
  let rendering = new AbortController();
  let generation = 0;

  const load = () => {
    const run = ++generation;
    loadActor(context, actorId, new PinnedKnownAt(knownAt))
      .then((data) => {
        if (run !== generation || signal.aborted) return;
        rendering.abort();
        rendering = new AbortController();
        shown = new Set([
          actorId,
          data.actor.id,
          ...data.actor.aliases.map(({ id }) => id),
          ...(data.similar?.candidates.map(({ actor }) => actor.id) ?? []),
        ]);
        renderActor(content, context, data, bar, rendering.signal, reloadSoon);
      })
      .catch((error: unknown) => {
        if (run !== generation) return;
        if (bar.showProblem(error)) {
          content.replaceChildren();
          return;
        }
        if (error instanceof ApiRequestError && error.status === 404) {
          content.replaceChildren(
            html('h1', {}, 'Unknown actor'),
            html(
              'p',
              { class: 'notice' },
              knownAt === undefined
                ? `No actor has the id “${actorId}”.`
                : `No actor had the id “${actorId}” then.`,
            ),
          );
          return;
        }
        showFailure(content, error);
      });
  };
  // A past view does not change: it follows no merges.
  const reloadSoon =
    knownAt === undefined
      ? followActorChanges(context.feed, signal, (event) => actorEventConcerns(event, shown), load)
      : () => undefined;
  if (knownAt !== undefined) context.liveIndicator.pause(signal);
  signal.addEventListener('abort', () => rendering.abort());
  load();
}

async function loadActor(
  context: PageContext,
  actorId: string,
  reads: PinnedKnownAt,
): Promise<ActorPageData> {
  if (reads.isSet) return loadActorAsKnown(context, actorId, reads);
  const { api, signal } = context;
  const path = { actorId };
  const [actor, { positions }, similar] = await Promise.all([
    projectorData(api.GET('/v1/actors/{actorId}', { params: { path }, signal })),
    projectorData(
      api.GET('/v1/actors/{actorId}/positions', {
        params: { path, query: { historyLimit: 1000 } },
        signal,
      }),
    ),
    // The page is useful without its duplicates: their failure shows in their section.
    projectorData(
      api.GET('/v1/actors/{actorId}/similar', {
        params: { path, query: { limit: SIMILAR_LIMIT } },
        signal,
      }),
    ).catch((error: unknown) => {
      if (isAbort(error)) throw error;
      return null;
    }),
  ]);
  return { actor, positions, similar, past: false, knownAtSequence: undefined };
}

/**
 * The actor and its positions at a known-at, one after the other: the second asks for the
 * sequence the first was answered at. Possible duplicates are a matter of now: none.
 */
async function loadActorAsKnown(
  { api, signal }: PageContext,
  actorId: string,
  reads: PinnedKnownAt,
): Promise<ActorPageData> {
  const path = { actorId };
  const actor = await dataAndKnownAt(
    api.GET('/v1/actors/{actorId}', { params: { path, query: reads.query() }, signal }),
  );
  reads.pin(actor.knownAtSequence);
  const { data } = await dataAndKnownAt(
    api.GET('/v1/actors/{actorId}/positions', {
      params: { path, query: { historyLimit: 1000, ...reads.query() } },
      signal,
    }),
  );
  return {
    actor: actor.data,
    positions: data.positions,
    similar: null,
    past: true,
    knownAtSequence: actor.knownAtSequence,
  };
}

function renderActor(
  container: HTMLElement,
  context: PageContext,
  { actor, positions, similar, past, knownAtSequence }: ActorPageData,
  bar: KnownAtBar,
  signal: AbortSignal,
  reloadSoon: () => void,
): void {
  setTitle(actor.name);
  bar.showSequence(knownAtSequence);
  const chartHolder = html('div', { class: 'chart-holder' });
  // Merges are made, and duplicates found, on the actors as they are now.
  const identity =
    !past &&
    identitySection(actor, similar, {
      ingest: context.ingest,
      mayWrite: context.desk.mayWrite(),
      onRecorded: (sequence) => void whenApplied(context, sequence).then(reloadSoon),
      onUnauthorized: (message) => openSignInDialog(context.api, context.session, message),
    });
  container.replaceChildren(
    html(
      'section',
      { class: 'actor-page' },
      mergedNotice(actor),
      actorHeader(actor),
      html('h2', {}, 'Stances over time'),
      chartHolder,
      html('h2', {}, past ? 'Positions then' : 'Current positions'),
      html('div', { class: 'table-scroll' }, positionsTable(positions)),
      identity,
    ),
  );
  drawChart(chartHolder, positions, signal);
}

function actorHeader(actor: ActorDetail): HTMLElement {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return html(
    'header',
    { class: 'page-header' },
    html('h1', { 'data-testid': 'actor-name', dir: 'auto' }, actor.name),
    html(
      'p',
      { class: 'page-meta' },
      actor.affiliation && html('span', {}, `affiliation: ${actor.affiliation}`),
      html('span', {}, plural(actor.developments, 'development')),
      html('span', {}, plural(actor.statements, 'statement')),
      html(
        'span',
        {},
        'seen ',
        html(
          'time',
          { datetime: actor.firstSeenOn },
          formatDayRange(actor.firstSeenOn, actor.lastSeenOn),
        ),
      ),
      html('a', { href: timelineHref({ actor: actor.id }) }, 'Developments on the timeline'),
    ),
  );
}

/** Draws the chart at the holder's width, and again when the window is resized. */
function drawChart(holder: HTMLElement, positions: Position[], signal: AbortSignal): void {
  const draw = () => {
    // A little narrower than the holder, for the border of the box around the chart.
    const chart = stanceChart(positions, Math.max(480, holder.clientWidth - 4));
    holder.replaceChildren(
      chart ?? html('p', { class: 'notice' }, 'No statements by this actor yet.'),
    );
  };
  draw();
  let lastWidth = holder.clientWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (holder.clientWidth === lastWidth) return;
      lastWidth = holder.clientWidth;
      draw();
    }, RESIZE_DELAY_MS);
  };
  window.addEventListener('resize', onResize);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    window.removeEventListener('resize', onResize);
  });
}

function positionsTable(positions: Position[]): HTMLElement {
  if (positions.length === 0) return html('p', { class: 'notice' }, 'No positions.');
  return html(
    'table',
    { class: 'data-table positions-table', 'data-testid': 'actor-positions' },
    html(
      'thead',
      {},
      html(
        'tr',
        {},
        html('th', { scope: 'col' }, 'Topic'),
        html('th', { scope: 'col' }, 'Stance'),
        html('th', { scope: 'col' }, 'Since'),
        html('th', { scope: 'col' }, 'Latest quote'),
      ),
    ),
    html(
      'tbody',
      {},
      ...positions.map((position) =>
        html(
          'tr',
          { 'data-topic': position.topic, 'data-stance': position.stance },
          html('th', { scope: 'row' }, topicLink(position.topic)),
          html('td', {}, stanceBadge(position.stance)),
          html('td', {}, dayElement(position.since)),
          html(
            'td',
            {},
            position.quote && html('q', { class: 'quote', dir: 'auto' }, position.quote),
            ' ',
            html(
              'a',
              {
                href: developmentHref(position.developmentId),
                class: 'more-link',
                title: `The development of ${formatDay(latestDay(position))}`,
              },
              'development',
            ),
          ),
        ),
      ),
    ),
  );
}

function latestDay(position: Position): string {
  return position.history[position.history.length - 1]?.occurredOn ?? position.since;
}
