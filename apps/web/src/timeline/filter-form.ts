import { html } from '../shared/dom';
import { actorAndTopicInputs, filterField, filterFormElement } from '../shared/filter-form';
import type { FilterForm } from '../shared/filter-form';
import type { TimelineFilters } from './timeline-filters';

const SEARCH_DEBOUNCE_MS = 300;

/** The timeline's filters; `onChange` gets the new filters as the reader changes them. */
export function createFilterForm(
  initial: TimelineFilters,
  onChange: (filters: TimelineFilters) => void,
): FilterForm {
  const from = html('input', { type: 'date', name: 'from', 'data-testid': 'filter-from' });
  const to = html('input', { type: 'date', name: 'to', 'data-testid': 'filter-to' });
  const inputs = actorAndTopicInputs(initial, { listIdPrefix: '', testIdPrefix: 'filter-' });
  const { actor, topic } = inputs;
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

  from.value = initial.from ?? '';
  to.value = initial.to ?? '';
  q.value = initial.q ?? '';
  includeRetracted.checked = initial.includeRetracted;
  order.value = initial.order;

  const read = (): TimelineFilters => ({
    ...(from.value && { from: from.value }),
    ...(to.value && { to: to.value }),
    ...inputs.values(),
    ...(q.value.trim() && { q: q.value }),
    includeRetracted: includeRetracted.checked,
    order: order.value === 'desc' ? 'desc' : 'asc',
  });

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(searchTimer);
    onChange(read());
  };

  for (const control of [from, to, actor.input, topic.input, includeRetracted, order, q]) {
    control.addEventListener('change', changed);
  }
  q.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(changed, SEARCH_DEBOUNCE_MS);
  });
  actor.applyWhenComplete(changed);
  topic.applyWhenComplete(changed);

  const element = filterFormElement({
    label: 'Filter the timeline',
    fields: [
      filterField('From', from),
      filterField('To', to),
      filterField('Actor', actor.input),
      filterField('Topic', topic.input),
      filterField('Search', q, 'field field-wide'),
      html(
        'label',
        { class: 'field field-check' },
        includeRetracted,
        html('span', {}, 'include retracted'),
      ),
      filterField('Order', order),
    ],
    suggesting: [actor, topic],
    apply: changed,
  });

  return { element, setActors: inputs.setActors, setTopics: inputs.setTopics };
}
