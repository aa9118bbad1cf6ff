import type { Consumer, ConsumerMessages, ConsumerNotification, JsMsg } from '@nats-io/jetstream';

/** Pull requests expire and heartbeats come this often, so a dead server is noticed in ~2 s. */
const PULL_EXPIRES_MS = 4000;
const IDLE_HEARTBEAT_MS = 1000;
const MISSED_HEARTBEATS_TOLERATED = 2;

/**
 * One durable consumer's flow of messages, buffered in delivery order until it ends. It ends
 * when a delivery number is skipped (a message lost in transit: taking the ones after it
 * would acknowledge it unapplied, with ack policy "all"), when the consumer stops answering
 * (its server died, or it vanished), or when it is ended on purpose. Messages still buffered
 * then are left to the next consumer, which delivers them again from the checkpoint.
 */
export class Delivery {
  private readonly buffered: JsMsg[] = [];
  private readonly ending = new AbortController();
  private lastDeliverySequence = 0;
  private messages?: ConsumerMessages;
  private closed: Promise<unknown> = Promise.resolve();
  private wakeUp: () => void = () => {};

  /** Starts pulling from `consumer`, at most `maxMessages` per pull request. */
  static async start(consumer: Consumer, maxMessages: number): Promise<Delivery> {
    const delivery = new Delivery();
    delivery.messages = await consumer.consume({
      max_messages: maxMessages,
      expires: PULL_EXPIRES_MS,
      idle_heartbeat: IDLE_HEARTBEAT_MS,
      callback: (message) => delivery.receive(message),
    });
    void delivery.watch(delivery.messages.status());
    if (delivery.ended.aborted) delivery.closed = delivery.messages.close();
    return delivery;
  }

  /** Aborted once the delivery has ended. */
  get ended(): AbortSignal {
    return this.ending.signal;
  }

  get endReason(): string {
    return String(this.ending.signal.reason);
  }

  /** Messages received and not handed out yet. */
  get waiting(): readonly JsMsg[] {
    return this.buffered;
  }

  receive(message: JsMsg): void {
    if (this.ended.aborted) return;
    const expected = this.lastDeliverySequence + 1;
    if (this.lastDeliverySequence > 0 && message.info.deliverySequence !== expected) {
      return this.end(`delivery ${expected} never arrived`);
    }
    this.lastDeliverySequence = message.info.deliverySequence;
    this.buffered.push(message);
    this.wakeUp();
  }

  end(reason: string): void {
    if (this.ended.aborted) return;
    this.ending.abort(reason);
    if (this.messages) this.closed = this.messages.close();
    this.wakeUp();
  }

  /** Ends the delivery if it has not ended, and resolves once no message can arrive. */
  async close(): Promise<void> {
    this.end('closed');
    await this.closed;
  }

  /**
   * The next batch, waiting for a message if none is buffered: the buffered messages that
   * share the first one's route, at most `max`. Null once the delivery has ended.
   */
  async nextBatch(max: number, routeOf: (message: JsMsg) => string): Promise<JsMsg[] | null> {
    while (this.buffered.length === 0 && !this.ended.aborted) {
      await new Promise<void>((resolve) => (this.wakeUp = resolve));
    }
    if (this.ended.aborted) return null;
    const route = routeOf(this.buffered[0]);
    let size = 1;
    while (size < max && size < this.buffered.length && routeOf(this.buffered[size]) === route) {
      size++;
    }
    return this.buffered.splice(0, size);
  }

  private async watch(notifications: AsyncIterable<ConsumerNotification>): Promise<void> {
    for await (const notification of notifications) {
      if (consumerIsGone(notification)) {
        return this.end(`the consumer stopped answering (${notification.type})`);
      }
    }
  }
}

/** Whether a notification means the consumer will deliver nothing more. */
export function consumerIsGone(notification: ConsumerNotification): boolean {
  switch (notification.type) {
    case 'heartbeats_missed':
      return notification.count >= MISSED_HEARTBEATS_TOLERATED;
    case 'consumer_not_found':
    case 'consumer_deleted':
    case 'stream_not_found':
      return true;
    default:
      return false;
  }
}
