import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../database/ensure-database';
import { readModelDataSourceOptions } from '../database/data-source-options';
import { pipelinedPool, pipelinedTransactions, Transactions } from '../database/transactions';

const BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

export interface TestDatabase {
  dataSource: DataSource;
  /** Pipelined transactions, as the projector writes batches. */
  transactions: Transactions;
  drop: () => Promise<void>;
}

/** A migrated database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = `${BASE_URL}newsline_int_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(url);
  const dataSource = await new DataSource(readModelDataSourceOptions(url)).initialize();
  await dataSource.runMigrations();
  const pool = pipelinedPool(url);
  return {
    dataSource,
    transactions: pipelinedTransactions(pool),
    drop: async () => {
      await pool.end();
      await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}

/**
 * A test database for the enclosing `describe`: created before its tests and dropped after them.
 * Read `dataSource` inside hooks and tests, not while the suite is being declared.
 */
export function useTestDatabase(): {
  readonly dataSource: DataSource;
  readonly transactions: Transactions;
} {
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    const created = database;
    database = undefined;
    await created?.drop();
  });

  const current = (): TestDatabase => {
    if (!database) {
      throw new Error(
        'useTestDatabase: the database exists only while its suite runs; read it in a hook or a test',
      );
    }
    return database;
  };
  return {
    get dataSource(): DataSource {
      return current().dataSource;
    },
    get transactions(): Transactions {
      return current().transactions;
    },
  };
}
