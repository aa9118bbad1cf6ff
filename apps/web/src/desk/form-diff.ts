import type { DevelopmentChanges, DevelopmentInput } from '@app/client';
import { buildInput, DEVELOPMENT_FIELDS } from './form-values';
import type { DevelopmentField, DevelopmentFormValues, RowMap } from './form-values';

/** What a correction sends to clear a field that the input leaves out when it is empty. */
const CLEARED = {
  body: '',
  location: '',
  topics: [],
  actors: [],
  statements: [],
  source: {},
} satisfies Partial<Record<DevelopmentField, unknown>>;

type ClearableField = keyof typeof CLEARED;

const isClearable = (field: DevelopmentField): field is ClearableField =>
  Object.hasOwn(CLEARED, field);

/** A field of a built input as a correction would send it: empty rather than missing. */
function sentValue(input: DevelopmentInput, field: DevelopmentField): unknown {
  if (field === 'occurredUntil') return input.occurredUntil ?? input.occurredOn;
  const value = input[field];
  return value === undefined && isClearable(field) ? CLEARED[field] : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs between two forms, as the API would see them. */
export function differingFields(
  a: DevelopmentFormValues,
  b: DevelopmentFormValues,
): DevelopmentField[] {
  const first = buildInput(a).input;
  const second = buildInput(b).input;
  return DEVELOPMENT_FIELDS.filter(
    (field) => !same(sentValue(first, field), sentValue(second, field)),
  );
}

export interface Correction {
  /** Only the fields that changed; empty when nothing did. */
  changes: DevelopmentChanges;
  /** Which form row each topic, actor and statement sent came from. */
  rows: RowMap;
}

/**
 * The correction that turns the development the form was opened with (`base`) into what the
 * form holds now: only the fields that changed, whole (the API replaces a list or the source
 * as a whole), with cleared fields sent empty. A one-day development moved to another day
 * stays one day long without sending `occurredUntil`; ending a period sends the new last day.
 */
export function correctionOf(
  base: DevelopmentFormValues,
  values: DevelopmentFormValues,
): Correction {
  const before = buildInput(base).input;
  const { input: after, rows } = buildInput(values);
  const changes: Record<string, unknown> = {};
  for (const field of differingFields(base, values)) {
    if (field === 'occurredUntil') {
      const stillOneDay = before.occurredUntil === undefined && after.occurredUntil === undefined;
      if (!stillOneDay) changes.occurredUntil = after.occurredUntil ?? after.occurredOn;
      continue;
    }
    changes[field] = sentValue(after, field);
  }
  return { changes, rows };
}

/**
 * An edit made on one revision carried over to a newer one: the fields the edit changed
 * (from `base` to `mine`) keep the edit's values, every other field takes the newer
 * revision's (`theirs`).
 */
export function rebaseEdit(
  mine: DevelopmentFormValues,
  base: DevelopmentFormValues,
  theirs: DevelopmentFormValues,
): DevelopmentFormValues {
  const rebased = structuredClone(theirs);
  const keep = <Field extends DevelopmentField>(field: Field) => {
    rebased[field] = structuredClone(mine[field]);
  };
  differingFields(base, mine).forEach(keep);
  return rebased;
}
