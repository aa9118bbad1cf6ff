import { escapeIdentifier } from 'pg';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor, TransactionSql } from '../projections/projection';

/**
 * The applied position and the history kept by the projections named in the text array
 * `names` (an SQL expression): the last sequence every one of them has applied (0 while one
 * has no checkpoint row: it has applied nothing), and the first from which all keep history.
 * One row, columns `position` and `history_from`.
 */
export const checkpointsOf = (names: string) => `
  SELECT CASE WHEN count(*) = cardinality(${names}) THEN min(position) ELSE 0 END AS position,
         coalesce(max(history_from), 0) AS history_from
    FROM ${READ_MODEL_SCHEMA}.projection_checkpoints WHERE name = ANY(${names})`;

/** Unqualified: inside a batch, search_path names the schema being written. */
const TABLE = 'projection_checkpoints';

/** Reads the checkpoints of the named projections and locks them until the transaction ends. */
export async function lockCheckpoints(
  sql: TransactionSql,
  names: string[],
): Promise<Map<string, number>> {
  sql.send(
    `INSERT INTO ${TABLE} (name, position, history_from) SELECT unnest($1::text[]), 0, 0
     ON CONFLICT (name) DO NOTHING`,
    [names],
  );
  const rows = await sql.query<{ name: string; position: string }>(
    `SELECT name, position FROM ${TABLE} WHERE name = ANY($1::text[]) FOR UPDATE`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, Number(row.position)]));
}

export function storeProjectionCheckpoint(
  sql: TransactionSql,
  name: string,
  position: number,
): void {
  sql.send(`UPDATE ${TABLE} SET position = $2 WHERE name = $1`, [name, position]);
}

/**
 * The furthest live checkpoint of the named projections. Their rows stay locked until the
 * transaction ends, so the live consumer waits for it (a rebuild swapping its copy in).
 */
export async function lockLivePosition(sql: SqlExecutor, names: string[]): Promise<number> {
  const [{ live }] = await sql.query<{ live: string | null }>(
    `SELECT max(position) AS live FROM (
       SELECT position FROM ${escapeIdentifier(READ_MODEL_SCHEMA)}.${TABLE}
        WHERE name = ANY($1::text[]) FOR UPDATE) checkpoints`,
    [names],
  );
  return Number(live ?? 0);
}

/** Sets the checkpoints of the named projections in a schema, creating those missing. */
export async function setCheckpoints(
  sql: SqlExecutor,
  names: string[],
  position: number,
  schema: string,
): Promise<void> {
  await sql.query(
    `INSERT INTO ${escapeIdentifier(schema)}.${TABLE} (name, position, history_from)
     SELECT unnest($1::text[]), $2, 0 ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    [names, position],
  );
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
