import { ValidationDetail } from '../errors';
import { Development } from './development';
import {
  DevelopmentChanges,
  DevelopmentInput,
  MAX_RECORDED_ACTORS,
  MAX_RECORDED_TOPICS,
} from './development.schema';
import { actorIdOf, normalizeDevelopment } from './normalize-development';

export type Corrected =
  { ok: true; development: Development } | { ok: false; details: ValidationDetail[] };

/**
 * The development with the given fields replaced, normalized like a new one. Topics and
 * actors are replaced only when given (statements add theirs, as on recording); an actor a
 * statement still names keeps its name. A one-day development whose date is corrected stays
 * one day long; a period whose start is moved past its end is refused rather than guessed at.
 */
export function correctDevelopment(current: Development, changes: DevelopmentChanges): Corrected {
  const merged: DevelopmentInput = { ...current, ...changes };
  if (changes.actors) merged.actors = [...changes.actors, ...actorsStillNamed(current, merged)];
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
  const development = normalizeDevelopment(merged);
  const tooMany: ValidationDetail[] = [];
  if (development.topics.length > MAX_RECORDED_TOPICS) {
    tooMany.push({
      path: 'topics',
      message: `would hold ${development.topics.length} topics, more than ${MAX_RECORDED_TOPICS}; give topics to replace them`,
    });
  }
  if (development.actors.length > MAX_RECORDED_ACTORS) {
    tooMany.push({
      path: 'actors',
      message: `would hold ${development.actors.length} actors, more than ${MAX_RECORDED_ACTORS}; give actors to replace them`,
    });
  }
  if (tooMany.length > 0) return { ok: false, details: tooMany };
  return { ok: true, development };
}

/** Current actors that the corrected statements name but the corrected actors leave out. */
function actorsStillNamed(current: Development, merged: DevelopmentInput) {
  const given = new Set((merged.actors ?? []).map((actor) => actor.id ?? actorIdOf(actor.name)));
  const named = new Set((merged.statements ?? []).map((statement) => statement.actor));
  return current.actors.filter(
    (actor) => !given.has(actor.id) && (named.has(actor.id) || named.has(actor.name)),
  );
}
