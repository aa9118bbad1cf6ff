import { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { LogUnavailableError } from '../connection';

/** The earliest message on a subject (a development's first event), or null if none. */
export function readFirstMessage(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<StoredMsg | null> {
  return readNextMessage(jsm, stream, subject, 0);
}

/** The first message on a subject at or after sequence `from`, or null if none. */
export async function readNextMessage(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
  from: number,
): Promise<StoredMsg | null> {
  // STREAM.MSG.GET accepts next_by_subj since server 2.9; the client's type only lists the others.
  const query = { seq: from, next_by_subj: subject } as unknown as { seq: number };
  try {
    // The client answers JetStreamApiCodes.NoMessageFound with null.
    return await jsm.streams.getMessage(stream, query);
  } catch (error) {
    throw new LogUnavailableError(`cannot read ${subject}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
