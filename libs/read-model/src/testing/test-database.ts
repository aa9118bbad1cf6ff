import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../database/ensure-database';
import { readModelDataSourceOptions } from '../database/data-source-options';

const BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

export interface TestDatabase {
  dataSource: DataSource;
  drop: () => Promise<void>;
}

/** A migrated database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
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

/**
 * A test database for the enclosing `describe`: created before its tests and dropped after them.
 * Read `dataSource` inside hooks and tests, not while the suite is being declared.
 */
export function useTestDatabase(): { readonly dataSource: DataSource } {
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    const created = database;
    database = undefined;
    await created?.drop();
  });

  return {
    get dataSource(): DataSource {
      if (!database) {
        throw new Error(
          'useTestDatabase: the database exists only while its suite runs; read dataSource in a hook or a test',
        );
      }
      return database.dataSource;
    },
  };
}
