import { ApiRequestError } from '@app/client';
import { projectorData } from '../api/api-client';
import type { PageContext } from '../pages/page';
import { formatMoment } from '../shared/dates';
import { html } from '../shared/dom';
import { loadingNotice, setTitle, showFailure } from '../shared/ui';
import { developmentArticle } from '../timeline/development-item';

const EVENT_NAMES: Record<string, string> = {
  NewsEventRecorded: 'recorded',
  NewsEventCorrected: 'corrected',
  NewsEventRetracted: 'retracted',
};

/** `#/developments/<id>`: one development in its current state, with its events. */
export function renderDevelopmentPage(
  container: HTMLElement,
  context: PageContext,
  developmentId: string,
): void {
  setTitle('Development');
  container.replaceChildren(loadingNotice());
  projectorData(
    context.api.GET('/v1/developments/{developmentId}', {
      params: { path: { developmentId } },
      signal: context.signal,
    }),
  )
    .then((development) => {
      setTitle(development.title);
      container.replaceChildren(
        html(
          'section',
          { class: 'development-page', 'data-development-id': development.developmentId },
          developmentArticle(development, 'h1'),
          html('h2', {}, 'History'),
          html(
            'ol',
            { class: 'history' },
            ...development.history.map((event) =>
              html(
                'li',
                {},
                html('strong', {}, EVENT_NAMES[event.type] ?? event.type),
                ` at log sequence ${event.sequence}, `,
                html('time', { datetime: event.recordedAt }, formatMoment(event.recordedAt)),
              ),
            ),
          ),
        ),
      );
    })
    .catch((error: unknown) => {
      if (error instanceof ApiRequestError && (error.status === 404 || error.status === 400)) {
        container.replaceChildren(
          html('h1', {}, 'Unknown development'),
          html('p', { class: 'notice' }, 'No development has this id.'),
        );
        return;
      }
      showFailure(container, error);
    });
}
