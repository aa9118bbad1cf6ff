import type { ApiClient } from '../api/api-client';
import { html } from '../shared/dom';
import { uniqueId } from '../shared/dialog';
import type { Session } from './session';
import { signInHint } from './session-text';
import { tokenField } from './token-field';

export interface SignInForm {
  element: HTMLFormElement;
  focus(): void;
}

/**
 * Paste a token, checked with GET /v1/session before it is kept (for this tab only).
 * `onSignedIn` runs once the projector took it; a refusal shows beside the field.
 */
export function signInForm(options: {
  api: ApiClient;
  session: Session;
  /** Shown above the field, such as why signing in is needed. */
  intro?: string;
  onSignedIn: () => void;
  onCancel?: () => void;
}): SignInForm {
  const errorId = uniqueId('sign-in-error');
  const { input, field } = tokenField({
    name: 'token',
    label: 'Token',
    testId: 'sign-in-token',
    required: true,
  });
  input.setAttribute('aria-describedby', errorId);
  const error = html('p', {
    id: errorId,
    class: 'field-error',
    'data-testid': 'sign-in-error',
    role: 'alert',
  });
  const submit = html('button', { type: 'submit', 'data-testid': 'sign-in-submit' }, 'Sign in');
  const cancel =
    options.onCancel && html('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const element = html(
    'form',
    { class: 'sign-in-form', 'data-testid': 'sign-in-form', novalidate: true },
    options.intro && html('p', {}, options.intro),
    html('p', { class: 'page-meta' }, signInHint(options.session.current())),
    html('div', { class: 'rebuild-controls' }, field, submit, cancel),
    error,
    html(
      'p',
      { class: 'page-meta' },
      'The token is kept for this tab only, and never put in the address.',
    ),
  );
  if (cancel && options.onCancel) cancel.addEventListener('click', options.onCancel);
  const refuse = (message: string) => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return refuse('Paste a token first.');
    submit.disabled = true;
    error.textContent = '';
    options.session
      .signIn(options.api, token)
      .then((problem) => {
        if (problem === null) return options.onSignedIn();
        refuse(problem);
      })
      .catch(() => refuse('The server cannot be reached; is it running?'))
      .finally(() => (submit.disabled = false));
  });
  return { element, focus: () => input.focus() };
}
