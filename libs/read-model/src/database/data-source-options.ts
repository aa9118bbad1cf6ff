import { DataSourceOptions } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities';
import { READ_MODEL_MIGRATIONS } from '../migrations';

export function readModelDataSourceOptions(
  databaseUrl: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'newsline_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10, application_name: 'newsline' },
    ...overrides,
  } as DataSourceOptions;
}
