import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import {
  ensureDatabase,
  migrateExclusively,
  planningOncePool,
  readModelQueries,
  readModelDataSourceOptions,
  SqlExecutor,
} from '@app/read-model';
import { QUERY_SQL } from './database.tokens';

/** The connections queries have of their own, closed at shutdown. */
@Injectable()
class QueryConnections implements OnApplicationShutdown {
  replica?: DataSource;
  planningOnce?: Pool;

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.destroy();
    await this.planningOnce?.end();
  }
}

/** The read-model database: created if missing, migrated at start-up, never synchronized. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        if (await ensureDatabase(config.DATABASE_URL)) {
          new Logger('Database').log('created the read-model database');
        }
        return readModelDataSourceOptions(config.DATABASE_URL);
      },
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await migrateExclusively(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [
    QueryConnections,
    {
      provide: QUERY_SQL,
      inject: [APP_CONFIG, DataSource, QueryConnections],
      useFactory: async (
        config: AppConfig,
        primary: DataSource,
        connections: QueryConnections,
      ): Promise<SqlExecutor> => {
        const queriesUrl = config.DATABASE_READ_URL ?? config.DATABASE_URL;
        connections.planningOnce = planningOncePool(queriesUrl);
        if (!config.DATABASE_READ_URL) {
          return readModelQueries(primary, connections.planningOnce);
        }
        connections.replica = await new DataSource(
          readModelDataSourceOptions(config.DATABASE_READ_URL, { migrations: [] }),
        ).initialize();
        return readModelQueries(connections.replica, connections.planningOnce);
      },
    },
  ],
  exports: [QUERY_SQL],
})
export class DatabaseModule {}
