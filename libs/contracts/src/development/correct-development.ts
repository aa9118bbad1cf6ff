import { ValidationDetail } from '../errors';
import { Development } from './development';
import { DevelopmentChanges, DevelopmentInput } from './development.schema';
import { normalizeDevelopment } from './normalize-development';

export type Corrected =
  { ok: true; development: Development } | { ok: false; details: ValidationDetail[] };

/**
 * The development with the given fields replaced, normalized like a new one. A one-day
 * development whose date is corrected stays one day long; a period whose start is moved past
 * its end is refused rather than guessed at.
 */
export function correctDevelopment(current: Development, changes: DevelopmentChanges): Corrected {
  const merged: DevelopmentInput = { ...current, ...changes };
  const movesOneDay =
    changes.occurredOn !== undefined &&
    changes.occurredUntil === undefined &&
    current.occurredUntil === current.occurredOn;
  if (movesOneDay) delete merged.occurredUntil;
  if (merged.occurredUntil !== undefined && merged.occurredUntil < merged.occurredOn) {
    const path = changes.occurredUntil !== undefined ? 'occurredUntil' : 'occurredOn';
    return {
      ok: false,
      details: [
        {
          path,
          message: `must leave occurredUntil (${merged.occurredUntil}) on or after occurredOn (${merged.occurredOn})`,
        },
      ],
    };
  }
  return { ok: true, development: normalizeDevelopment(merged) };
}
