import type { Development } from '@app/client';
import { openSignInDialog } from '../auth/account';
import { openDialog } from '../shared/dialog';
import { html, userText } from '../shared/dom';
import type { DeskContext } from './desk-context';
import { FieldSlots } from './form-fields';
import { newIdempotencyKey } from './idempotency-key';
import { describeWriteAnswer, UNREACHABLE_MESSAGE } from './write-answer';

/**
 * "Retract": asks for the reason (required) and posts the retraction. The development then
 * leaves the timeline and no longer counts for positions; the log keeps it, with the reason.
 */
export function openRetractDialog(context: DeskContext, development: Development): void {
  const idempotencyKey = newIdempotencyKey();
  const open = openDialog({
    title: ['Retract ', userText('span', `“${development.title}”`)],
    testId: 'retract-dialog',
  });
  const slots = new FieldSlots('retract-errors');
  const reason = html('textarea', { rows: 3, 'data-testid': 'retract-reason' });
  const submit = html(
    'button',
    { type: 'submit', class: 'danger', 'data-testid': 'retract-submit' },
    'Retract',
  );
  const cancel = html('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const status = html('p', { class: 'rebuild-message', role: 'status' });
  const form = html(
    'form',
    { class: 'retract-form', novalidate: true },
    slots.summary,
    html(
      'p',
      {},
      'A retracted development leaves the timeline and no longer counts for positions. The log keeps it, with your reason.',
    ),
    slots.field('reason', 'Reason', reason, {
      required: true,
      className: 'field-full',
      hint: 'Such as: denied by the ministry the next day.',
    }),
    html('div', { class: 'form-actions' }, submit, cancel),
    status,
  );
  cancel.addEventListener('click', () => open.close());
  const refuse = (message: string) => {
    status.textContent = message;
    status.className = 'rebuild-message refused';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    if (reason.value.trim() === '') {
      slots.show(
        [{ field: 'reason', message: 'Give the reason for the retraction.' }],
        'Not sent:',
      );
      return;
    }
    slots.clear();
    submit.disabled = true;
    status.textContent = 'Sending…';
    status.className = 'rebuild-message';
    context.ingest
      .retract(development.developmentId, reason.value, idempotencyKey)
      .then(({ status: code, body }) => {
        const outcome = describeWriteAnswer('retract', code, body);
        switch (outcome.kind) {
          case 'done':
          case 'stale':
            open.close();
            context.announce(outcome.message);
            return;
          case 'invalid':
            refuse(outcome.message);
            slots.show(
              outcome.details.map((detail) => ({ field: detail.path, message: detail.message })),
              'Not retracted:',
            );
            return;
          case 'unauthorized':
            refuse(outcome.message);
            openSignInDialog(context.api, context.session, outcome.message);
            return;
          case 'refused':
            refuse(outcome.message);
        }
      })
      .catch(() => refuse(UNREACHABLE_MESSAGE))
      .finally(() => (submit.disabled = false));
  });
  open.body.append(form);
  reason.focus();
}
