import { Pool } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities';
import { READ_MODEL_MIGRATIONS } from '../migrations';

/**
 * JIT and parallel workers off: the read model's queries are index probes in nested lateral
 * subqueries whose estimated cost is far above what they read; PostgreSQL would compile them,
 * or start workers for them, for longer than they run.
 */
export const CONNECTION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/**
 * A pool of newsline's own connections outside TypeORM, with its connection settings and more
 * (`settings`, as `-c name=value`). An idle connection that breaks (PostgreSQL restarted) is
 * dropped; the next use opens another, or fails as an unavailable database.
 */
export function readModelPool(
  databaseUrl: string,
  { max, settings = '', pipeline = false }: { max: number; settings?: string; pipeline?: boolean },
): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max,
    pipeline,
    application_name: 'newsline',
    options: `${CONNECTION_OPTIONS} ${settings}`.trim(),
  });
  pool.on('error', () => undefined);
  return pool;
}

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
    extra: { max: 10, application_name: 'newsline', options: CONNECTION_OPTIONS },
    ...overrides,
  } as DataSourceOptions;
}
