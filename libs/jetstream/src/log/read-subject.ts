import { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { readNextMessage } from './read-first-message';

/**
 * Every message on one subject, in log order: a development's own events. One request per
 * message, which suits subjects that hold a handful.
 */
export async function readSubject(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<StoredMsg[]> {
  const messages: StoredMsg[] = [];
  for (let after = 0; ;) {
    const message = await readNextMessage(jsm, stream, subject, after + 1);
    if (!message) return messages;
    messages.push(message);
    after = message.seq;
  }
}
