import type { IngestAnswer } from '../api/ingest-client';
import { tokenField } from '../auth/token-field';
import { ingestToken } from '../auth/tokens';
import { html } from '../shared/dom';
import type { Child } from '../shared/dom';
import { describeMergeAnswer, ingestUnreachableMessage } from './merge-answer';
import type { IdentityChange } from './merge-answer';

export interface MergeFormOptions {
  change: IdentityChange;
  /** What will happen, in a sentence. */
  question: Child[];
  submitLabel: string;
  ingestUrl: string;
  send: (token: string | undefined) => Promise<IngestAnswer>;
  /** Runs with the log sequence of the change once ingest has recorded it. */
  onRecorded: (sequence: number) => void;
  onCancel: () => void;
}

/**
 * Confirms a merge or an unmerge and asks for the ingest token, kept for this tab like the
 * admin token (never in the address); shows ingest's answer.
 */
export function mergeForm(options: MergeFormOptions): HTMLFormElement {
  const { input: token, field } = tokenField({
    name: 'ingest-token',
    label: 'Ingest token',
    testId: 'ingest-token',
    stored: ingestToken,
  });
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
    html('div', { class: 'rebuild-controls' }, field, submit, cancel),
    message,
  );
  cancel.addEventListener('click', options.onCancel);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const given = token.value.trim() || undefined;
    ingestToken.set(given);
    submit.disabled = true;
    message.textContent = 'Asking ingest…';
    message.className = 'rebuild-message';
    options
      .send(given)
      .then(({ status, body }) => {
        const answer = describeMergeAnswer(options.change, status, body, Boolean(given));
        message.textContent = answer.message;
        message.classList.add(answer.ok ? 'ok' : 'refused');
        if (answer.sequence !== undefined) {
          cancel.disabled = true;
          options.onRecorded(answer.sequence);
          return;
        }
        submit.disabled = false;
        if (status === 401) token.focus();
      })
      .catch(() => {
        message.textContent = ingestUnreachableMessage(options.ingestUrl);
        message.classList.add('refused');
        submit.disabled = false;
      });
  });
  queueMicrotask(() => (token.value ? submit : token).focus());
  return form;
}
