import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';

const MERGES = `${READ_MODEL_SCHEMA}.actor_merges`;

/** SQL for the canonical actor of the id in `id` (an expression): itself unless merged. */
export function canonicalIdSql(id: string): string {
  return `coalesce((SELECT m.canonical_id FROM ${MERGES} m WHERE m.actor_id = ${id}), ${id})`;
}

/**
 * Every id that is the same actor as one of `actorIds`: their canonical actors and all the
 * actors merged into those. For filters over rows that keep the id their development gave.
 */
export async function sameActorIds(
  sql: SqlExecutor,
  actorIds: readonly string[],
): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `WITH canonical AS (
       SELECT DISTINCT ${canonicalIdSql('given.id')} AS id FROM unnest($1::text[]) AS given(id))
     SELECT id FROM canonical
     UNION
     SELECT m.actor_id FROM ${MERGES} m JOIN canonical c ON m.canonical_id = c.id`,
    [actorIds],
  );
  return rows.map((row) => row.id);
}
