import { openSignInDialog } from '../auth/account';
import type { WriteAnswer } from '../api/ingest-client';
import type { DeskContext } from './desk-context';
import type { DevelopmentForm } from './development-form';
import { fieldErrors } from './field-errors';
import type { RowMap } from './form-values';
import { describeWriteAnswer, UNREACHABLE_MESSAGE } from './write-answer';
import type { WriteKind, WriteOutcome } from './write-answer';

type Handled = Exclude<WriteOutcome['kind'], 'invalid' | 'unauthorized' | 'refused'>;

/**
 * Sends what a development form holds and shows the answer on it: problems beside their
 * fields, a refusal under the buttons (with the sign-in dialog when signing in would help).
 * `onOutcome` gets what the form cannot show itself: done, or stale (412).
 */
export async function sendForm(
  context: DeskContext,
  form: DevelopmentForm,
  kind: WriteKind,
  rows: RowMap,
  send: () => Promise<WriteAnswer>,
  onOutcome: (outcome: Extract<WriteOutcome, { kind: Handled }>) => void,
): Promise<void> {
  form.setBusy(true);
  form.clearErrors();
  form.setStatus('Sending…');
  let outcome: WriteOutcome;
  try {
    const answer = await send();
    outcome = describeWriteAnswer(kind, answer.status, answer.body);
  } catch {
    form.setStatus(UNREACHABLE_MESSAGE, 'refused');
    return;
  } finally {
    form.setBusy(false);
  }
  switch (outcome.kind) {
    case 'invalid':
      form.setStatus(outcome.message, 'refused');
      form.showErrors(fieldErrors(outcome.details, rows), 'Nothing was recorded. Fix these:');
      return;
    case 'unauthorized':
      form.setStatus(outcome.message, 'refused');
      openSignInDialog(context.api, context.session, outcome.message);
      return;
    case 'refused':
      form.setStatus(outcome.message, 'refused');
      return;
    default:
      form.setStatus('');
      onOutcome(outcome);
  }
}
