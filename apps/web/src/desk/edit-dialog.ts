import type { Development, DevelopmentWithHistory } from '@app/client';
import { projectorData } from '../api/api-client';
import { describeError } from '../api/api-error';
import { openDialog } from '../shared/dialog';
import { html, userText } from '../shared/dom';
import { describeField, FIELD_LABELS } from './describe-field';
import type { DeskContext } from './desk-context';
import { createDevelopmentForm } from './development-form';
import type { DevelopmentForm } from './development-form';
import { correctionOf, differingFields, rebaseEdit } from './form-diff';
import { valuesOfDevelopment } from './form-values';
import type { DevelopmentField, DevelopmentFormValues } from './form-values';
import { newIdempotencyKey } from './idempotency-key';
import { sendForm } from './send-form';

/** The revision an edit is made on, and the form as it was opened on it. */
interface EditBase {
  values: DevelopmentFormValues;
  revision: number;
}

/**
 * "Edit": the form filled with the development. Saving sends only the fields that changed,
 * with If-Match: <revision>; when the development moved on meanwhile (412), a dialog shows
 * what changed and offers to apply the edit to the new revision.
 */
export function openEditDialog(context: DeskContext, development: Development): void {
  let base: EditBase = {
    values: valuesOfDevelopment(development),
    revision: development.revision,
  };
  let idempotencyKey = newIdempotencyKey();
  const open = openDialog({
    title: ['Edit ', userText('span', `“${development.title}”`)],
    testId: 'development-dialog',
    wide: true,
  });
  const save = () => {
    const { changes, rows } = correctionOf(base.values, form.values());
    if (Object.keys(changes).length === 0) {
      form.setStatus('Nothing has changed yet.');
      return;
    }
    void sendForm(
      context,
      form,
      'correct',
      rows,
      () =>
        context.ingest.correct(development.developmentId, changes, base.revision, idempotencyKey),
      (outcome) => {
        if (outcome.kind === 'stale') {
          openConflictDialog(context, development.developmentId, form, base, (next, send) => {
            base = next;
            // A new edit, on another revision: it gets a key of its own.
            idempotencyKey = newIdempotencyKey();
            if (send) save();
          }).catch((error: unknown) => form.setStatus(describeError(error), 'refused'));
          return;
        }
        open.close();
        const revision = outcome.revision ? ` (revision ${outcome.revision})` : '';
        context.announce(outcome.message.replace('Corrected', `Corrected${revision}`));
      },
    );
  };
  const form = createDevelopmentForm({
    values: base.values,
    suggestions: context.suggestions,
    submitLabel: 'Save correction',
    onCancel: () => open.close(),
    onSubmit: save,
  });
  open.body.append(
    html(
      'p',
      { class: 'page-meta' },
      `Revision ${development.revision}. Only the fields you change are sent.`,
    ),
    form.element,
  );
  form.focusFirst();
}

/**
 * What changed on the development since the edit's revision, field by field, beside the
 * edit. "Reapply" carries the edit over to the current revision and sends it; "Review" does
 * the same without sending; "Discard" closes the form.
 */
