import { JsMsg } from '@nats-io/jetstream';
import { CustomTransportStrategy, ReadPacket, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { NatsConnection } from '../connection';
import type { DeadLetter } from '../dead-letters';
import { ConsumerPump } from './consumer-pump';
import { ConsumerState } from './consumer-state';
import { Delivery } from './delivery';
import { recreateDurableConsumer } from './durable-consumer';
import { JetStreamContext } from './jetstream.context';
import { ReceivedMessage, toReceivedMessage } from './received-message';
import { subjectMatches } from './subject-pattern';

export const JETSTREAM_TRANSPORT = Symbol('JETSTREAM_TRANSPORT');

const DEFAULT_ACK_WAIT_MS = 60_000;

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
  acquireLease?: (signal: AbortSignal) => Promise<void>;
  /** Keeps a message that no handler takes (the dead-letter stream) before it is acknowledged. */
  setAside: (letter: DeadLetter) => Promise<void>;
  state: ConsumerState;
  ackWaitMs?: number;
}

/**
 * Nest transport strategy over a durable JetStream pull consumer.
 *
 * Handlers registered with `@EventPattern('<subject pattern below the prefix>', JETSTREAM_TRANSPORT)`
 * receive batches (`ReceivedMessage[]`) in log order, through Nest's `handleEvent` (guards,
 * interceptors and exception filters apply): whatever arrived while the previous batch was
 * being handled, up to `maxBatch` messages of one pattern. A batch is acknowledged only after
 * its handler has finished; a failing handler is retried in place with backoff (the consumer
 * is reported stalled), so order is never lost to redelivery. A message that no pattern
 * matches is logged as an error, set aside as a dead letter, then acknowledged.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  override readonly transportId = JETSTREAM_TRANSPORT;
  /** `handleEvent` awaits the handler: its failure reaches the pump, which retries the batch. */
  override readonly propagatesEventHandlerErrors = true;
  private readonly pump: ConsumerPump;

  constructor(private readonly options: JetStreamServerOptions) {
    super();
    this.pump = new ConsumerPump({
      name: options.durableName,
      maxBatch: options.maxBatch,
      routeOf: (message) => this.patternFor(message.subject),
      openDelivery: (signal) => this.openDelivery(signal),
      handle: (batch) => this.handleBatch(batch),
      consumerState: options.state,
      logger: this.logger,
    });
  }

  listen(callback: () => void): void {
    this.pump.start();
    callback();
  }

  /** Lets the batch in hand finish (and be acknowledged), then stops. */
  async close(): Promise<void> {
    await this.pump.stop();
    this.options.state.status = 'stopped';
  }

  /** Ends the current delivery; consuming starts again from the checkpoint (and the lease). */
  restart(): void {
    this.pump.restart();
  }

  on(): never {
    throw new Error('JetStreamServer emits no events');
  }

  unwrap<T>(): T {
    return this.options.connection as T;
  }

  /**
   * Runs the handler of `pattern` as every Nest transport does, but settles when the handler
   * has: as in ServerKafka, the batch is acknowledged only once it is applied, and a failure
   * is retried. Messages of a pattern with no handler are set aside.
   */
  override handleEvent(
    pattern: string,
    packet: ReadPacket<ReceivedMessage[]>,
    context: JetStreamContext,
  ): Promise<void> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) return this.setAsideUnhandled(packet.data);
    // The hooks give nothing to await (a start hook decides when the handler runs): the
    // outcome is passed out from inside.
    return new Promise((resolve, reject: (failure: Error) => void) => {
      this.runWithProcessingHooks(context, async (runEndHook) => {
        try {
          const result: unknown = await handler(packet.data, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
          resolve();
        } catch (error) {
          reject(error as Error);
        } finally {
          runEndHook();
        }
      });
    });
  }

  private async handleBatch(batch: JsMsg[]): Promise<void> {
    const pattern = this.patternFor(batch[0].subject);
    const context = new JetStreamContext([this.options.durableName, pattern]);
    await this.handleEvent(pattern, { pattern, data: batch.map(toReceivedMessage) }, context);
  }

  /** The first handler pattern the subject (below the prefix) matches, or that subject. */
  private patternFor(subject: string): string {
    const prefix = `${this.options.subjectPrefix}.`;
    const relative = subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
    for (const pattern of this.messageHandlers.keys()) {
      if (subjectMatches(pattern, relative)) return pattern;
    }
    return relative;
  }

  private async setAsideUnhandled(messages: ReceivedMessage[]): Promise<void> {
    for (const message of messages) {
      const reason = `no handler for subject ${message.subject}`;
      this.logger.error(
        `consumer ${this.options.durableName}: ${reason} (sequence ${message.sequence}); ` +
          'setting it aside as a dead letter',
      );
      await this.options.setAside({ ...message, reason });
    }
  }

  private async openDelivery(signal: AbortSignal): Promise<Delivery> {
    const { connection, durableName, filterSubject, maxBatch } = this.options;
    await connection.ready(signal);
    await this.options.acquireLease?.(signal);
    const resumeAfter = await this.options.resumeAfter();
    const consumer = await recreateDurableConsumer(
      connection,
      {
        durableName,
        filterSubject,
        maxAckPending: maxBatch * 4,
        ackWaitMs: this.options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
      },
      resumeAfter,
    );
    return Delivery.start(consumer, maxBatch * 2);
  }
}
