import { ApiRequestError } from '@app/client';
import { knownAtQuery } from '../known-at/known-at';
import type { KnownAt } from '../known-at/known-at';
import { dataAndKnownAt } from '../known-at/known-at-answer';
import { knownAtBar } from '../known-at/known-at-bar';
import type { PageContext } from '../pages/page';
import { developmentHref, routeHash, timelineHref } from '../routing/routes';
import { html } from '../shared/dom';
import {
  actorLink,
  dayElement,
  loadingNotice,
  setTitle,
  showFailure,
  stanceBadge,
} from '../shared/ui';

/**
 * `#/topics/<topic>`: the current stance of every actor on one topic; with a known-at, the
 * stances as they stood then.
 */
export function renderTopicPage(
  container: HTMLElement,
  context: PageContext,
  topic: string,
  knownAt?: KnownAt,
): void {
  setTitle(topic, 'Topics');
  const bar = knownAtBar(knownAt, (chosen) => routeHash({ page: 'topic', topic, knownAt: chosen }));
  const content = html('div', { class: 'page-content' }, loadingNotice());
  container.replaceChildren(bar.element, content);
  if (knownAt !== undefined) context.liveIndicator.pause(context.signal);
  dataAndKnownAt(
    context.api.GET('/v1/topics/{topic}/positions', {
      params: { path: { topic }, query: knownAtQuery(knownAt) },
      signal: context.signal,
    }),
  )
    .then(({ data: { positions }, knownAtSequence }) => {
      bar.showSequence(knownAtSequence);
      content.replaceChildren(
        html(
          'section',
          { class: 'topic-page' },
          html(
            'header',
            { class: 'page-header' },
            html('h1', { 'data-testid': 'topic-name' }, topic),
            html(
              'p',
              { class: 'page-meta' },
              html('a', { href: '#/topics' }, 'All topics'),
              html('a', { href: timelineHref({ topic }) }, 'Developments on the timeline'),
            ),
          ),
          positions.length === 0
            ? html('p', { class: 'notice' }, 'No one has a position on this topic.')
            : html(
                'table',
                { class: 'data-table', 'data-testid': 'topic-positions' },
                html(
                  'thead',
                  {},
                  html(
                    'tr',
                    {},
                    html('th', { scope: 'col' }, 'Actor'),
                    html('th', { scope: 'col' }, 'Stance'),
                    html('th', { scope: 'col' }, 'Since'),
                    html('th', { scope: 'col' }, 'Latest statement'),
                  ),
                ),
                html(
                  'tbody',
                  {},
                  ...positions.map((position) =>
                    html(
                      'tr',
                      { 'data-actor': position.actor.id, 'data-stance': position.stance },
                      html(
                        'th',
                        { scope: 'row' },
                        actorLink(position.actor.id, position.actor.name),
                      ),
                      html('td', {}, stanceBadge(position.stance)),
                      html('td', {}, dayElement(position.since)),
                      html(
                        'td',
                        {},
                        html('a', { href: developmentHref(position.developmentId) }, 'development'),
                      ),
                    ),
                  ),
                ),
              ),
        ),
      );
    })
    .catch((error: unknown) => {
      if (bar.showProblem(error)) {
        content.replaceChildren();
        return;
      }
      if (error instanceof ApiRequestError && error.status === 404) {
        content.replaceChildren(
          html('h1', {}, 'Unknown topic'),
          html(
            'p',
            { class: 'notice' },
            knownAt === undefined
              ? `No development is about “${topic}”.`
              : `No development was about “${topic}” then.`,
          ),
        );
        return;
      }
      showFailure(content, error);
    });
}
