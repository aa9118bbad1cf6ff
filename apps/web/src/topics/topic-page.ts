import { ApiRequestError } from '@app/client';
import { projectorData } from '../api/api-client';
import type { PageContext } from '../pages/page';
import { developmentHref, timelineHref } from '../routing/routes';
import { html } from '../shared/dom';
import {
  actorLink,
  dayElement,
  loadingNotice,
  setTitle,
  showFailure,
  stanceBadge,
} from '../shared/ui';

/** `#/topics/<topic>`: the current stance of every actor on one topic. */
export function renderTopicPage(container: HTMLElement, context: PageContext, topic: string): void {
  setTitle(topic, 'Topics');
  container.replaceChildren(loadingNotice());
  projectorData(
    context.api.GET('/v1/topics/{topic}/positions', {
      params: { path: { topic } },
      signal: context.signal,
    }),
  )
    .then(({ positions }) => {
      container.replaceChildren(
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
      if (error instanceof ApiRequestError && error.status === 404) {
        container.replaceChildren(
          html('h1', {}, 'Unknown topic'),
          html('p', { class: 'notice' }, `No development is about “${topic}”.`),
        );
        return;
      }
      showFailure(container, error);
    });
}
