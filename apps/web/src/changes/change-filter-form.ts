import type { Actor, Topic } from '@app/client';
import { html } from '../shared/dom';
import type { ChangeFilters } from './change-filters';

export interface ChangeFilterForm {
  element: HTMLFormElement;
  setActors(actors: Actor[]): void;
  setTopics(topics: Topic[]): void;
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return html('label', { class: 'field' }, html('span', { class: 'field-label' }, label), control);
}

/** The What changed page's filters; `onChange` gets them as the reader changes them. */
export function changeFilterForm(
  initial: ChangeFilters,
  onChange: (filters: ChangeFilters) => void,
): ChangeFilterForm {
  const actorOptions = html('datalist', { id: 'change-actor-options' });
  const topicOptions = html('datalist', { id: 'change-topic-options' });
  const actor = html('input', {
    type: 'text',
    name: 'actor',
    list: 'change-actor-options',
    placeholder: 'any actor',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'changes-filter-actor',
  });
  const topic = html('input', {
    type: 'text',
    name: 'topic',
    list: 'change-topic-options',
    placeholder: 'any topic',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'changes-filter-topic',
  });
  actor.value = initial.actor ?? '';
  topic.value = initial.topic ?? '';

  const read = (): ChangeFilters => ({
    ...(actor.value.trim() && { actor: actor.value.trim() }),
    ...(topic.value.trim() && { topic: topic.value.trim() }),
  });
  const changed = () => onChange(read());
  for (const control of [actor, topic]) control.addEventListener('change', changed);
  // A choice from the list (or clearing the box) applies at once; typing waits for 'change'.
  const applyWhenComplete = (input: HTMLInputElement, options: HTMLDataListElement) => () => {
    const value = input.value.trim();
    if (value === '' || [...options.options].some((option) => option.value === value)) changed();
  };
  actor.addEventListener('input', applyWhenComplete(actor, actorOptions));
  topic.addEventListener('input', applyWhenComplete(topic, topicOptions));

  const element = html(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the changes' },
    field('Actor', actor),
    field('Topic', topic),
    html('button', { type: 'reset', class: 'secondary' }, 'Clear'),
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
