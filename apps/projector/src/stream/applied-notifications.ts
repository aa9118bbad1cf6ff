import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { APPLIED_CHANNEL } from '@app/read-model';
import { backoffDelay } from '@app/retry';

const RECONNECT_BACKOFF = { initialMs: 100, maxMs: 5000 };

/** What the database says about applied batches: their last sequences, and reconnections. */
export type AppliedSignal = { kind: 'applied'; sequence: number } | { kind: 'listening' };

/**
 * Listens on the primary database for the notification every applying transaction sends on
 * commit, whichever projector applied it. After a lost connection it listens again and says
 * so (`listening`): whatever was committed meanwhile was not announced and must be read.
 */
@Injectable()
export class AppliedNotifications implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AppliedNotifications');
  private readonly signals = new Subject<AppliedSignal>();
  private client?: Client;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;
  private failures = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get applied() {
    return this.signals.asObservable();
  }

  onModuleInit(): Promise<void> {
    return this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.signals.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    this.client = client;
    client.on('notification', ({ channel, payload }) => {
      if (channel !== APPLIED_CHANNEL) return;
      this.signals.next({ kind: 'applied', sequence: Number(payload) });
    });
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${APPLIED_CHANNEL}`);
    } catch (error) {
      this.reconnect(client, error as Error);
      return;
    }
    if (this.failures > 0) this.logger.log('listening for applied events again');
    this.failures = 0;
    this.signals.next({ kind: 'listening' });
  }

  private reconnect(client: Client, error: Error): void {
    if (this.closed || client !== this.client) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.logger.warn(`not listening for applied events: ${error.message}`);
    const delay = backoffDelay(this.failures++, RECONNECT_BACKOFF);
    this.reconnectTimer = setTimeout(() => void this.listen(), delay);
  }
}
