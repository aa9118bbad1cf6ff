import { openDialog } from '../shared/dialog';
import type { DeskContext } from './desk-context';
import { createDevelopmentForm } from './development-form';
import { buildInput, emptyValues } from './form-values';
import { newIdempotencyKey } from './idempotency-key';
import { sendForm } from './send-form';

/**
 * "New development": the form in a dialog. Its one Idempotency-Key makes every sending of it
 * (a double click, a retry after a lost answer) record once. After a 202 the dialog closes;
 * the development shows on the timeline when the projector has applied it (GET /v1/stream).
 */
export function openRecordDialog(context: DeskContext): void {
  const idempotencyKey = newIdempotencyKey();
  const open = openDialog({ title: 'New development', testId: 'development-dialog', wide: true });
  const form = createDevelopmentForm({
    values: emptyValues(),
    suggestions: context.suggestions,
    submitLabel: 'Record development',
    onCancel: () => open.close(),
    onSubmit: () => {
      const { input, rows } = buildInput(form.values());
      void sendForm(
        context,
        form,
        'record',
        rows,
        () => context.ingest.record(input, idempotencyKey),
        (outcome) => {
          open.close();
          context.announce(outcome.message);
        },
      );
    },
  });
  open.body.append(form.element);
  form.focusFirst();
}
