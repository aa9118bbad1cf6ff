import { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { streamSubjects } from '@app/contracts';
import { NatsConnection, ReceivedMessage, toReceivedMessage } from '@app/jetstream';

/**
 * Reads the events of the log from sequence 1 with an ordered consumer (no
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
      filter_subjects: streamSubjects(subjectPrefix),
    });
    const { num_pending } = await consumer.info(true);
    const messages = await consumer.consume({ max_messages: 2000 });
    return new LogReplay(messages, messages[Symbol.asyncIterator](), num_pending);
  }

  /** Up to `size` messages, and how many more the log held when the last one was read. */
  async next(size: number): Promise<{ messages: ReceivedMessage[]; pending: number }> {
    const messages: ReceivedMessage[] = [];
    for (;;) {
      const read: IteratorResult<JsMsg> = await this.iterator.next();
      if (read.done) throw new Error('the log replay ended before reaching the end of the log');
      messages.push(toReceivedMessage(read.value));
      const { pending } = read.value.info;
      if (pending === 0 || messages.length >= size) return { messages, pending };
    }
  }

  /** Messages up to and including `sequence`, which must already be in the log. */
  async until(sequence: number, after: number): Promise<ReceivedMessage[]> {
    const messages: ReceivedMessage[] = [];
    let last = after;
    while (last < sequence) {
      const batch = await this.next(sequence - last);
      messages.push(...batch.messages);
      last = batch.messages[batch.messages.length - 1].sequence;
    }
    return messages;
  }

  async close(): Promise<void> {
    await this.messages.close();
  }
}
