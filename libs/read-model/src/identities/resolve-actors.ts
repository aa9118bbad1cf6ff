import { CURRENT_RELATIONS, ReadModelRelations } from '../known-at/read-model-relations';
import { planningOnce } from '../database/read-model-queries';
import type { SqlExecutor } from '../projections/projection';
import { queryParameters } from '../sql/query-parameters';

/** SQL for the canonical actor of the id in `id` (an expression): itself unless merged. */
export function canonicalIdSql(id: string, actorMerges = CURRENT_RELATIONS.actorMerges): string {
  return `coalesce((SELECT m.canonical_id FROM ${actorMerges} m WHERE m.actor_id = ${id}), ${id})`;
}

/**
 * Every id that is the same actor as one of `actorIds`: their canonical actors and all the
 * actors merged into those. For filters over rows that keep the id their development gave.
 */
export async function sameActorIds(
  sql: SqlExecutor,
  actorIds: readonly string[],
  relations: ReadModelRelations = CURRENT_RELATIONS,
): Promise<string[]> {
  const { values, bind } = queryParameters(relations.parameters);
  const rows = await planningOnce(sql).query<{ id: string }>(
    `WITH canonical AS (
       SELECT DISTINCT ${canonicalIdSql('given.id', relations.actorMerges)} AS id
         FROM unnest(${bind(actorIds)}::text[]) AS given(id))
     SELECT id FROM canonical
     UNION
     SELECT m.actor_id FROM ${relations.actorMerges} m JOIN canonical c ON m.canonical_id = c.id`,
    values,
  );
  return rows.map((row) => row.id);
}
