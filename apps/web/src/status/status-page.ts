import type { ProjectionStatus } from '@app/client';
import { projectorData } from '../api/api-client';
import type { PageContext } from '../pages/page';
import { html } from '../shared/dom';
import { errorNotice, setTitle } from '../shared/ui';
import { isAbort } from '../api/api-error';
import { describeRebuildAnswer, formatCount, rebuildProgressText } from './projection-status';

const REFRESH_MS = 1_000;

const COLUMNS: [label: string, className?: string][] = [
  ['Projection'],
  ['Status'],
  ['Position', 'number'],
  ['Head', 'number'],
  ['Lag', 'number'],
  ['Dead letters', 'number'],
  ['Rebuild'],
  ['Error'],
];

/** `#/status`: where each projection stands, refreshed every second; rebuild all of them. */
export function renderStatusPage(container: HTMLElement, context: PageContext): void {
  setTitle('Status');
  const { api, signal } = context;
  const rows = html('tbody', {});
  const failure = html('div', { class: 'list-failure' });
  const updated = html('p', { class: 'page-meta', role: 'status' }, 'Loading…');
  container.replaceChildren(
    html(
      'section',
      { class: 'status-page' },
      html('header', { class: 'page-header' }, html('h1', {}, 'Projections'), updated),
      failure,
      html(
        'div',
        { class: 'table-scroll' },
        html(
          'table',
          { class: 'data-table projections-table', 'data-testid': 'projections' },
          html(
            'thead',
            {},
            html(
              'tr',
              {},
              ...COLUMNS.map(([label, className]) =>
                html('th', { scope: 'col', class: className }, label),
              ),
            ),
          ),
          rows,
        ),
      ),
      context.session.mayAdmin()
        ? rebuildForm(api)
        : html(
            'p',
            { class: 'notice', 'data-testid': 'rebuild-needs-admin' },
            'Signed in as an admin, you could rebuild the read models here.',
          ),
    ),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    try {
      const projections = await projectorData(api.GET('/v1/projections', { signal }));
      rows.replaceChildren(...projections.map(projectionRow));
      failure.replaceChildren();
      updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}; refreshed every second.`;
    } catch (error) {
      if (isAbort(error)) return;
      failure.replaceChildren(errorNotice(error));
    }
    if (!signal.aborted) timer = setTimeout(() => void refresh(), REFRESH_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  void refresh();
}

function projectionRow(projection: ProjectionStatus): HTMLTableRowElement {
  return html(
    'tr',
    {
      'data-testid': 'projection-row',
      'data-name': projection.name,
      'data-status': projection.status,
    },
    html('th', { scope: 'row' }, projection.name),
    html(
      'td',
      {},
      html('span', { class: `status-badge status-${projection.status}` }, projection.status),
      projection.lease === 'waiting' && html('span', { class: 'lease' }, ' standby'),
    ),
    html('td', { class: 'number' }, formatCount(projection.position)),
    html('td', { class: 'number' }, formatCount(projection.head)),
    html('td', { class: 'number' }, formatCount(projection.lag)),
    html('td', { class: 'number' }, formatCount(projection.deadLetters)),
    html('td', {}, projection.rebuild ? rebuildProgress(projection.rebuild) : '—'),
    html('td', { class: 'error-text' }, projection.error ?? ''),
  );
}

function rebuildProgress(rebuild: NonNullable<ProjectionStatus['rebuild']>): HTMLElement {
  const text = rebuildProgressText(rebuild);
  return html(
    'div',
    { class: 'rebuild-progress', 'data-testid': 'rebuild-progress' },
    html('progress', { max: 1, value: text.fraction }),
    html('span', {}, `${text.done} · ${text.rate}`),
  );
}

/** Rebuild all projections, with the signed-in token (an admin's). */
function rebuildForm(api: PageContext['api']): HTMLElement {
  const button = html('button', { type: 'submit', 'data-testid': 'rebuild-button' }, 'Rebuild all');
  const message = html('p', {
    class: 'rebuild-message',
    'data-testid': 'rebuild-message',
    role: 'status',
  });
  const form = html(
    'form',
    { class: 'rebuild-form', 'aria-labelledby': 'rebuild-heading' },
    html('h2', { id: 'rebuild-heading' }, 'Rebuild the read models'),
    html(
      'p',
      { class: 'page-meta' },
      'Replays the whole log into fresh read models; queries keep answering from the current ones until the rebuild has caught up.',
    ),
    html('div', { class: 'rebuild-controls' }, button),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    message.textContent = 'Asking the projector…';
    message.className = 'rebuild-message';
    api
      .POST('/v1/projections/{name}/rebuild', { params: { path: { name: 'all' } } })
      .then(({ data, error, response: { status } }) => {
        const answer = describeRebuildAnswer(status, data ?? error);
        message.textContent = answer.message;
        message.classList.add(answer.ok ? 'ok' : 'refused');
      })
      .catch(() => {
        message.textContent = 'The projector cannot be reached; is it running?';
        message.classList.add('refused');
      })
      .finally(() => (button.disabled = false));
  });
  return form;
}
