import {
  JetStreamApiCodes,
  JetStreamApiError,
  JetStreamManager,
  StoredMsg,
} from '@nats-io/jetstream';
import { LogUnavailableError } from '../connection';

/** The latest message on a subject (an actor's latest identity event), or null if none. */
export async function readLastMessage(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<StoredMsg | null> {
  try {
    return await jsm.streams.getMessage(stream, { last_by_subj: subject });
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.NoMessageFound) {
      return null;
    }
    throw new LogUnavailableError(`cannot read ${subject}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
