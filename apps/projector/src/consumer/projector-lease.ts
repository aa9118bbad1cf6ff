import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import type { SqlExecutor } from '@app/read-model';

/** How often a standby tries to take the lease: the takeover time after the holder dies. */
const RETRY_MS = 1000;
const APPLICATION_NAME_PREFIX = 'newsline-projector ';

/**
 * At most one projector may consume into a read-model database: two would each restart
 * the durable consumer from their checkpoint and interleave batches. The lease is a
 * PostgreSQL session advisory lock held on a connection of its own; a second projector
 * waits on standby (still serving queries) until the first one goes away. PostgreSQL frees
 * the lock as soon as the holder's connection closes, which a dead process's does at once;
 * TCP keepalives catch a holder that vanished from the network.
 */
@Injectable()
export class ProjectorLease implements OnApplicationShutdown {
  private readonly logger = new Logger('Lease');
  private readonly databaseUrl: string;
  private readonly name: string;
  /** This process, as `GET /v1/projections` names the instance that holds the lease. */
  readonly instance = `${hostname()}:${process.pid}`;
  private client?: Client;
  private closed = false;
  private onLost: () => void = () => {};

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.databaseUrl = config.DATABASE_URL;
    this.name = `newsline-projector:${config.STREAM_NAME}`;
  }

  /** What to do when a held lease is lost (its connection dropped): stop consuming. */
  whenLost(handler: () => void): void {
    this.onLost = handler;
  }

  /** Runs after the consumer has finished its last batch (microservices close first). */
  async onApplicationShutdown(): Promise<void> {
    await this.release();
  }

  get held(): boolean {
    return this.client !== undefined;
  }

  /**
   * Resolves once the lease is held; rejects if `signal` aborts first. `unreachable` hears of
   * every try the database could not answer (another holder is not an error).
   */
  async acquire(
    signal?: AbortSignal,
    unreachable: (error: unknown) => void = () => {},
  ): Promise<void> {
    let announced = false;
    while (!this.closed && !this.client) {
      signal?.throwIfAborted();
      const client = new Client({
        connectionString: this.databaseUrl,
        application_name: `${APPLICATION_NAME_PREFIX}${this.instance}`.slice(0, 63),
        keepAlive: true,
        keepAliveInitialDelayMillis: 5000,
      });
      try {
        await client.connect();
        const [row] = (
          await client.query<{ acquired: boolean }>(
            'SELECT pg_try_advisory_lock(hashtext($1)) AS acquired',
            [this.name],
          )
        ).rows;
        if (row?.acquired) {
          client.on('error', () => this.lost(client));
          client.on('end', () => this.lost(client));
          this.client = client;
          if (announced) this.logger.log('took over the projector lease');
          return;
        }
        if (!announced) this.logger.warn('another projector holds the lease; standing by');
        announced = true;
      } catch (error) {
        this.logger.error(`cannot take the projector lease: ${(error as Error).message}`);
        unreachable(error);
      }
      await client.end().catch(() => undefined);
      await delay(RETRY_MS, undefined, { signal });
    }
  }

  /** The instance holding the lease on this database, whichever process it is; null if none. */
  async holder(sql: SqlExecutor): Promise<string | null> {
    const [row] = await sql.query<{ application_name: string }>(
      `SELECT a.application_name
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint = ((hashtext($1)::bigint >> 32) & 4294967295)
          AND l.objid::bigint = (hashtext($1)::bigint & 4294967295)`,
      [this.name],
    );
    if (!row) return null;
    return row.application_name.startsWith(APPLICATION_NAME_PREFIX)
      ? row.application_name.slice(APPLICATION_NAME_PREFIX.length)
      : row.application_name;
  }

  async release(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.closed) return;
    this.logger.error('lost the projector lease; stopping consumption until it is back');
    this.onLost();
  }
}
