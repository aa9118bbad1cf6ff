import { html } from '../shared/dom';

/** A labelled password input for a token, so that it is not shown on screen. */
export function tokenField(options: {
  name: string;
  label: string;
  testId: string;
  required?: boolean;
}): { input: HTMLInputElement; field: HTMLLabelElement } {
  const input = html('input', {
    type: 'password',
    name: options.name,
    autocomplete: 'current-password',
    spellcheck: 'false',
    'data-testid': options.testId,
    ...(options.required && { required: true }),
  });
  const field = html(
    'label',
    { class: 'field' },
    html('span', { class: 'field-label' }, options.label),
    input,
  );
  return { input, field };
}
