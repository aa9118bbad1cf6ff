import { escapeIdentifier } from 'pg';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { Projection, SqlExecutor } from '../projections/projection';

/** Schemas holding a read model being rebuilt; any left over from a dead process is dropped. */
export const SHADOW_SCHEMA_PREFIX = 'read_model_rebuild_';

const CHECKPOINTS = 'projection_checkpoints';

const live = escapeIdentifier(READ_MODEL_SCHEMA);

/**
 * An empty copy of the projections' read-model tables (and the checkpoint table) in a new
 * schema: same columns, generated columns and constraints under the same names, and the
 * indexes the projections' writes use (`indexesWritesUse`). The other indexes are returned
 * rather than built: loading into unindexed tables and building the indexes once at the end
 * is much faster (`buildIndexes`), and then the copy can take the live tables' place
 * unchanged.
 */
export async function createShadowSchema(
  sql: SqlExecutor,
  schema: string,
  projections: readonly Projection[],
): Promise<string[]> {
  const tables = projections.flatMap((projection) => projection.tables);
  const indexesWritesUse = new Set(
    projections.flatMap((projection) => projection.indexesWritesUse ?? []),
  );
  const deferredIndexes: string[] = [];
  const shadow = escapeIdentifier(schema);
  await sql.query(`CREATE SCHEMA ${shadow}`);
  for (const table of [...tables, CHECKPOINTS]) {
    const name = escapeIdentifier(table);
    await sql.query(
      `CREATE TABLE ${shadow}.${name} (LIKE ${live}.${name}
         INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE)`,
    );
    const constraints = await sql.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relnamespace = $1::regnamespace AND t.relname = $2 AND c.contype IN ('p', 'u')`,
      [READ_MODEL_SCHEMA, table],
    );
    for (const constraint of constraints) {
      await sql.query(
        `ALTER TABLE ${shadow}.${name} ADD CONSTRAINT ${escapeIdentifier(constraint.name)} ${constraint.definition}`,
      );
    }
    const indexes = await sql.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes i
        WHERE schemaname = $1 AND tablename = $2
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                           WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
      [READ_MODEL_SCHEMA, table],
    );
    for (const index of indexes) {
      const definition = index.definition
        .replace(` ON ${live}.`, ` ON ${shadow}.`)
        .replace(` ON ${READ_MODEL_SCHEMA}.`, ` ON ${shadow}.`);
      if (indexesWritesUse.has(index.name)) await sql.query(definition);
      else deferredIndexes.push(definition);
    }
  }
  return deferredIndexes;
}

/** Builds the indexes createShadowSchema deferred. */
export async function buildIndexes(
  sql: SqlExecutor,
  definitions: readonly string[],
): Promise<void> {
  for (const definition of definitions) await sql.query(definition);
}

/**
 * Puts the rebuilt tables in place of the live ones and carries their checkpoints over, in
 * the caller's transaction: queries see either the old tables or the new ones, never a mix.
 */
export async function swapInShadowSchema(
  sql: SqlExecutor,
  schema: string,
  tables: readonly string[],
  projections: readonly string[],
): Promise<void> {
  const shadow = escapeIdentifier(schema);
  const retired = escapeIdentifier(`${schema}_retired`);
  await sql.query(`CREATE SCHEMA ${retired}`);
  for (const table of tables) {
    const name = escapeIdentifier(table);
    await sql.query(`ALTER TABLE ${live}.${name} SET SCHEMA ${retired}`);
    await sql.query(`ALTER TABLE ${shadow}.${name} SET SCHEMA ${live}`);
  }
  await sql.query(
    `UPDATE ${live}.${CHECKPOINTS} l SET position = s.position, history_from = s.history_from
       FROM ${shadow}.${CHECKPOINTS} s WHERE s.name = l.name AND l.name = ANY($1::text[])`,
    [projections],
  );
  await sql.query(`DROP SCHEMA ${retired} CASCADE`);
  await sql.query(`DROP SCHEMA ${shadow} CASCADE`);
}

export async function dropShadowSchema(sql: SqlExecutor, schema: string): Promise<void> {
  await sql.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
}

/** Drops every shadow schema; for start-up, when no rebuild can be running. */
export async function dropAbandonedShadowSchemas(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE $1`,
    [`${SHADOW_SCHEMA_PREFIX}%`],
  );
  for (const row of rows) await dropShadowSchema(sql, row.name);
  return rows.map((row) => row.name);
}
