import { escapeIdentifier } from 'pg';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';

/** Unqualified: inside a batch, search_path names the schema being written. */
const TABLE = 'projection_checkpoints';

/** Reads the checkpoints of the named projections and locks them until the transaction ends. */
export async function lockCheckpoints(
  sql: SqlExecutor,
  names: string[],
): Promise<Map<string, number>> {
  await sql.query(
    `INSERT INTO ${TABLE} (name, position) SELECT unnest($1::text[]), 0 ON CONFLICT (name) DO NOTHING`,
    [names],
  );
  const rows = await sql.query<{ name: string; position: string }>(
    `SELECT name, position FROM ${TABLE} WHERE name = ANY($1::text[]) FOR UPDATE`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, Number(row.position)]));
}

export async function storeProjectionCheckpoint(
  sql: SqlExecutor,
  name: string,
  position: number,
): Promise<void> {
  await sql.query(`UPDATE ${TABLE} SET position = $2 WHERE name = $1`, [name, position]);
}

/** Checkpoints without locking, for status reports; 0 for a projection that has applied nothing. */
export async function readCheckpoints(
  sql: SqlExecutor,
  names: string[],
  schema = READ_MODEL_SCHEMA,
): Promise<Map<string, number>> {
  const rows = await sql.query<{ name: string; position: string }>(
    `SELECT name, position FROM ${escapeIdentifier(schema)}.${TABLE} WHERE name = ANY($1::text[])`,
    [names],
  );
  const positions = new Map(names.map((name) => [name, 0]));
  for (const row of rows) positions.set(row.name, Number(row.position));
  return positions;
}
