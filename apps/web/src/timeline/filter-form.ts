import type { Actor, Topic } from '@app/client';
import { html } from '../shared/dom';
import type { TimelineFilters } from './timeline-filters';

const SEARCH_DEBOUNCE_MS = 300;

export interface FilterForm {
  element: HTMLFormElement;
  setActors(actors: Actor[]): void;
  setTopics(topics: Topic[]): void;
}

function field(label: string, control: HTMLElement, className = 'field'): HTMLLabelElement {
  return html(
    'label',
    { class: className },
    html('span', { class: 'field-label' }, label),
    control,
  );
}

/** The timeline's filters; `onChange` gets the new filters as the reader changes them. */
export function createFilterForm(
  initial: TimelineFilters,
  onChange: (filters: TimelineFilters) => void,
): FilterForm {
  const from = html('input', { type: 'date', name: 'from', 'data-testid': 'filter-from' });
  const to = html('input', { type: 'date', name: 'to', 'data-testid': 'filter-to' });
  const actorOptions = html('datalist', { id: 'actor-options' });
  const topicOptions = html('datalist', { id: 'topic-options' });
  const actor = html('input', {
    type: 'text',
    name: 'actor',
    list: 'actor-options',
    placeholder: 'any actor',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'filter-actor',
  });
  const topic = html('input', {
    type: 'text',
    name: 'topic',
    list: 'topic-options',
    placeholder: 'any topic',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'filter-topic',
  });
  const q = html('input', {
    type: 'search',
    name: 'q',
    placeholder: 'words, "a phrase", -not',
    maxlength: 500,
    'data-testid': 'filter-q',
  });
  const includeRetracted = html('input', {
    type: 'checkbox',
    name: 'includeRetracted',
    'data-testid': 'filter-include-retracted',
  });
  const order = html(
    'select',
    { name: 'order', 'data-testid': 'filter-order' },
    html('option', { value: 'asc' }, 'oldest first'),
    html('option', { value: 'desc' }, 'newest first'),
  );
  const reset = html('button', { type: 'reset', class: 'secondary' }, 'Clear');

  from.value = initial.from ?? '';
  to.value = initial.to ?? '';
  actor.value = initial.actor ?? '';
  topic.value = initial.topic ?? '';
  q.value = initial.q ?? '';
  includeRetracted.checked = initial.includeRetracted;
  order.value = initial.order;

  const read = (): TimelineFilters => ({
    ...(from.value && { from: from.value }),
    ...(to.value && { to: to.value }),
    ...(actor.value.trim() && { actor: actor.value.trim() }),
    ...(topic.value.trim() && { topic: topic.value.trim() }),
    ...(q.value.trim() && { q: q.value }),
    includeRetracted: includeRetracted.checked,
    order: order.value === 'desc' ? 'desc' : 'asc',
  });

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(searchTimer);
    onChange(read());
  };

  for (const control of [from, to, actor, topic, includeRetracted, order, q]) {
    control.addEventListener('change', changed);
  }
  q.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(changed, SEARCH_DEBOUNCE_MS);
  });
  // A choice from the list (or clearing the box) applies at once; typing waits for 'change'.
  const applyWhenComplete = (input: HTMLInputElement, options: HTMLDataListElement) => () => {
    const value = input.value.trim();
    if (value === '' || [...options.options].some((option) => option.value === value)) changed();
  };
  actor.addEventListener('input', applyWhenComplete(actor, actorOptions));
  topic.addEventListener('input', applyWhenComplete(topic, topicOptions));

  const element = html(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the timeline' },
    field('From', from),
    field('To', to),
    field('Actor', actor),
    field('Topic', topic),
    field('Search', q, 'field field-wide'),
    html(
      'label',
      { class: 'field field-check' },
      includeRetracted,
      html('span', {}, 'include retracted'),
    ),
    field('Order', order),
    reset,
    actorOptions,
    topicOptions,
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    changed();
  });
  element.addEventListener('reset', () => {
    // The form resets its controls after this event: read them once it has.
    setTimeout(changed, 0);
  });

  return {
    element,
    setActors(actors) {
      actorOptions.replaceChildren(
        ...actors.map((entry) => html('option', { value: entry.id, label: entry.name })),
      );
    },
    setTopics(topics) {
      topicOptions.replaceChildren(
        ...topics.map((entry) => html('option', { value: entry.topic })),
      );
    },
  };
}
