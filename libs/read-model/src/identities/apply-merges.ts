import type { ProjectedEvent, TransactionSql } from '../projections/projection';
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
  sql: TransactionSql,
  events: readonly ProjectedEvent[],
): Promise<string[]> {
  const changes = mergeChanges(events);
  if (changes.length === 0) return [];
  const stored = await sql.query<{
    actor_id: string;
    into_id: string;
    canonical_id: string;
    sequence: string;
    reason: string | null;
  }>(`SELECT actor_id, into_id, canonical_id, sequence, reason FROM actor_merges`);
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

  // A round holds one merge or unmerge: every version it supersedes closes at its sequence.
  const sequence = events[events.length - 1].sequence;
  const touched = changes.map((change) => change.actorId);
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
  const changed = changedCanonicals(before, after);
  const recanonicalized = changed.map((change) => change.actorId);
  sql.send(
    `WITH superseded AS (
       DELETE FROM actor_merges WHERE actor_id = ANY($1::text[]) OR actor_id = ANY($2::text[])
       RETURNING *)
     INSERT INTO actor_merges_history SELECT *, $3::bigint FROM superseded`,
    [touched, recanonicalized, sequence],
  );
  // Merges in force after the event: the ones it made, and the ones whose canonical actor moved.
  const kept = stored
    .filter((row) => !touched.includes(row.actor_id) && recanonicalized.includes(row.actor_id))
    .map((row) => ({
      actor_id: row.actor_id,
      into_id: row.into_id,
      canonical_id: after.get(row.actor_id)!,
      sequence: Number(row.sequence),
      reason: row.reason,
    }));
  sql.send(
    `INSERT INTO actor_merges (actor_id, into_id, canonical_id, sequence, reason, valid_from)
     SELECT r.actor_id, r.into_id, r.canonical_id, r.sequence, r.reason, $2::bigint
       FROM jsonb_to_recordset($1::jsonb) AS r(
         actor_id text, into_id text, canonical_id text, sequence bigint, reason text)`,
    [JSON.stringify([...merged, ...kept]), sequence],
  );

  if (changed.length === 0) return [];
  const ids = changed.map((change) => change.actorId);
  const canonicals = changed.map((change) => change.to);
  for (const table of ['statements', 'development_actors']) {
    sql.send(
      `WITH c AS (SELECT * FROM unnest($1::text[], $2::text[]) AS c(actor_id, canonical_id)),
       superseded AS (
         INSERT INTO ${table}_history SELECT t.*, $3::bigint FROM ${table} t JOIN c USING (actor_id))
       UPDATE ${table} t SET canonical_actor_id = c.canonical_id, valid_from = $3::bigint
         FROM c WHERE t.actor_id = c.actor_id`,
      [ids, canonicals, sequence],
    );
  }
  return [...new Set(changed.flatMap((change) => [change.from, change.to]))];
}
