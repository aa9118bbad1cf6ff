import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import {
  ensureDatabase,
  migrateExclusively,
  preparedQueries,
  readModelDataSourceOptions,
  SqlExecutor,
} from '@app/read-model';
import { QUERY_SQL } from './database.tokens';

@Injectable()
class ReadReplica implements OnApplicationShutdown {
  dataSource?: DataSource;

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource?.destroy();
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
    ReadReplica,
    {
      provide: QUERY_SQL,
      inject: [APP_CONFIG, DataSource, ReadReplica],
      useFactory: async (
        config: AppConfig,
        primary: DataSource,
        replica: ReadReplica,
      ): Promise<SqlExecutor> => {
        if (!config.DATABASE_READ_URL) return preparedQueries(primary);
        replica.dataSource = await new DataSource(
          readModelDataSourceOptions(config.DATABASE_READ_URL, { migrations: [] }),
        ).initialize();
        return preparedQueries(replica.dataSource);
      },
    },
  ],
  exports: [QUERY_SQL],
})
export class DatabaseModule {}
