import { DataSource, Migration } from 'typeorm';

const MIGRATION_LOCK = 'newsline-read-model-migrations';

/**
 * Runs pending migrations while holding an advisory lock, so that projectors starting
 * together on a new database migrate it once, one after the other, instead of racing.
 */
export async function migrateExclusively(dataSource: DataSource): Promise<Migration[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    return await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK])
      .catch(() => undefined);
    await lock.release();
  }
}
