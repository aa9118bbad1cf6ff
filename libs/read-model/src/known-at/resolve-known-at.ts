import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { checkpointsOf } from '../checkpoints/checkpoints';
import { planningOnce } from '../database/read-model-queries';
import type { SqlExecutor } from '../projections/projection';

/** A point in log time: a sequence, or an instant that stands for the last sequence before it. */
export type KnownAt = { sequence: number } | { time: string };

export type ResolvedKnownAt =
  | {
      outcome: 'known';
      sequence: number;
      /** What the read model could answer for when asked: the applied position, the history kept. */
      position: number;
      historyFrom: number;
    }
  | { outcome: 'not-yet-known'; sequence: number; position: number }
  | { outcome: 'history-not-kept'; sequence: number; historyFrom: number };

const schema = READ_MODEL_SCHEMA;

/**
 * The sequence `knownAt` stands for, if the read model can answer for it: every projection
 * the queries read (`projections`) has applied it, and has kept its history from before it.
 */
export async function resolveKnownAt(
  sql: SqlExecutor,
  knownAt: KnownAt,
  projections: readonly string[],
): Promise<ResolvedKnownAt> {
  // Planned once: planning it took longer than running it.
  const [row] = await planningOnce(sql).query<{
    sequence: string;
    position: string;
    history_from: string;
  }>(
    `SELECT coalesce($1::bigint, greatest(
              (SELECT sequence FROM ${schema}.development_events WHERE recorded_at <= $2::timestamptz
                ORDER BY recorded_at DESC, sequence DESC LIMIT 1),
              (SELECT max(sequence) FROM ${schema}.actor_events WHERE recorded_at <= $2::timestamptz)),
              0) AS sequence,
            checkpoint.position, checkpoint.history_from
       FROM (${checkpointsOf('$3::text[]')}) checkpoint`,
    [
      'sequence' in knownAt ? knownAt.sequence : null,
      'time' in knownAt ? knownAt.time : null,
      projections,
    ],
  );
  const sequence = Number(row.sequence);
  const position = Number(row.position);
  const historyFrom = Number(row.history_from);
  if (sequence > position) return { outcome: 'not-yet-known', sequence, position };
  if (sequence < historyFrom) return { outcome: 'history-not-kept', sequence, historyFrom };
  return { outcome: 'known', sequence, position, historyFrom };
}
