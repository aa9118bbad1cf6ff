import { ApiRequestError } from '@app/client';
import type { DevelopmentWithHistory } from '@app/client';
import { projectorData } from '../api/api-client';
import type { PageContext } from '../pages/page';
import { formatMoment } from '../shared/dates';
import { html } from '../shared/dom';
import { loadingNotice, setTitle, showFailure } from '../shared/ui';
import { developmentArticle } from '../timeline/development-item';
import { eventName, recordedByText } from './history-text';

/** Events of a development often come close together: one reload for a run of them. */
const SETTLE_MS = 250;

/**
 * `#/developments/<id>`: one development in its current state, with its events and who
 * recorded each; Edit and Retract for writers. Loaded again when the projector applies a
 * new event of it.
 */
export function renderDevelopmentPage(
  container: HTMLElement,
  context: PageContext,
  developmentId: string,
): void {
  setTitle('Development');
  container.replaceChildren(loadingNotice());
  let generation = 0;
  const load = () => {
    const run = ++generation;
    projectorData(
      context.api.GET('/v1/developments/{developmentId}', {
        params: { path: { developmentId } },
        signal: context.signal,
      }),
    )
      .then((development) => {
        if (run === generation) showDevelopment(container, context, development);
      })
      .catch((error: unknown) => {
        if (run !== generation) return;
        if (error instanceof ApiRequestError && (error.status === 404 || error.status === 400)) {
          container.replaceChildren(
            html('h1', {}, 'Unknown development'),
            html('p', { class: 'notice' }, 'No development has this id.'),
          );
          return;
        }
        showFailure(container, error);
      });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = context.feed.onDevelopment((development) => {
    if (development.developmentId !== developmentId) return;
    clearTimeout(timer);
    timer = setTimeout(load, SETTLE_MS);
  });
  context.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    stop();
  });
  load();
}

function showDevelopment(
  container: HTMLElement,
  context: PageContext,
  development: DevelopmentWithHistory,
): void {
  setTitle(development.title);
  // Keep focus where it was when the page is drawn again after a change.
  const hadFocus = container.contains(document.activeElement);
  container.replaceChildren(
    html(
      'section',
      { class: 'development-page', 'data-development-id': development.developmentId },
      developmentArticle(development, 'h1', context.desk.developmentActions(development)),
      html('h2', { id: 'history-heading' }, 'History'),
      html(
        'ol',
        { class: 'history', 'data-testid': 'history', 'aria-labelledby': 'history-heading' },
        ...development.history.map((event) =>
          html(
            'li',
            { 'data-testid': 'history-entry', 'data-type': event.type },
            html('strong', {}, eventName(event.type)),
            ' ',
            html(
              'span',
              { class: 'recorded-by', 'data-testid': 'recorded-by', dir: 'auto' },
              recordedByText(event.recordedBy),
            ),
            ', ',
            html('time', { datetime: event.recordedAt }, formatMoment(event.recordedAt)),
            html('span', { class: 'history-sequence' }, ` · log sequence ${event.sequence}`),
          ),
        ),
      ),
    ),
  );
  if (hadFocus) container.focus();
}
