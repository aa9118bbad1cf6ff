import type { TopicPositions } from '@app/client';
import { projectorData } from '../api/api-client';
import { followActorChanges } from '../live/follow-actor-changes';
import type { PageContext } from '../pages/page';
import { actorHref, topicHref } from '../routing/routes';
import { mapWithConcurrency } from '../shared/concurrency';
import { formatDay } from '../shared/dates';
import { html } from '../shared/dom';
import { STANCE_SYMBOL, STANCES, stanceClass } from '../shared/stances';
import { loadingNotice, setTitle, showFailure, stanceBadge, topicLink } from '../shared/ui';
import { buildStanceMatrix } from './stance-matrix';
import type { MatrixCell, StanceMatrix } from './stance-matrix';

const PARALLEL_REQUESTS = 4;

/**
 * `#/topics`: every actor's current stance on every topic, as a table; loaded again when
 * developments are applied and when actors are merged or unmerged, so that merged actors
 * share one row.
 */
export function renderTopicsPage(container: HTMLElement, context: PageContext): void {
  setTitle('Topics');
  container.replaceChildren(loadingNotice('Loading topics and positions…'));
  let generation = 0;
  const load = () => {
    const run = ++generation;
    loadTopicPositions(context)
      .then((topicPositions) => {
        if (run === generation) showMatrix(container, buildStanceMatrix(topicPositions));
      })
      .catch((error: unknown) => {
        if (run === generation) showFailure(container, error);
      });
  };
  const reloadSoon = followActorChanges(context.feed, context.signal, () => true, load);
  // New developments, corrections and retractions change stances too.
  const stopDevelopments = context.feed.onDevelopment(reloadSoon);
  context.signal.addEventListener('abort', stopDevelopments);
  load();
}

async function loadTopicPositions({ api, signal }: PageContext): Promise<TopicPositions[]> {
  const { items } = await projectorData(
    api.GET('/v1/topics', { params: { query: { limit: 500 } }, signal }),
  );
  return mapWithConcurrency(items, PARALLEL_REQUESTS, ({ topic }) =>
    projectorData(api.GET('/v1/topics/{topic}/positions', { params: { path: { topic } }, signal })),
  );
}

function showMatrix(container: HTMLElement, matrix: StanceMatrix): void {
  container.replaceChildren(
    html(
      'section',
      { class: 'topics-page' },
      html(
        'header',
        { class: 'page-header' },
        html('h1', {}, 'Topics'),
        html(
          'p',
          { class: 'page-meta' },
          'The current stance of each actor (rows) on each topic (columns).',
        ),
      ),
      matrix.rows.length === 0
        ? html('p', { class: 'notice' }, 'No one has taken a position yet.')
        : html('div', { class: 'table-scroll' }, matrixTable(matrix)),
      stanceKey(),
      matrix.topicsWithoutPositions.length > 0 &&
        html(
          'p',
          { class: 'inline-list' },
          'Topics without positions: ',
          ...matrix.topicsWithoutPositions.flatMap((topic, index) => [
            index > 0 ? ', ' : '',
            topicLink(topic),
          ]),
        ),
    ),
  );
}

function matrixTable(matrix: StanceMatrix): HTMLTableElement {
  return html(
    'table',
    { class: 'stance-matrix', 'data-testid': 'stance-matrix' },
    html(
      'thead',
      {},
      html(
        'tr',
        {},
        html('th', { scope: 'col', class: 'corner' }, 'Actor'),
        ...matrix.topics.map((topic) =>
          html(
            'th',
            { scope: 'col', class: 'topic-column' },
            html('a', { href: topicHref(topic), 'data-testid': 'topic-link' }, topic),
          ),
        ),
      ),
    ),
    html(
      'tbody',
      {},
      ...matrix.rows.map(({ actor, cells }) =>
        html(
          'tr',
          { 'data-actor': actor.id },
          html(
            'th',
            { scope: 'row' },
            html(
              'a',
              { href: actorHref(actor.id), 'data-testid': 'actor-link', dir: 'auto' },
              actor.name,
            ),
          ),
          ...cells.map((cell, index) => matrixCell(actor, matrix.topics[index] ?? '', cell)),
        ),
      ),
    ),
  );
}

function matrixCell(
  actor: { id: string; name: string },
  topic: string,
  cell: MatrixCell | null,
): HTMLTableCellElement {
  if (!cell) {
    return html('td', {
      class: 'matrix-cell empty',
      'data-testid': 'matrix-cell',
      'data-actor': actor.id,
      'data-topic': topic,
      title: `${actor.name} has no position on ${topic}`,
    });
  }
  const description = `${actor.name} on ${topic}: ${cell.stance} since ${formatDay(cell.since)}`;
  return html(
    'td',
    {
      class: `matrix-cell ${stanceClass(cell.stance)}`,
      'data-testid': 'matrix-cell',
      'data-actor': actor.id,
      'data-topic': topic,
      'data-stance': cell.stance,
      title: description,
    },
    html('span', { 'aria-hidden': 'true' }, STANCE_SYMBOL[cell.stance] ?? ''),
    html('span', { class: 'visually-hidden' }, `${cell.stance} since ${formatDay(cell.since)}`),
  );
}

function stanceKey(): HTMLElement {
  return html('p', { class: 'stance-key' }, ...STANCES.map((stance) => stanceBadge(stance)));
}
