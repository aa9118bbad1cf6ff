import type { SuggestedStatement } from '@app/client';
import type { FieldError } from '../field-errors';
export { valuesOfInput } from '../form-values';
import type { DevelopmentFormValues, StatementRow } from '../form-values';

/** A statement row of the form for a suggested statement; its stance as suggested, if any. */
export function statementRowOf(suggestion: SuggestedStatement): StatementRow {
  return {
    actor: suggestion.actor,
    topic: suggestion.topic,
    stance: suggestion.stance ?? '',
    quote: suggestion.quote ?? '',
    summary: suggestion.summary ?? '',
  };
}

/** The statements of the form that still need a stance, as errors beside their pickers. */
export function missingStances(values: DevelopmentFormValues): FieldError[] {
  return values.statements.flatMap((statement, index) =>
    statement.stance === '' &&
    [statement.actor, statement.topic, statement.quote, statement.summary].some(
      (text) => text.trim() !== '',
    )
      ? [{ field: `statements[${index}].stance`, message: 'Choose a stance.' }]
      : [],
  );
}
