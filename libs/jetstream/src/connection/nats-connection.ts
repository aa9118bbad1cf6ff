import { setTimeout as delay } from 'node:timers/promises';
import { connect, NatsConnection as CoreConnection } from '@nats-io/transport-node';
import { jetstream, JetStreamClient, jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { StreamPublisher } from '../log/stream-publisher';
import { ensureLogStream, LogStreamOptions } from '../stream';
import { LogUnavailableError } from './log-unavailable.error';

export interface NatsConnectionOptions {
  /** Comma-separated server URLs. */
  servers: string;
  /** Client name shown by the server's monitoring. */
  name: string;
  credentials?: { user?: string; pass?: string; token?: string };
  stream: LogStreamOptions;
}

export interface ConnectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RETRY_DELAY_MS = 500;

/**
 * One NATS connection per process, established in the background so that a service starts
 * (and answers 503) while NATS is down. The log stream is ensured on every (re)connect.
 */
export class NatsConnection {
  private core?: CoreConnection;
  private client?: JetStreamClient;
  private manager?: JetStreamManager;
  private streamPublisher?: StreamPublisher;
  private logReady = false;
  private stopping = false;
  private readonly readyWaiters = new Set<() => void>();
  private streamWeaknesses: string[] = [];

  constructor(
    private readonly options: NatsConnectionOptions,
    private readonly logger: ConnectionLogger,
  ) {}

  start(): void {
    void this.connectLoop();
  }

  get isReady(): boolean {
    return this.logReady && this.core !== undefined && !this.core.isClosed();
  }

  get weaknesses(): readonly string[] {
    return this.streamWeaknesses;
  }

  get streamName(): string {
    return this.options.stream.streamName;
  }

  /** Resolves once connected with the log stream in place; rejects if `signal` aborts first. */
  ready(signal?: AbortSignal): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const giveUp = () => {
        this.readyWaiters.delete(waiter);
        reject(signal?.reason as Error);
      };
      const waiter = () => {
        signal?.removeEventListener('abort', giveUp);
        resolve();
      };
      if (signal?.aborted) return giveUp();
      this.readyWaiters.add(waiter);
      signal?.addEventListener('abort', giveUp, { once: true });
    });
  }

  jetStream(): JetStreamClient {
    if (!this.isReady || !this.client) throw new LogUnavailableError('not connected to NATS');
    return this.client;
  }

  /** Appends to streams; see StreamPublisher. */
  publisher(): StreamPublisher {
    if (!this.isReady || !this.streamPublisher) {
      throw new LogUnavailableError('not connected to NATS');
    }
    return this.streamPublisher;
  }

  jetStreamManager(): JetStreamManager {
    if (!this.isReady || !this.manager) throw new LogUnavailableError('not connected to NATS');
    return this.manager;
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.logReady = false;
    if (this.core && !this.core.isClosed()) await this.core.drain().catch(() => this.core?.close());
  }

  private async connectLoop(): Promise<void> {
    let attempt = 0;
    while (!this.stopping && !this.core) {
      try {
        const core = await connect({
          servers: this.options.servers.split(',').map((server) => server.trim()),
          name: this.options.name,
          ...this.options.credentials,
          maxReconnectAttempts: -1,
          reconnectTimeWait: RETRY_DELAY_MS,
          timeout: 2000,
          // Errors are created only when a request fails, not up front for every publish.
          noAsyncTraces: true,
        });
        if (this.stopping) {
          await core.close();
          return;
        }
        this.core = core;
        this.client = jetstream(core);
        this.streamPublisher = new StreamPublisher(core);
        this.manager = await jetstreamManager(core);
        this.logger.log(`connected to NATS at ${core.getServer()}`);
        void this.watchStatus(core);
        await this.prepareLog();
      } catch (error) {
        if (attempt++ % 20 === 0) {
          this.logger.warn(`NATS not reachable yet (${(error as Error).message}); retrying`);
        }
        await delay(RETRY_DELAY_MS);
      }
    }
  }

  private async watchStatus(core: CoreConnection): Promise<void> {
    for await (const status of core.status()) {
      if (status.type === 'disconnect') {
        this.logReady = false;
        this.logger.warn('disconnected from NATS; writes answer 503 until it is back');
      } else if (status.type === 'reconnect') {
        this.logger.log('reconnected to NATS');
        await this.prepareLog();
      }
    }
  }

  private async prepareLog(): Promise<void> {
    while (!this.stopping && this.core && !this.core.isClosed()) {
      try {
        const ensured = await ensureLogStream(this.manager!, this.options.stream);
        this.streamWeaknesses = ensured.weaknesses;
        if (ensured.created) this.logger.log(`created log stream ${this.streamName}`);
        for (const weakness of ensured.weaknesses) {
          this.logger.error(`log stream ${this.streamName} is weaker than required: ${weakness}`);
        }
        this.logReady = true;
        for (const waiter of this.readyWaiters) waiter();
        this.readyWaiters.clear();
        return;
      } catch (error) {
        this.logger.error(
          `cannot ensure log stream ${this.streamName}: ${(error as Error).message}`,
        );
        await delay(RETRY_DELAY_MS * 4);
      }
    }
  }
}
