import { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { LogUnavailableError } from '../connection';

/** The latest message on a subject (an actor's latest identity event), or null if none. */
export async function readLastMessage(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<StoredMsg | null> {
  try {
    // The client answers JetStreamApiCodes.NoMessageFound with null.
    return await jsm.streams.getMessage(stream, { last_by_subj: subject });
  } catch (error) {
    throw new LogUnavailableError(`cannot read ${subject}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
