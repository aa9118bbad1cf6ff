import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { pipelinedPool, pipelinedTransactions, PROJECTIONS } from '@app/read-model';
import type { Transactions, TransactionSql } from '@app/read-model';

/**
 * The connections the projector writes batches on, pipelined, one per projection so that
 * they are written at the same time; closed at shutdown.
 */
@Injectable()
export class ProjectionWrites implements Transactions, OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly transactions: Required<Transactions>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = pipelinedPool(config.DATABASE_URL, PROJECTIONS.length);
    this.transactions = pipelinedTransactions(this.pool);
  }

  run<T>(work: (sql: TransactionSql) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  runTogether<T>(works: readonly ((sql: TransactionSql) => Promise<T>)[]): Promise<T[]> {
    return this.transactions.runTogether(works);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
