import { AckPolicy, Consumer, DeliverPolicy, JetStreamApiError, JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { NatsConnection } from '../connection';
import { ConsumerState } from './consumer-state';
import { JetStreamContext } from './jetstream.context';
import { ReceivedMessage, toReceivedMessage } from './received-message';
import { subjectMatches } from './subject-pattern';

export const JETSTREAM_TRANSPORT = Symbol('JETSTREAM_TRANSPORT');

const CONSUMER_NOT_FOUND = 10014;
const MAX_RETRY_DELAY_MS = 10_000;
/** Pull requests expire and heartbeats come this often, so a dead server is noticed in ~2 s. */
const PULL_EXPIRES_MS = 4000;
const IDLE_HEARTBEAT_MS = 1000;
const MISSED_HEARTBEATS_TOLERATED = 2;

export interface JetStreamServerOptions {
  connection: NatsConnection;
  durableName: string;
  filterSubject: string;
  /** Removed from a subject before it is matched against handler patterns. */
  subjectPrefix: string;
  /** Largest number of messages handed to a handler at once. */
  maxBatch: number;
  /** The last stream sequence already applied downstream; delivery never starts after it. */
  resumeAfter: () => Promise<number>;
  /** Resolves once this process may consume (one consumer per read model); optional. */
  acquireLease?: () => Promise<void>;
  state: ConsumerState;
  ackWaitMs?: number;
}

/**
 * Nest transport strategy over a durable JetStream pull consumer.
 *
 * Handlers registered with `@EventPattern('<subject pattern below the prefix>', JETSTREAM_TRANSPORT)`
 * receive batches (`ReceivedMessage[]`) in log order: whatever arrived while the previous
 * batch was being handled, up to `maxBatch`. A batch is acknowledged only after its handler
 * has finished; a failing handler is retried in place with backoff (the consumer is reported
 * stalled), so order is never lost to redelivery.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  override readonly transportId = JETSTREAM_TRANSPORT;
  private running = false;
  private loop?: Promise<void>;
  private stopConsuming?: () => Promise<void>;
  private readonly stopSignal = new AbortController();

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  listen(callback: () => void): void {
    this.running = true;
    this.loop = this.run();
    callback();
  }

  /** Lets the batch in hand finish (and be acknowledged), then stops. */
  async close(): Promise<void> {
    this.running = false;
    this.stopSignal.abort();
    await this.stopConsuming?.();
    await this.loop;
    this.options.state.status = 'stopped';
  }

  /** Ends the current delivery; the loop starts again from the checkpoint (and the lease). */
  async restart(): Promise<void> {
    await this.stopConsuming?.();
  }

  on(): never {
    throw new Error('JetStreamServer emits no events');
  }

  unwrap<T>(): T {
    return this.options.connection as T;
  }

  private async run(): Promise<void> {
    await Promise.race([this.options.connection.ready(), abortion(this.stopSignal.signal)]);
    let attempt = 0;
    while (this.running) {
      try {
        const consumer = await this.prepareConsumer();
        attempt = 0;
        await this.consume(consumer);
      } catch (error) {
        if (!this.running) break;
        this.options.state.markStalled(error);
        this.logger.error(`consumer ${this.options.durableName}: ${(error as Error).message}`);
        await this.backoff(attempt++);
      }
    }
  }

  /**
   * (Re)creates the durable consumer to deliver from just after what was applied. Whatever
   * it had delivered before (to a process that died, or across a lost connection) would
   * otherwise come back only after ack_wait, behind newer messages, and be skipped as
   * already applied: starting from the checkpoint keeps delivery in log order.
   */
  private async prepareConsumer(): Promise<Consumer> {
    const { connection, durableName, filterSubject, maxBatch } = this.options;
    const jsm = connection.jetStreamManager();
    const stream = connection.streamName;
    await this.options.acquireLease?.();
    const resumeAfter = await this.options.resumeAfter();
    if (await jsm.consumers.info(stream, durableName).catch(ignoreNotFound)) {
      await jsm.consumers.delete(stream, durableName);
    }
    await jsm.consumers.add(stream, {
      durable_name: durableName,
      filter_subject: filterSubject,
      ack_policy: AckPolicy.All,
      ack_wait: nanos(this.options.ackWaitMs ?? 60_000),
      max_ack_pending: maxBatch * 4,
      ...(resumeAfter > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: resumeAfter + 1 }
        : { deliver_policy: DeliverPolicy.All }),
    });
    return connection.jetStream().consumers.get(stream, durableName);
  }

  private async consume(consumer: Consumer): Promise<void> {
    const messages = await consumer.consume({
      max_messages: this.options.maxBatch * 2,
      expires: PULL_EXPIRES_MS,
      idle_heartbeat: IDLE_HEARTBEAT_MS,
    });
    const buffer: JsMsg[] = [];
    let ended = false;
    let gap: string | null = null;
    // The server holding the consumer may die (a cluster node) or the consumer may vanish:
    // then stop, and start again from the checkpoint on whatever server now leads it.
    void (async () => {
      for await (const status of messages.status()) {
        const lost =
          (status.type === 'heartbeats_missed' && status.count >= MISSED_HEARTBEATS_TOLERATED) ||
          status.type === 'consumer_not_found' ||
          status.type === 'consumer_deleted' ||
          status.type === 'stream_not_found';
        if (lost) {
          gap = `the consumer stopped answering (${status.type})`;
          await messages.close();
          return;
        }
      }
    })();
    let wake = () => {};
    const pump = (async () => {
      let lastDelivery = 0;
      try {
        for await (const message of messages) {
          // A skipped delivery number means a message was lost in transit; taking the ones
          // after it would acknowledge it unapplied (ack policy "all").
          const delivery = message.info.deliverySequence;
          if (lastDelivery > 0 && delivery !== lastDelivery + 1) {
            gap = `delivery ${lastDelivery + 1} never arrived`;
            break;
          }
          lastDelivery = delivery;
          buffer.push(message);
          wake();
        }
      } finally {
        ended = true;
        wake();
      }
    })();
    this.stopConsuming = async () => {
      await messages.close();
      wake();
    };
    this.options.state.markLive();
    while (this.running) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (buffer.length > 0 || ended || !this.running) resolve();
      });
      if (buffer.length === 0) {
        if (ended) break;
        continue;
      }
      const batch = buffer.splice(0, this.options.maxBatch);
      const delivered = await this.deliver(batch, buffer);
      if (!delivered) break;
      batch[batch.length - 1].ack();
    }
    await messages.close();
    await pump;
    if (this.running) {
      throw new Error(`${gap ?? 'the consumer stopped delivering'}; resuming from the checkpoint`);
    }
  }

  /** Hands each run of messages that share a handler to it; false if stopped before done. */
  private async deliver(batch: JsMsg[], waiting: JsMsg[]): Promise<boolean> {
    for (const run of this.runsByHandler(batch)) {
      if (!run.handler) continue;
      const payload = run.messages.map(toReceivedMessage);
      const context = new JetStreamContext([this.options.durableName, run.pattern]);
      const done = await this.invokeUntilDone(run.handler, payload, context, [
        ...batch,
        ...waiting,
      ]);
      if (!done) return false;
    }
    return true;
  }

  private async invokeUntilDone(
    handler: MessageHandler,
    payload: ReceivedMessage[],
    context: JetStreamContext,
    held: JsMsg[],
  ): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result: unknown = await handler(payload, context);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        if (attempt > 0) this.logger.log(`consumer ${this.options.durableName} recovered`);
        this.options.state.markLive();
        return true;
      } catch (error) {
        this.options.state.markStalled(error);
        this.logger.error(
          `handling ${payload.length} messages from sequence ${payload[0].sequence} failed ` +
            `(attempt ${attempt + 1}): ${(error as Error).message}`,
        );
        if (!this.running) return false;
        held.forEach((message) => message.working());
        await this.backoff(attempt);
        if (!this.running) return false;
      }
    }
  }

  private runsByHandler(batch: JsMsg[]) {
    const runs: Array<{ pattern: string; handler: MessageHandler | null; messages: JsMsg[] }> = [];
    for (const message of batch) {
      const [pattern, handler] = this.handlerFor(message.subject);
      const last = runs[runs.length - 1];
      if (last && last.pattern === pattern) last.messages.push(message);
      else runs.push({ pattern, handler, messages: [message] });
    }
    return runs;
  }

  private handlerFor(subject: string): [string, MessageHandler | null] {
    const prefix = `${this.options.subjectPrefix}.`;
    const relative = subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
    for (const [pattern, handler] of this.messageHandlers) {
      if (subjectMatches(pattern, relative)) return [pattern, handler];
    }
    return ['', null];
  }

  private backoff(attempt: number): Promise<void> {
    const ms = Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** Math.min(attempt, 10));
    const signal = this.stopSignal.signal;
    return new Promise((resolve) => {
      const wakeUp = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wakeUp);
        resolve();
      };
      const timer = setTimeout(wakeUp, ms);
      signal.addEventListener('abort', wakeUp, { once: true });
    });
  }
}

function ignoreNotFound(error: unknown): null {
  if (error instanceof JetStreamApiError && error.code === CONSUMER_NOT_FOUND) return null;
  throw error;
}

function abortion(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
}
