import { html } from '../shared/dom';
import { tokenField } from './token-field';
import { readToken } from './tokens';

/** Asks for the read token (the projector has READ_TOKEN set); `onToken` runs once one is given. */
export function readTokenForm(onToken: () => void): HTMLElement {
  const hadToken = Boolean(readToken.get());
  const { input, field } = tokenField({
    name: 'read-token',
    label: 'Read token',
    testId: 'read-token',
    required: true,
  });
  const form = html(
    'form',
    { class: 'token-form', 'data-testid': 'read-token-form' },
    html('h1', {}, 'A read token is needed'),
    html(
      'p',
      {},
      hadToken
        ? 'The projector refused the token given earlier. Enter the right one:'
        : 'This projector only answers readers with its read token. Enter it to continue; it is kept for this tab only.',
    ),
    html(
      'div',
      { class: 'rebuild-controls' },
      field,
      html('button', { type: 'submit', 'data-testid': 'read-token-submit' }, 'Continue'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    readToken.set(token);
    onToken();
  });
  queueMicrotask(() => input.focus());
  return form;
}