async function openConflictDialog(
  context: DeskContext,
  developmentId: string,
  form: DevelopmentForm,
  base: EditBase,
  rebase: (next: EditBase, send: boolean) => void,
): Promise<void> {
  const current = await projectorData(
    context.api.GET('/v1/developments/{developmentId}', { params: { path: { developmentId } } }),
  );
  const mine = form.values();
  const theirs = valuesOfDevelopment(current);
  const changedMeanwhile = differingFields(base.values, theirs);
  const editedByMe = new Set(differingFields(base.values, mine));
  const open = openDialog({ title: 'Changed meanwhile', testId: 'conflict-dialog', wide: true });
  const carryOver = (send: boolean) => {
    const next = { values: theirs, revision: current.revision };
    form.setValues(rebaseEdit(mine, base.values, theirs));
    open.close();
    rebase(next, send);
    if (!send) {
      form.setStatus(
        `Your edit is now on revision ${current.revision}: review it, then save.`,
        'ok',
      );
      form.focusFirst();
    }
  };
  if (current.retracted) {
    open.body.append(
      html('p', {}, 'The development was retracted meanwhile: it can no longer be corrected.'),
    );
    const close = html('button', { type: 'button' }, 'Close');
    close.addEventListener('click', () => open.close());
    open.body.append(html('div', { class: 'form-actions' }, close));
    close.focus();
    return;
  }
  const reapply = html(
    'button',
    { type: 'button', 'data-testid': 'reapply-edit' },
    `Reapply my edit on revision ${current.revision}`,
  );
  const review = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'review-edit' },
    'Review it in the form',
  );
  const discard = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'discard-edit' },
    'Discard my edit',
  );
  reapply.addEventListener('click', () => carryOver(true));
  review.addEventListener('click', () => carryOver(false));
  discard.addEventListener('click', () => {
    open.close();
    closeFormDialog(form);
  });
  open.body.append(
    html(
      'p',
      {},
      `While you were editing revision ${base.revision}, the development was changed`,
      changer(current),
      `; it is now at revision ${current.revision}. What changed:`,
    ),
    changesTable(changedMeanwhile, base.values, theirs, mine, editedByMe),
    html('h3', { class: 'conflict-heading' }, 'Your edit'),
    html(
      'ul',
      { class: 'conflict-edit', 'data-testid': 'conflict-mine' },
      ...[...editedByMe].map((field) =>
        html(
          'li',
          { 'data-field': field },
          html('strong', {}, `${FIELD_LABELS[field]}: `),
          userText('span', describeField(mine, field)),
        ),
      ),
    ),
    html(
      'p',
      { class: 'page-meta' },
      'Reapplying keeps the other changes and puts yours over them; where both changed a field, yours wins.',
    ),
    html('div', { class: 'form-actions' }, reapply, review, discard),
  );
  reapply.focus();
}

/** " by alice" for the latest event's principal, when it names one. */
function changer(current: DevelopmentWithHistory): string {
  const latest = current.history[current.history.length - 1];
  return latest?.recordedBy ? ` by ${latest.recordedBy}` : '';
}

function changesTable(
  fields: DevelopmentField[],
  before: DevelopmentFormValues,
  now: DevelopmentFormValues,
  mine: DevelopmentFormValues,
  editedByMe: ReadonlySet<DevelopmentField>,
): HTMLElement {
  if (fields.length === 0) {
    return html('p', {}, 'No field differs (the development was saved again unchanged).');
  }
  const cell = (text: string) => userText('td', text);
  return html(
    'div',
    { class: 'table-scroll' },
    html(
      'table',
      { class: 'data-table conflict-table', 'data-testid': 'conflict-changes' },
      html(
        'thead',
        {},
        html(
          'tr',
          {},
          html('th', { scope: 'col' }, 'Field'),
          html('th', { scope: 'col' }, 'When you opened it'),
          html('th', { scope: 'col' }, 'Now'),
          html('th', { scope: 'col' }, 'Your edit'),
        ),
      ),
      html(
        'tbody',
        {},
        ...fields.map((field) =>
          html(
            'tr',
            { 'data-field': field },
            html('th', { scope: 'row' }, FIELD_LABELS[field]),
            cell(describeField(before, field)),
            cell(describeField(now, field)),
            editedByMe.has(field)
              ? html(
                  'td',
                  { class: 'conflict-mine', dir: 'auto' },
                  html('strong', {}, 'You changed it too: '),
                  describeField(mine, field),
                )
              : html('td', { class: 'conflict-unchanged' }, 'unchanged'),
          ),
        ),
      ),
    ),
  );
}

function closeFormDialog(form: DevelopmentForm): void {
  form.element.closest('dialog')?.close();
}
