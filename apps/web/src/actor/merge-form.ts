import type { WriteAnswer } from '../api/ingest-client';
import { html } from '../shared/dom';
import type { Child } from '../shared/dom';
import { describeMergeAnswer, MERGE_UNREACHABLE_MESSAGE } from './merge-answer';
import type { IdentityChange } from './merge-answer';

export interface MergeFormOptions {
  change: IdentityChange;
  /** What will happen, in a sentence. */
  question: Child[];
  submitLabel: string;
  send: () => Promise<WriteAnswer>;
  /** Runs with the log sequence of the change once ingest has recorded it. */
  onRecorded: (sequence: number) => void;
  /** The change was refused for want of a sign-in (or of a role that may write). */
  onUnauthorized: (message: string) => void;
  onCancel: () => void;
}

/**
 * Confirms a merge or an unmerge, sent with the signed-in token on this origin; shows the
 * answer.
 */
export function mergeForm(options: MergeFormOptions): HTMLFormElement {
  const submit = html(
    'button',
    { type: 'submit', 'data-testid': 'merge-confirm' },
    options.submitLabel,
  );
  const cancel = html('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const message = html('p', {
    class: 'rebuild-message',
    'data-testid': 'merge-message',
    role: 'status',
  });
  const form = html(
    'form',
    { class: 'merge-form', 'data-testid': 'merge-form' },
    html('p', { class: 'merge-question' }, ...options.question),
    html('div', { class: 'rebuild-controls' }, submit, cancel),
    message,
  );
  cancel.addEventListener('click', options.onCancel);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    message.textContent = 'Sending…';
    message.className = 'rebuild-message';
    options
      .send()
      .then(({ status, body }) => {
        const answer = describeMergeAnswer(options.change, status, body);
        message.textContent = answer.message;
        message.classList.add(answer.ok ? 'ok' : 'refused');
        if (answer.sequence !== undefined) {
          cancel.disabled = true;
          options.onRecorded(answer.sequence);
          return;
        }
        submit.disabled = false;
        if (answer.signIn) options.onUnauthorized(answer.message);
      })
      .catch(() => {
        message.textContent = MERGE_UNREACHABLE_MESSAGE;
        message.classList.add('refused');
        submit.disabled = false;
      });
  });
  queueMicrotask(() => submit.focus());
  return form;
}
