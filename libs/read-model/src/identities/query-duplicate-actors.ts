import type { ActorView, DuplicatePair } from '@app/contracts';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import { ACTOR_COLUMNS } from '../positions/query-actors';
import { likelyDuplicates } from './likely-duplicates';

/** The likely duplicates among all canonical actors, best first. */
export async function queryDuplicateActors(sql: SqlExecutor): Promise<DuplicatePair[]> {
  const actors = await sql.query<ActorView>(
    `SELECT ${ACTOR_COLUMNS} FROM ${READ_MODEL_SCHEMA}.actors`,
  );
  return likelyDuplicates(actors);
}
