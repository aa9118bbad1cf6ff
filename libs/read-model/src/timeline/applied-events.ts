import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import {
  canonicalActorIds,
  DEVELOPMENT_VIEW_COLUMNS,
  DevelopmentView,
  DevelopmentViewRow,
  toDevelopmentView,
} from './development-view';

/** An event the timeline has applied, with its development as it stands now. */
export interface AppliedEvent {
  type: string;
  sequence: number;
  development: DevelopmentView;
}

/** A merge or unmerge of an actor as the live projection applied it. */
export interface AppliedActorEvent {
  type: 'ActorMerged' | 'ActorUnmerged';
  sequence: number;
  actorId: string;
  /** ActorMerged: the actor it is now the same as; ActorUnmerged: the one it was. */
  into?: string;
  from?: string;
}

/** Applied events after `sequence`, oldest first, for a client resuming a live stream. */
export async function appliedEventsAfter(
  sql: SqlExecutor,
  sequence: number,
  limit: number,
): Promise<AppliedEvent[]> {
  const rows = await sql.query<DevelopmentViewRow & { type: string; event_sequence: string }>(
    `SELECT e.type, e.sequence AS event_sequence,
            ${DEVELOPMENT_VIEW_COLUMNS.split(', ')
              .map((column) => `d.${column}`)
              .join(', ')}, ${canonicalActorIds('d')}
       FROM ${READ_MODEL_SCHEMA}.development_events e
       JOIN ${READ_MODEL_SCHEMA}.developments d USING (development_id)
      WHERE e.sequence > $1
      ORDER BY e.sequence
      LIMIT $2`,
    [sequence, limit],
  );
  return rows.map((row) => ({
    type: row.type,
    sequence: Number(row.event_sequence),
    development: toDevelopmentView(row),
  }));
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
