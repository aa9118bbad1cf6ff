import { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { decodeEvent, developmentSubjects } from '@app/contracts';
import { NatsConnection } from '@app/jetstream';
import { ProjectedEvent } from '@app/read-model';

/**
 * Reads the development events of the log from sequence 1 with an ordered consumer (no
 * acks, no server-side state to clean up), in batches, telling when it has reached the end.
 */
export class LogReplay {
  private constructor(
    private readonly messages: ConsumerMessages,
    private readonly iterator: AsyncIterator<JsMsg>,
    readonly pendingAtStart: number,
  ) {}

  static async open(connection: NatsConnection, subjectPrefix: string): Promise<LogReplay> {
    const consumer = await connection.jetStream().consumers.get(connection.streamName, {
      filter_subjects: developmentSubjects(subjectPrefix),
    });
    const { num_pending } = await consumer.info(true);
    const messages = await consumer.consume({ max_messages: 2000 });
    return new LogReplay(messages, messages[Symbol.asyncIterator](), num_pending);
  }

  /** Up to `size` events, and how many more the log held when the last one was read. */
  async next(size: number): Promise<{ events: ProjectedEvent[]; pending: number }> {
    const events: ProjectedEvent[] = [];
    for (;;) {
      const read: IteratorResult<JsMsg> = await this.iterator.next();
      if (read.done) throw new Error('the log replay ended before reaching the end of the log');
      const message = read.value;
      events.push({ sequence: message.seq, event: decodeEvent(message.data) });
      const pending = message.info.pending;
      if (pending === 0 || events.length >= size) return { events, pending };
    }
  }

  /** Events up to and including `sequence`, which must already be in the log. */
  async until(sequence: number, after: number): Promise<ProjectedEvent[]> {
    const events: ProjectedEvent[] = [];
    let last = after;
    while (last < sequence) {
      const batch = await this.next(sequence - last);
      events.push(...batch.events);
      last = batch.events[batch.events.length - 1].sequence;
    }
    return events;
  }

  async close(): Promise<void> {
    await this.messages.close();
  }
}
