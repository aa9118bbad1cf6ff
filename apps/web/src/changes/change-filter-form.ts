import { actorAndTopicInputs, filterField, filterFormElement } from '../shared/filter-form';
import type { FilterForm } from '../shared/filter-form';
import type { ChangeFilters } from './change-filters';

/** The What changed page's filters; `onChange` gets them as the reader changes them. */
export function changeFilterForm(
  initial: ChangeFilters,
  onChange: (filters: ChangeFilters) => void,
): FilterForm {
  const inputs = actorAndTopicInputs(initial, {
    listIdPrefix: 'change-',
    testIdPrefix: 'changes-filter-',
  });
  const { actor, topic } = inputs;

  const changed = () => onChange(inputs.values());
  for (const control of [actor.input, topic.input]) control.addEventListener('change', changed);
  actor.applyWhenComplete(changed);
  topic.applyWhenComplete(changed);

  const element = filterFormElement({
    label: 'Filter the changes',
    fields: [filterField('Actor', actor.input), filterField('Topic', topic.input)],
    suggesting: [actor, topic],
    apply: changed,
  });
  return { element, setActors: inputs.setActors, setTopics: inputs.setTopics };
}
