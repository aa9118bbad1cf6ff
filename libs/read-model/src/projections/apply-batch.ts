import { escapeIdentifier } from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { lockCheckpoints, storeProjectionCheckpoint } from '../checkpoints/checkpoints';
import { Projection, ProjectedEvent, SqlExecutor } from './projection';
import { rounds } from './rounds';

export interface ApplyOptions {
  /** The live read model, or a copy being rebuilt. */
  schema?: string;
  /**
   * The last log sequence the batch covers, when that is past its last event (events set
   * aside as dead letters): the checkpoints move this far.
   */
  through?: number;
}

/**
 * Applies a batch to every projection in one transaction, together with their checkpoints,
 * round by round (`rounds`) so that every version of a row keeps the sequence that made it.
 * Events at or below a projection's checkpoint were applied before (a redelivery) and are
 * skipped, which turns at-least-once delivery into exactly-once effects.
 */
export async function applyBatch(
  dataSource: DataSource,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  options: ApplyOptions = {},
): Promise<void> {
  if (events.length === 0 && !options.through) return;
  await dataSource.transaction(async (manager) => {
    const sql: SqlExecutor = { query: (text, parameters) => manager.query(text, parameters) };
    await applyEventsIn(sql, projections, events, options);
  });
}

/** The body of applyBatch, for a caller that holds its own transaction. */
export async function applyEventsIn(
  sql: SqlExecutor,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  { schema = READ_MODEL_SCHEMA, through = 0 }: ApplyOptions = {},
): Promise<void> {
  await sql.query(`SET LOCAL search_path TO ${escapeIdentifier(schema)}`);
  const checkpoints = await lockCheckpoints(
    sql,
    projections.map((projection) => projection.name),
  );
  const last = Math.max(through, events[events.length - 1]?.sequence ?? 0);
  let moved = false;
  for (const projection of projections) {
    const applied = checkpoints.get(projection.name) ?? 0;
    if (last <= applied) continue;
    const fresh = events.filter((event) => event.sequence > applied);
    for (const round of rounds(fresh)) await projection.handle(round, sql);
    await storeProjectionCheckpoint(sql, projection.name, last);
    moved = true;
  }
  // Delivered on commit, to every projector listening: each streams from the database.
  if (moved && schema === READ_MODEL_SCHEMA) {
    await sql.query(`SELECT pg_notify($1, $2)`, [APPLIED_CHANNEL, String(last)]);
  }
}

/** The channel on which a committed batch announces the last sequence it applied. */
export const APPLIED_CHANNEL = 'read_model_applied';
