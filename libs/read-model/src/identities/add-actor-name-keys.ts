import { actorNameKeys } from '@app/contracts';
import type { SqlExecutor } from '../projections/projection';

/** Stores the folded keys of names not seen before, for duplicate candidates. */
export async function addActorNameKeys(sql: SqlExecutor, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const rows = [...new Set(names)].map((name) => {
    const keys = actorNameKeys(name);
    return { name, full_key: keys.full, tokens: keys.tokens };
  });
  await sql.query(
    `INSERT INTO actor_name_keys (name, full_key, tokens)
     SELECT r.name, r.full_key, r.tokens
       FROM jsonb_to_recordset($1::jsonb) AS r(name text, full_key text, tokens text[])
     ON CONFLICT (name) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
