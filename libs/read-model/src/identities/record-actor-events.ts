import { ACTOR_MERGED, ACTOR_UNMERGED } from '@app/contracts';
import type { ProjectedEvent, SqlExecutor } from '../projections/projection';

interface ActorEventRow {
  sequence: number;
  type: string;
  actor_id: string;
  other: string;
}

/** Keeps the batch's merges and unmerges, in log order, for streams that resume. */
export async function recordActorEvents(
  sql: SqlExecutor,
  events: readonly ProjectedEvent[],
): Promise<void> {
  const rows = events.flatMap(({ sequence, event }): ActorEventRow[] => {
    if (event.type === ACTOR_MERGED) {
      return [{ sequence, type: event.type, actor_id: event.data.actorId, other: event.data.into }];
    }
    if (event.type === ACTOR_UNMERGED) {
      return [{ sequence, type: event.type, actor_id: event.data.actorId, other: event.data.from }];
    }
    return [];
  });
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO actor_events (sequence, type, actor_id, other_actor_id)
     SELECT r.sequence, r.type, r.actor_id, r.other
       FROM jsonb_to_recordset($1::jsonb) AS r(sequence bigint, type text, actor_id text, other text)`,
    [JSON.stringify(rows)],
  );
}
