import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../database/ensure-database';
import { readModelDataSourceOptions } from '../database/data-source-options';

const BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

/** A migrated database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<{
  dataSource: DataSource;
  drop: () => Promise<void>;
}> {
  const url = `${BASE_URL}newsline_int_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(url);
  const dataSource = await new DataSource(readModelDataSourceOptions(url)).initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
