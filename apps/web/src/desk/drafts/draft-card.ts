import type { DevelopmentInput, SuggestedStatement } from '@app/client';
import { formatDayRange } from '../../shared/dates';
import { uniqueId } from '../../shared/dialog';
import { html, userText } from '../../shared/dom';
import type { Child } from '../../shared/dom';
import { stanceBadge } from '../../shared/ui';
import { confidenceText, isNewActor, isRecorded, isSuggestionAdded } from './draft-work';
import type { DraftItem } from './draft-work';

export interface DraftCardActions {
  select(): void;
  edit(): void;
  addSuggestion(suggestion: SuggestedStatement): void;
  confirm(confirmed: boolean): void;
}

/** The name of an actor of the development, by id or name; else what the statement says. */
function actorName(development: DevelopmentInput, actor: string): string {
  const listed = (development.actors ?? []).find(
    (candidate) => candidate.id === actor || candidate.name === actor,
  );
  return listed?.name ?? actor;
}

function tagRow(label: string, children: Node[]): HTMLElement | null {
  if (children.length === 0) return null;
  return html(
    'div',
    { class: 'tags' },
    html('span', { class: 'tags-label' }, label),
    html('ul', { class: 'draft-tags' }, ...children.map((child) => html('li', {}, child))),
  );
}

function actorsRow(item: DraftItem): HTMLElement | null {
  return tagRow(
    'Actors',
    (item.development.actors ?? []).map((actor) => {
      const isNew = isNewActor(item, actor.id);
      return html(
        'span',
        { class: 'draft-actor', 'data-testid': 'draft-actor', 'data-new': isNew ? 'true' : null },
        userText('span', actor.name),
        isNew &&
          html(
            'span',
            { class: 'new-badge', title: 'Not known yet: posting adds this actor.' },
            ' new',
          ),
      );
    }),
  );
}

function statementLine(development: DevelopmentInput, statement: SuggestedStatement): Child[] {
  return [
    userText('strong', actorName(development, statement.actor)),
    ' on ',
    html('span', { class: 'topic-name' }, statement.topic),
    statement.quote && html('q', { class: 'quote', dir: 'auto' }, statement.quote),
    statement.summary && userText('span', statement.summary, { class: 'summary' }),
  ];
}

function statementsRow(development: DevelopmentInput): HTMLElement | null {
  const statements = development.statements ?? [];
  if (statements.length === 0) return null;
  return html(
    'ul',
    { class: 'statements', 'aria-label': 'Statements' },
    ...statements.map((statement) =>
      html(
        'li',
        { class: 'statement', 'data-testid': 'draft-statement' },
        stanceBadge(statement.stance),
        ' ',
        ...statementLine(development, statement),
      ),
    ),
  );
}

function suggestionsSection(item: DraftItem, actions: DraftCardActions): HTMLElement | null {
  const suggestions = item.proposed.suggestedStatements;
  if (suggestions.length === 0) return null;
  const headingId = uniqueId('suggested');
  const locked = isRecorded(item);
  return html(
    'section',
    { class: 'draft-suggestions', 'aria-labelledby': headingId },
    html('h5', { id: headingId }, 'Suggested statements'),
    html(
      'ul',
      {},
      ...suggestions.map((suggestion, index) => {
        const added = isSuggestionAdded(item.development, suggestion);
        const who = actorName(item.development, suggestion.actor);
        let control: Node | null = null;
        if (added) {
          control = html(
            'span',
            { class: 'added-mark', 'data-testid': 'suggestion-added' },
            'Added',
          );
        } else if (!locked) {
          const add = html(
            'button',
            {
              type: 'button',
              class: 'secondary add-suggestion',
              'data-testid': 'add-suggestion',
              'data-suggestion': index,
            },
            'Add',
            html('span', { class: 'visually-hidden' }, ` the statement of ${who}`),
          );
          add.addEventListener('click', () => actions.addSuggestion(suggestion));
          control = add;
        }
        return html(
          'li',
          { class: 'statement suggestion', 'data-testid': 'suggested-statement' },
          suggestion.stance
            ? html(
                'span',
                { class: 'suggestion-stance' },
                html('span', { class: 'field-hint' }, 'suggested: '),
                stanceBadge(suggestion.stance),
              )
            : html('span', { class: 'suggestion-stance field-hint' }, 'no stance: you choose one'),
          ' ',
          ...statementLine(item.development, suggestion),
          control,
        );
      }),
    ),
  );
}

function resultLine(item: DraftItem): HTMLElement {
  const line = html('p', { class: 'draft-result', 'data-testid': 'draft-result' });
  if (item.posting) {
    line.textContent = 'Posting…';
  } else if (item.result) {
    line.textContent = item.result.message;
    line.dataset.result = item.result.kind;
    line.classList.add(isRecorded(item) ? 'ok' : 'refused');
  }
  return line;
}

/**
 * One draft: its date, title, actors (those not known yet marked new), topics, statements,
 * confidence, the suggested statements each one click from the development, "Edit" and
 * "Confirm". Once it is recorded, it can no longer be changed here (the timeline's Edit
 * corrects it).
 */
export function draftCard(
  item: DraftItem,
  index: number,
  selected: boolean,
  actions: DraftCardActions,
): HTMLElement {
  const development = item.development;
  const titleId = uniqueId('draft-title');
  const locked = isRecorded(item);
  const confirm = html('input', { type: 'checkbox', 'data-testid': 'confirm-draft' });
  confirm.checked = item.confirmed;
  confirm.addEventListener('change', () => actions.confirm(confirm.checked));
  const edit = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'edit-draft' },
    'Edit',
    html('span', { class: 'visually-hidden' }, ` draft ${index + 1}`),
  );
  edit.addEventListener('click', () => actions.edit());
  const card = html(
    'article',
    {
      class: [
        'draft-card',
        selected && 'selected',
        item.confirmed && 'confirmed',
        locked && 'recorded',
      ]
        .filter(Boolean)
        .join(' '),
      'aria-labelledby': titleId,
      'aria-current': selected ? 'true' : null,
      'data-testid': 'draft',
      'data-draft': index,
    },
    html(
      'p',
      { class: 'draft-meta' },
      html('span', { class: 'draft-number' }, `Draft ${index + 1}`),
      html(
        'time',
        { datetime: development.occurredOn, 'data-testid': 'draft-date' },
        formatDayRange(development.occurredOn, development.occurredUntil),
      ),
      html(
        'span',
        { class: 'draft-confidence', 'data-testid': 'draft-confidence' },
        `confidence ${confidenceText(item.proposed.confidence)}`,
      ),
    ),
    userText('h4', development.title, {
      id: titleId,
      class: 'draft-title',
      'data-testid': 'draft-title',
    }),
    actorsRow(item),
    tagRow(
      'Topics',
      (development.topics ?? []).map((topic) => html('span', { class: 'topic-name' }, topic)),
    ),
    statementsRow(development),
    suggestionsSection(item, actions),
    html(
      'div',
      { class: 'draft-actions' },
      !locked && edit,
      html(
        'label',
        { class: 'confirm-choice' },
        confirm,
        ' Confirm',
        html('span', { class: 'visually-hidden' }, ` draft ${index + 1}`),
      ),
    ),
    resultLine(item),
  );
  card.addEventListener('focusin', () => actions.select());
  card.addEventListener('click', () => actions.select());
  return card;
}
