import type { DevelopmentInput, SuggestedStatement, ValidationDetail } from '@app/client';
import { openDialog } from '../../shared/dialog';
import { html, userText } from '../../shared/dom';
import type { DeskContext } from '../desk-context';
import { createDevelopmentForm } from '../development-form';
import { fieldErrors } from '../field-errors';
import { buildInput } from '../form-values';
import { missingStances, statementRowOf, valuesOfInput } from './draft-form-values';

export interface DraftEditorOptions {
  development: DevelopmentInput;
  /** The draft's number, for the title. */
  number: number;
  /** A suggested statement to add, whose stance the person picks. */
  adding?: SuggestedStatement;
  /** The problems a post of the draft met (400), shown beside their fields. */
  problems?: readonly ValidationDetail[];
  onSave: (development: DevelopmentInput) => void;
}

/**
 * The desk's development form, filled with a draft. "Save draft" keeps the changes in the
 * draft; nothing is posted from here.
 */
export function openDraftEditor(context: DeskContext, options: DraftEditorOptions): void {
  const values = valuesOfInput(options.development);
  if (options.adding) values.statements.push(statementRowOf(options.adding));
  const open = openDialog({
    title: [`Draft ${options.number}: `, userText('span', `“${options.development.title}”`)],
    testId: 'development-dialog',
    wide: true,
  });
  const form = createDevelopmentForm({
    values,
    suggestions: context.suggestions,
    submitLabel: 'Save draft',
    onCancel: () => open.close(),
    onSubmit: () => {
      const current = form.values();
      const missing = missingStances(current);
      if (missing.length > 0) {
        form.showErrors(missing, 'Each statement needs a stance:');
        return;
      }
      options.onSave(buildInput(current).input);
      open.close();
    },
  });
  open.body.append(
    html(
      'p',
      { class: 'page-meta' },
      'Saving keeps your changes in the draft. Nothing is posted until you confirm it and post.',
    ),
    form.element,
  );
  if (options.problems && options.problems.length > 0) {
    form.showErrors(
      fieldErrors(options.problems, buildInput(values).rows),
      'It was not recorded. Fix these, save, then post again:',
    );
    return;
  }
  if (options.adding) {
    const number = values.statements.length;
    const picker = form.element.querySelector<HTMLInputElement>(
      `input[data-field="statements[${number - 1}].stance"]`,
    );
    form.setStatus(`Choose a stance for statement ${number}, then save the draft.`);
    (picker ?? form.element.querySelector<HTMLElement>('input'))?.focus();
    picker?.scrollIntoView({ block: 'center' });
    return;
  }
  form.focusFirst();
}
