import type { ProjectedEvent, SqlExecutor } from '../projections/projection';
import { canonicalActors, changedCanonicals, MergeEdge } from './canonical-actors';
import { mergeChanges } from './merge-changes';

/**
 * Applies the batch's merges and unmerges: the merges in force, every merged actor's
 * canonical actor, and the canonical actor of the statements and development actors whose
 * canonical actor changed. Returns the canonical actors whose counts must be taken again
 * (those that gained or lost members). Rows keep the actor id their development gave them,
 * so an unmerge restores exactly what was there before.
 */
export async function applyMerges(
  sql: SqlExecutor,
  events: readonly ProjectedEvent[],
): Promise<string[]> {
  const changes = mergeChanges(events);
  if (changes.length === 0) return [];
  const stored = await sql.query<{
    actor_id: string;
    into_id: string;
    canonical_id: string;
    sequence: string;
  }>(`SELECT actor_id, into_id, canonical_id, sequence FROM actor_merges`);
  const before = new Map(stored.map((row) => [row.actor_id, row.canonical_id]));
  const edges = new Map<string, MergeEdge>(
    stored.map((row) => [
      row.actor_id,
      { actorId: row.actor_id, into: row.into_id, sequence: Number(row.sequence) },
    ]),
  );
  for (const change of changes) {
    if (change.merged) edges.set(change.actorId, { actorId: change.actorId, ...change.merged });
    else edges.delete(change.actorId);
  }
  const after = canonicalActors([...edges.values()]);

  const undone = changes.filter((change) => !change.merged).map((change) => change.actorId);
  await sql.query(`DELETE FROM actor_merges WHERE actor_id = ANY($1::text[])`, [undone]);
  const merged = changes.flatMap((change) =>
    change.merged
      ? [
          {
            actor_id: change.actorId,
            into_id: change.merged.into,
            canonical_id: after.get(change.actorId)!,
            sequence: change.merged.sequence,
            reason: change.merged.reason,
          },
        ]
      : [],
  );
  await sql.query(
    `INSERT INTO actor_merges (actor_id, into_id, canonical_id, sequence, reason)
     SELECT r.actor_id, r.into_id, r.canonical_id, r.sequence, r.reason
       FROM jsonb_to_recordset($1::jsonb) AS r(
         actor_id text, into_id text, canonical_id text, sequence bigint, reason text)
     ON CONFLICT (actor_id) DO UPDATE SET into_id = excluded.into_id,
       canonical_id = excluded.canonical_id, sequence = excluded.sequence, reason = excluded.reason`,
    [JSON.stringify(merged)],
  );

  const changed = changedCanonicals(before, after);
  if (changed.length === 0) return [];
  const ids = changed.map((change) => change.actorId);
  const canonicals = changed.map((change) => change.to);
  await sql.query(
    `UPDATE actor_merges m SET canonical_id = c.canonical_id
       FROM unnest($1::text[], $2::text[]) AS c(actor_id, canonical_id)
      WHERE m.actor_id = c.actor_id AND m.canonical_id <> c.canonical_id`,
    [ids, canonicals],
  );
  for (const table of ['statements', 'development_actors']) {
    await sql.query(
      `UPDATE ${table} t SET canonical_actor_id = c.canonical_id
         FROM unnest($1::text[], $2::text[]) AS c(actor_id, canonical_id)
        WHERE t.actor_id = c.actor_id`,
      [ids, canonicals],
    );
  }
  return [...new Set(changed.flatMap((change) => [change.from, change.to]))];
}
