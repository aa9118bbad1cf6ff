import type { IngestClient } from '../api/ingest-client';
import type { ActorDetail, SimilarActors } from '@app/client';
import { html, userText } from '../shared/dom';
import { actorLink } from '../shared/ui';
import { mergeForm } from './merge-form';
import type { MergeFormOptions } from './merge-form';

export interface IdentityContext {
  ingest: IngestClient;
  /** Whether merge and undo controls are shown: the session may write. */
  mayWrite: boolean;
  /** A merge or unmerge is in the log: the page reloads once it is applied. */
  onRecorded: (sequence: number) => void;
  /** A change was refused for want of a sign-in. */
  onUnauthorized: (message: string) => void;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "X is merged into Y", when the page was opened with the id of an alias. */
export function mergedNotice(actor: ActorDetail): HTMLElement | null {
  if (!actor.mergedFrom) return null;
  const alias = actor.aliases.find(({ id }) => id === actor.mergedFrom);
  return html(
    'p',
    { class: 'merged-notice', 'data-testid': 'merged-notice', role: 'note' },
    userText('strong', alias?.name ?? actor.mergedFrom),
    ' is merged into ',
    userText('strong', actor.name),
    '; this is that actor’s page.',
  );
}

/** The actor's other names, with undo, and actors that may be the same, with merge. */
export function identitySection(
  actor: ActorDetail,
  similar: SimilarActors | null,
  context: IdentityContext,
): HTMLElement {
  let closeOpenForm = () => {};
  /** Opens the form in `slot`, closing any other; the button gets focus back on cancel. */
  const openForm = (slot: HTMLElement, button: HTMLButtonElement, options: FormOptions) => {
    closeOpenForm();
    const close = () => {
      slot.replaceChildren();
      button.setAttribute('aria-expanded', 'false');
    };
    closeOpenForm = close;
    button.setAttribute('aria-expanded', 'true');
    slot.replaceChildren(
      mergeForm({
        ...options,
        onRecorded: context.onRecorded,
        onUnauthorized: context.onUnauthorized,
        onCancel: () => {
          close();
          button.focus();
        },
      }),
    );
  };

  return html(
    'section',
    { class: 'identity', 'data-testid': 'actor-identity' },
    html(
      'div',
      { class: 'identity-column' },
      html('h2', {}, 'Also known as'),
      actor.aliases.length === 0
        ? html('p', { class: 'notice' }, 'No other actor is merged into this one.')
        : html(
            'ul',
            { class: 'identity-list', 'data-testid': 'aliases' },
            ...actor.aliases.map((alias) => aliasItem(actor, alias, context, openForm)),
          ),
    ),
    html(
      'div',
      { class: 'identity-column' },
      html('h2', {}, 'Possible duplicates'),
      similar === null
        ? html('p', { class: 'notice' }, 'Similar actors could not be loaded.')
        : similar.candidates.length === 0
          ? html('p', { class: 'notice' }, 'No similar actors.')
          : html(
              'ul',
              { class: 'identity-list', 'data-testid': 'duplicates' },
              ...similar.candidates.map((candidate) =>
                candidateItem(actor, candidate, context, openForm),
              ),
            ),
    ),
  );
}

type FormOptions = Pick<MergeFormOptions, 'change' | 'question' | 'submitLabel' | 'send'>;
type OpenForm = (slot: HTMLElement, button: HTMLButtonElement, options: FormOptions) => void;

function aliasItem(
  actor: ActorDetail,
  alias: ActorDetail['aliases'][number],
  context: IdentityContext,
  openForm: OpenForm,
): HTMLLIElement {
  const slot = html('div', { class: 'identity-form-slot' });
  const button = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'unmerge-button' },
    'Undo merge',
    html('span', { class: 'visually-hidden' }, ` (${alias.name})`),
  );
  button.addEventListener('click', () =>
    openForm(slot, button, {
      change: 'unmerge',
      question: [
        'Undo the merge of ',
        userText('strong', alias.name),
        ' into ',
        userText('strong', actor.name),
        '? It becomes an actor of its own again.',
      ],
      submitLabel: 'Undo merge',
      send: () => context.ingest.unmerge(alias.id),
    }),
  );
  return html(
    'li',
    { class: 'identity-item', 'data-testid': 'alias', 'data-actor': alias.id },
    html(
      'div',
      { class: 'identity-row' },
      html(
        'div',
        { class: 'identity-who' },
        userText('span', alias.name, { class: 'identity-name' }),
        userText('code', alias.id, { class: 'identity-id' }),
      ),
      context.mayWrite && button,
    ),
    slot,
  );
}

function candidateItem(
  actor: ActorDetail,
  { actor: candidate, score, likely, reasons }: SimilarActors['candidates'][number],
  context: IdentityContext,
  openForm: OpenForm,
): HTMLLIElement {
  const slot = html('div', { class: 'identity-form-slot' });
  const button = html(
    'button',
    { type: 'button', class: likely ? undefined : 'secondary', 'data-testid': 'merge-button' },
    'Merge into this actor',
    html('span', { class: 'visually-hidden' }, ` (${candidate.name})`),
  );
  button.addEventListener('click', () =>
    openForm(slot, button, {
      change: 'merge',
      question: [
        'Merge ',
        userText('strong', candidate.name),
        ' into ',
        userText('strong', actor.name),
        '? Everything recorded about it then counts for ',
        userText('span', actor.name),
        '; the merge can be undone.',
      ],
      submitLabel: 'Merge',
      send: () => context.ingest.merge(candidate.id, actor.id),
    }),
  );
  return html(
    'li',
    {
      class: likely ? 'identity-item likely' : 'identity-item',
      'data-testid': 'duplicate',
      'data-actor': candidate.id,
      'data-likely': String(likely),
    },
    html(
      'div',
      { class: 'identity-row' },
      html(
        'div',
        { class: 'identity-who' },
        actorLink(candidate.id, candidate.name),
        likely && html('span', { class: 'likely-badge' }, 'likely the same'),
        html(
          'span',
          { class: 'identity-meta' },
          html('span', { 'data-testid': 'duplicate-score' }, `score ${percent(score)}`),
          html('span', {}, plural(candidate.developments, 'development')),
          candidate.affiliation && html('span', {}, candidate.affiliation),
        ),
        reasons.length > 0 &&
          html(
            'ul',
            { class: 'reasons', 'aria-label': 'Why' },
            ...reasons.map((reason) => html('li', {}, reason)),
          ),
      ),
      context.mayWrite && button,
    ),
    slot,
  );
}
