import { JetStreamApiCodes, PubHeaders } from '@nats-io/jetstream';
import { errors, headers as natsHeaders } from '@nats-io/transport-node';
import { isJetStreamApiError, LogUnavailableError } from '../connection';
import { StreamPublisher } from './stream-publisher';

export interface AppendOptions {
  /** Nats-Msg-Id, for the stream's duplicate window. */
  messageId: string;
  /** Nats-Expected-Last-Subject-Sequence: 0 means "the subject must be empty". */
  expectedLastSubjectSequence: number;
  headers: Record<string, string>;
  timeoutMs: number;
}

export type AppendResult =
  | { appended: true; sequence: number; duplicate: boolean }
  | { appended: false; reason: 'wrong_expected_sequence' };

/**
 * Appends one message and waits for the PubAck. Throws LogUnavailableError when the log
 * could not confirm the write, so callers never report an unconfirmed write as stored.
 */
export async function appendToStream(
  publisher: StreamPublisher,
  subject: string,
  payload: Uint8Array,
  options: AppendOptions,
): Promise<AppendResult> {
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);
  headers.set(PubHeaders.MsgIdHdr, options.messageId);
  headers.set(
    PubHeaders.ExpectedLastSubjectSequenceHdr,
    String(options.expectedLastSubjectSequence),
  );
  try {
    const ack = await publisher.publish(subject, payload, {
      headers,
      timeoutMs: options.timeoutMs,
    });
    return { appended: true, sequence: ack.seq, duplicate: ack.duplicate };
  } catch (error) {
    if (isJetStreamApiError(error, JetStreamApiCodes.StreamWrongLastSequence)) {
      return { appended: false, reason: 'wrong_expected_sequence' };
    }
    throw new LogUnavailableError(describePublishFailure(error), {
      cause: error,
      // Sent but not confirmed: the log may hold it.
      outcomeUnknown:
        error instanceof errors.TimeoutError || error instanceof errors.ClosedConnectionError,
    });
  }
}

function describePublishFailure(error: unknown): string {
  if (error instanceof errors.NoRespondersError) return 'no stream is listening on that subject';
  if (error instanceof errors.TimeoutError) return 'the log did not acknowledge in time';
  return `publish failed: ${(error as Error).message}`;
}
