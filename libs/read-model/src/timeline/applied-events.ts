import { ACTOR_MERGED, ACTOR_UNMERGED } from '@app/contracts';
import type { ActorStreamEvent, DevelopmentStreamEvent, DevelopmentView } from '@app/contracts';
import { checkpointsOf } from '../checkpoints/checkpoints';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import {
  canonicalActorIds,
  DEVELOPMENT_VIEW_COLUMNS,
  DevelopmentViewRow,
  toDevelopmentView,
} from './development-view';

/**
 * An event the timeline has applied, with its development as it stands now: the `development`
 * message of the live stream.
 */
export type AppliedEvent = DevelopmentStreamEvent;

/** A merge or unmerge of an actor as the projection applied it: the `actor` message. */
export type AppliedActorEvent = ActorStreamEvent;

export type AppliedLogEvent = AppliedEvent | AppliedActorEvent;

/** A row of development_events (with its development's id) or of actor_events. */
type AppliedEventRow = { sequence: string } & (
  | { type: AppliedEvent['type']; development_id: string; actor_id: null; other_actor_id: null }
  | {
      type: AppliedActorEvent['type'];
      development_id: null;
      actor_id: string;
      other_actor_id: string;
    }
);

/**
 * Events every one of `projections` has applied after `sequence`, oldest first:
 * developments' events with the development as it stands now, and merges and unmerges of
 * actors. Events set aside as dead letters are not among them. Bounded by the lowest
 * checkpoint, read in the same snapshot: projections commit one after the other, and an
 * event of one that another has not committed yet would otherwise be passed over.
 */
export async function appliedEventsAfter(
  sql: SqlExecutor,
  sequence: number,
  limit: number,
  projections: readonly string[],
): Promise<AppliedLogEvent[]> {
  const rows = await sql.query<AppliedEventRow>(
    `WITH applied AS (${checkpointsOf('$3::text[]')})
     (SELECT sequence, type, development_id, NULL AS actor_id, NULL AS other_actor_id
        FROM ${READ_MODEL_SCHEMA}.development_events
       WHERE sequence > $1 AND sequence <= (SELECT position FROM applied)
       ORDER BY sequence LIMIT $2)
     UNION ALL
     (SELECT sequence, type, NULL, actor_id, other_actor_id
        FROM ${READ_MODEL_SCHEMA}.actor_events
       WHERE sequence > $1 AND sequence <= (SELECT position FROM applied)
       ORDER BY sequence LIMIT $2)
     ORDER BY sequence LIMIT $2`,
    [sequence, limit, projections],
  );
  const developmentIds = [
    ...new Set(rows.flatMap((row) => (row.development_id ? [row.development_id] : []))),
  ];
  const views = developmentIds.length > 0 ? await developmentViews(sql, developmentIds) : null;
  return rows.flatMap((row): AppliedLogEvent[] => {
    const at = Number(row.sequence);
    if (row.development_id === null) {
      const { actor_id: actorId, other_actor_id: otherActorId } = row;
      return row.type === ACTOR_MERGED
        ? [{ type: ACTOR_MERGED, sequence: at, actorId, into: otherActorId }]
        : [{ type: ACTOR_UNMERGED, sequence: at, actorId, from: otherActorId }];
    }
    const development = views?.get(row.development_id);
    return development ? [{ type: row.type, sequence: at, development }] : [];
  });
}

/** The current state of the given developments, by id. */
export async function developmentViews(
  sql: SqlExecutor,
  developmentIds: readonly string[],
): Promise<Map<string, DevelopmentView>> {
  const rows = await sql.query<DevelopmentViewRow>(
    `SELECT ${DEVELOPMENT_VIEW_COLUMNS}, ${canonicalActorIds('d')}
       FROM ${READ_MODEL_SCHEMA}.developments d WHERE development_id = ANY($1::uuid[])`,
    [developmentIds],
  );
  return new Map(rows.map((row) => [row.development_id, toDevelopmentView(row)]));
}
