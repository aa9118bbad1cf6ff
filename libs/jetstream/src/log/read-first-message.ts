import { JetStreamApiError, JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { LogUnavailableError } from '../connection';

const NO_MESSAGE_FOUND = 10037;

/** The earliest message on a subject (a development's first event), or null if none. */
export async function readFirstMessage(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<StoredMsg | null> {
  try {
    // STREAM.MSG.GET accepts next_by_subj since server 2.9; the client's type only lists the others.
    const query = { seq: 0, next_by_subj: subject } as unknown as { seq: number };
    return await jsm.streams.getMessage(stream, query);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === NO_MESSAGE_FOUND) return null;
    throw new LogUnavailableError(`cannot read ${subject}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
