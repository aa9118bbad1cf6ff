import { html } from '../shared/dom';
import type { StoredToken } from './tokens';

/**
 * A labelled password input for one of the tokens, filled with the one kept for this tab
 * (when `stored` is given): the same field wherever a token is asked for.
 */
export function tokenField(options: {
  name: string;
  label: string;
  testId: string;
  stored?: StoredToken;
  required?: boolean;
}): { input: HTMLInputElement; field: HTMLLabelElement } {
  const input = html('input', {
    type: 'password',
    name: options.name,
    autocomplete: 'current-password',
    'data-testid': options.testId,
    ...(options.required ? { required: true } : { placeholder: 'if one is set' }),
  });
  if (options.stored) input.value = options.stored.get() ?? '';
  const field = html(
    'label',
    { class: 'field' },
    html('span', { class: 'field-label' }, options.label),
    input,
  );
  return { input, field };
}
