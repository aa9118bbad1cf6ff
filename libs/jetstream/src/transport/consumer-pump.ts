import { setTimeout as delay } from 'node:timers/promises';
import type { JsMsg } from '@nats-io/jetstream';
import type { LoggerService } from '@nestjs/common';
import { backoffDelay } from '@app/retry';
import { ConsumerState } from './consumer-state';
import { Delivery } from './delivery';
import { deliveryOf, INITIAL_PUMP_STATE, nextPumpState, PumpEvent, PumpState } from './pump-state';

const RETRY_BACKOFF = { initialMs: 100, maxMs: 10_000 };
const RESTARTED = 'the consumer was restarted';

export interface ConsumerPumpOptions {
  /** The consumer, as logs name it. */
  name: string;
  /** The most messages handed over at once. */
  maxBatch: number;
  /** Messages of different routes never share a batch. */
  routeOf: (message: JsMsg) => string;
  /** Recreates the durable consumer from the checkpoint and starts its delivery. */
  openDelivery: (signal: AbortSignal) => Promise<Delivery>;
  /** Applies a batch; it is acknowledged once this resolves, and tried again while it rejects. */
  handle: (batch: JsMsg[]) => Promise<void>;
  consumerState: ConsumerState;
  logger: LoggerService;
}

/**
 * Moves messages from a durable consumer to their handler one batch at a time, in log order.
 * What each state does is here; which state comes next is `nextPumpState`'s decision.
 */
export class ConsumerPump {
  private state: PumpState = INITIAL_PUMP_STATE;
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();
  /** Asked while a consumer is being opened: it may stem from a lease that is gone already. */
  private restartRequested = false;

  constructor(private readonly options: ConsumerPumpOptions) {}

  start(): void {
    this.running = this.run();
  }

  /** Lets the batch in hand finish (and be acknowledged), then stops. */
  async stop(): Promise<void> {
    this.stopping.abort();
    deliveryOf(this.state)?.end('the consumer is stopping');
    await this.running;
  }

  /** Ends the current delivery: the consumer is recreated from the checkpoint. */
  restart(): void {
    const delivery = deliveryOf(this.state);
    if (delivery) delivery.end(RESTARTED);
    else this.restartRequested = true;
  }

  private async run(): Promise<void> {
    while (this.state.name !== 'stopped') {
      const state = this.state;
      const event = await this.perform(state);
      this.report(state, event);
      this.state = nextPumpState(state, event);
      const left = deliveryOf(state);
      if (left && left !== deliveryOf(this.state)) await left.close();
    }
  }

  private perform(state: Exclude<PumpState, { name: 'stopped' }>): Promise<PumpEvent> {
    switch (state.name) {
      case 'recreating-consumer':
        return this.recreateConsumer();
      case 'fetching':
        return this.fetch(state.delivery);
      case 'handling':
        return this.handle(state.batch, state.delivery);
      case 'backing-off':
        return this.backOff(state);
    }
  }

  private async recreateConsumer(): Promise<PumpEvent> {
    this.restartRequested = false;
    try {
      const delivery = await this.options.openDelivery(this.stopSignal);
      if (this.restartRequested) delivery.end(RESTARTED);
      return { type: 'consumer-ready', delivery };
    } catch (error) {
      if (this.stopSignal.aborted) return { type: 'stop-requested' };
      return { type: 'consumer-failed', error };
    }
  }

  private async fetch(delivery: Delivery): Promise<PumpEvent> {
    const { maxBatch, routeOf } = this.options;
    const batch = this.stopSignal.aborted ? null : await delivery.nextBatch(maxBatch, routeOf);
    if (batch) return { type: 'batch-fetched', batch };
    if (this.stopSignal.aborted) return { type: 'stop-requested' };
    return { type: 'delivery-ended', reason: delivery.endReason };
  }

  private async handle(batch: JsMsg[], delivery: Delivery): Promise<PumpEvent> {
    try {
      await this.options.handle(batch);
    } catch (error) {
      // Held while the batch is retried: ack_wait must not send them to anyone again.
      for (const message of [...batch, ...delivery.waiting]) message.working();
      return { type: 'handling-failed', error };
    }
    batch[batch.length - 1].ack();
    return { type: 'batch-handled' };
  }

  private async backOff({
    attempt,
    then,
  }: Extract<PumpState, { name: 'backing-off' }>): Promise<PumpEvent> {
    // A batch waiting for another try belongs to its delivery, which a stop or restart ends.
    const retried = then.name === 'handling' ? then.delivery : undefined;
    const signal = retried?.ended ?? this.stopSignal;
    // An aborted signal cuts the pause short (a rejection): what follows checks why.
    await delay(backoffDelay(attempt, RETRY_BACKOFF), undefined, { signal }).catch(() => undefined);
    if (this.stopSignal.aborted) return { type: 'stop-requested' };
    if (retried?.ended.aborted) return { type: 'delivery-ended', reason: retried.endReason };
    return { type: 'backed-off' };
  }

  private report(state: PumpState, event: PumpEvent): void {
    const { name, consumerState: consumer, logger } = this.options;
    switch (event.type) {
      case 'consumer-ready':
        consumer.markLive();
        break;
      case 'consumer-failed':
        consumer.markStalled(event.error);
        logger.error(`consumer ${name}: ${messageOf(event.error)}`);
        break;
      case 'delivery-ended':
        if (event.reason === RESTARTED) {
          // Asked for, as when the lease is lost: a standby is healthy while it waits.
          consumer.markStarting();
          logger.log(`consumer ${name}: ${event.reason}; resuming from the checkpoint`);
        } else {
          consumer.markStalled(new Error(`${event.reason}; resuming from the checkpoint`));
          logger.error(`consumer ${name}: ${event.reason}; resuming from the checkpoint`);
        }
        break;
      case 'batch-handled':
        if (state.name === 'handling' && state.failures > 0) {
          logger.log(`consumer ${name} recovered`);
        }
        consumer.markLive();
        break;
      case 'handling-failed':
        consumer.markStalled(event.error);
        if (state.name === 'handling') {
          logger.error(
            `handling ${state.batch.length} messages from sequence ${state.batch[0].seq} failed ` +
              `(attempt ${state.failures + 1}): ${messageOf(event.error)}`,
          );
        }
        break;
    }
  }

  private get stopSignal(): AbortSignal {
    return this.stopping.signal;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
