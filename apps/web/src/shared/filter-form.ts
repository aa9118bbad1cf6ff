import type { Actor, Topic } from '@app/client';
import { html } from './dom';
import type { Child } from './dom';

/** A page's filter form, whose actor and topic boxes suggest what the read model knows. */
export interface FilterForm {
  element: HTMLFormElement;
  setActors(actors: Actor[]): void;
  setTopics(topics: Topic[]): void;
}

/** A labelled control of a filter form. */
export function filterField(
  label: string,
  control: HTMLElement,
  className = 'field',
): HTMLLabelElement {
  return html(
    'label',
    { class: className },
    html('span', { class: 'field-label' }, label),
    control,
  );
}

export interface Suggestion {
  value: string;
  label?: string;
}

/** A text box of a filter form that suggests values from a list. */
export interface SuggestingInput {
  input: HTMLInputElement;
  /** The list of suggestions: it goes into the form along with the input. */
  suggestions: HTMLDataListElement;
  setSuggestions(suggestions: readonly Suggestion[]): void;
  /** The value filtered on, trimmed; empty for none. */
  filterValue(): string;
  /**
   * Runs `apply` at once when a suggestion is picked or the box is cleared; typing waits for
   * 'change'.
   */
  applyWhenComplete(apply: () => void): void;
}

export function suggestingInput(options: {
  name: string;
  listId: string;
  placeholder: string;
  testId: string;
  value: string | undefined;
}): SuggestingInput {
  const suggestions = html('datalist', { id: options.listId });
  const input = html('input', {
    type: 'text',
    name: options.name,
    list: options.listId,
    placeholder: options.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': options.testId,
  });
  input.value = options.value ?? '';
  const filterValue = () => input.value.trim();
  return {
    input,
    suggestions,
    filterValue,
    setSuggestions(list) {
      suggestions.replaceChildren(
        ...list.map(({ value, label }) => html('option', { value, label })),
      );
    },
    applyWhenComplete(apply) {
      input.addEventListener('input', () => {
        const value = filterValue();
        if (value === '' || [...suggestions.options].some((option) => option.value === value)) {
          apply();
        }
      });
    },
  };
}

/** The actor and topic boxes of a filter form. */
export interface ActorAndTopicInputs {
  actor: SuggestingInput;
  topic: SuggestingInput;
  /** The actor and topic filtered on, those that are given. */
  values(): { actor?: string; topic?: string };
  setActors: (actors: readonly Actor[]) => void;
  setTopics: (topics: readonly Topic[]) => void;
}

/**
 * Boxes for an actor and a topic, holding `initial` at first; their lists' ids start with
 * `listIdPrefix`, their test ids with `testIdPrefix`.
 */
export function actorAndTopicInputs(
  initial: { actor?: string; topic?: string },
  { listIdPrefix, testIdPrefix }: { listIdPrefix: string; testIdPrefix: string },
): ActorAndTopicInputs {
  const box = (name: 'actor' | 'topic') =>
    suggestingInput({
      name,
      listId: `${listIdPrefix}${name}-options`,
      placeholder: `any ${name}`,
      testId: `${testIdPrefix}${name}`,
      value: initial[name],
    });
  const actor = box('actor');
  const topic = box('topic');
  return {
    actor,
    topic,
    values: () => ({
      ...(actor.filterValue() && { actor: actor.filterValue() }),
      ...(topic.filterValue() && { topic: topic.filterValue() }),
    }),
    setActors: (actors) =>
      actor.setSuggestions(actors.map((entry) => ({ value: entry.id, label: entry.name }))),
    setTopics: (topics) => topic.setSuggestions(topics.map((entry) => ({ value: entry.topic }))),
  };
}

/**
 * The form around a page's filters, with a Clear button: `apply` runs when it is submitted
 * and when it is cleared.
 */
export function filterFormElement(options: {
  label: string;
  fields: Child[];
  suggesting: readonly SuggestingInput[];
  apply: () => void;
}): HTMLFormElement {
  const element = html(
    'form',
    { class: 'filters', role: 'search', 'aria-label': options.label },
    ...options.fields,
    html('button', { type: 'reset', class: 'secondary' }, 'Clear'),
    ...options.suggesting.map((entry) => entry.suggestions),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    options.apply();
  });
  element.addEventListener('reset', () => {
    // The form resets its controls after this event: read them once it has.
    setTimeout(options.apply, 0);
  });
  return element;
}
