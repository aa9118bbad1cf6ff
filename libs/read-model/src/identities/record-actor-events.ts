import { ACTOR_MERGED, ACTOR_UNMERGED } from '@app/contracts';
import type { ProjectedEvent, TransactionSql } from '../projections/projection';

interface ActorEventRow {
  sequence: number;
  type: string;
  actor_id: string;
  other: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** Keeps the batch's merges and unmerges, in log order, for streams that resume. */
export function recordActorEvents(sql: TransactionSql, events: readonly ProjectedEvent[]): void {
  const rows = events.flatMap(({ sequence, event }): ActorEventRow[] => {
    const recorded = { recorded_at: event.recordedAt, recorded_by: event.recordedBy };
    if (event.type === ACTOR_MERGED) {
      const { actorId, into } = event.data;
      return [{ sequence, type: event.type, actor_id: actorId, other: into, ...recorded }];
    }
    if (event.type === ACTOR_UNMERGED) {
      const { actorId, from } = event.data;
      return [{ sequence, type: event.type, actor_id: actorId, other: from, ...recorded }];
    }
    return [];
  });
  if (rows.length === 0) return;
  sql.send(
    `INSERT INTO actor_events (sequence, type, actor_id, other_actor_id, recorded_at, recorded_by)
     SELECT r.sequence, r.type, r.actor_id, r.other, r.recorded_at, r.recorded_by
       FROM jsonb_to_recordset($1::jsonb) AS r(
         sequence bigint, type text, actor_id text, other text, recorded_at timestamptz,
         recorded_by text)`,
    [JSON.stringify(rows)],
  );
}
