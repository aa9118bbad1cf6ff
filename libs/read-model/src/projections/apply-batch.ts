import { escapeIdentifier } from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { lockCheckpoints, storeProjectionCheckpoint } from '../checkpoints/checkpoints';
import { Projection, ProjectedEvent, SqlExecutor } from './projection';

/**
 * Applies a batch to every projection in one transaction, together with their checkpoints,
 * in `schema`: the live read model, or a copy being rebuilt.
 * Events at or below a projection's checkpoint were applied before (a redelivery) and are
 * skipped, which turns at-least-once delivery into exactly-once effects.
 */
export async function applyBatch(
  dataSource: DataSource,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  schema = READ_MODEL_SCHEMA,
): Promise<void> {
  if (events.length === 0) return;
  await dataSource.transaction(async (manager) => {
    const sql: SqlExecutor = { query: (text, parameters) => manager.query(text, parameters) };
    await applyEventsIn(sql, projections, events, schema);
  });
}

/** The body of applyBatch, for a caller that holds its own transaction. */
export async function applyEventsIn(
  sql: SqlExecutor,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  schema: string,
): Promise<void> {
  await sql.query(`SET LOCAL search_path TO ${escapeIdentifier(schema)}`);
  const checkpoints = await lockCheckpoints(
    sql,
    projections.map((projection) => projection.name),
  );
  for (const projection of projections) {
    const applied = checkpoints.get(projection.name) ?? 0;
    const fresh = events.filter((event) => event.sequence > applied);
    if (fresh.length === 0) continue;
    await projection.handle(fresh, sql);
    await storeProjectionCheckpoint(sql, projection.name, fresh[fresh.length - 1].sequence);
  }
}
