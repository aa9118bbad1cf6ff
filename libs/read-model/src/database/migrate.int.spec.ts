import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { READ_MODEL_MIGRATIONS } from '../migrations';
import { readModelDataSourceOptions } from './data-source-options';
import { dropDatabase, ensureDatabase } from './ensure-database';
import { migrateExclusively } from './migrate';

const BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

describe('migrateExclusively', () => {
  const url = `${BASE_URL}newsline_int_${randomBytes(5).toString('hex')}`;
  const dataSources: DataSource[] = [];

  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await dropDatabase(url);
  });

  it('migrates a new database once when several processes start at the same time', async () => {
    await ensureDatabase(url);
    for (let i = 0; i < 3; i++) {
      dataSources.push(await new DataSource(readModelDataSourceOptions(url)).initialize());
    }
    const applied = await Promise.all(
      dataSources.map((dataSource) => migrateExclusively(dataSource)),
    );
    expect(applied.map((migrations) => migrations.length).sort()).toEqual([
      0,
      0,
      READ_MODEL_MIGRATIONS.length,
    ]);
    const [{ count }] = await dataSources[0].query(
      'SELECT count(*)::int AS count FROM newsline_migrations',
    );
    expect(count).toBe(READ_MODEL_MIGRATIONS.length);
  });
});
