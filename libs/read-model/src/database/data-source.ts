// Data source for the TypeORM CLI (migration:generate / migration:run).
import { DataSource } from 'typeorm';
import { readModelDataSourceOptions } from './data-source-options';

export default new DataSource(
  readModelDataSourceOptions(
    process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/newsline',
  ),
);
