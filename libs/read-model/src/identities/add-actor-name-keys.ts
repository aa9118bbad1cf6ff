import { actorNameKeys, blockingKeys } from '@app/contracts';
import type { TransactionSql } from '../projections/projection';

/** Stores the blocking keys of names not seen before, for duplicate candidates. */
export function addActorNameKeys(sql: TransactionSql, names: readonly string[]): void {
  if (names.length === 0) return;
  const rows = [...new Set(names)].flatMap((name) =>
    blockingKeys(actorNameKeys(name).tokens).map((key) => ({ key, name })),
  );
  sql.send(
    `INSERT INTO actor_name_keys (key, name)
     SELECT r.key, r.name FROM jsonb_to_recordset($1::jsonb) AS r(key text, name text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
