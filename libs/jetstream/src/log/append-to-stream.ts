import { JetStreamApiError, JetStreamClient } from '@nats-io/jetstream';
import { errors, headers as natsHeaders } from '@nats-io/transport-node';
import { LogUnavailableError } from '../connection';

const WRONG_LAST_SEQUENCE = 10071;

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
  js: JetStreamClient,
  subject: string,
  payload: Uint8Array,
  options: AppendOptions,
): Promise<AppendResult> {
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);
  try {
    const ack = await js.publish(subject, payload, {
      msgID: options.messageId,
      expect: { lastSubjectSequence: options.expectedLastSubjectSequence },
      headers,
      timeout: options.timeoutMs,
    });
    return { appended: true, sequence: ack.seq, duplicate: ack.duplicate };
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === WRONG_LAST_SEQUENCE) {
      return { appended: false, reason: 'wrong_expected_sequence' };
    }
    throw new LogUnavailableError(describePublishFailure(error), {
      cause: error,
      outcomeUnknown: error instanceof errors.TimeoutError,
    });
  }
}

function describePublishFailure(error: unknown): string {
  if (error instanceof errors.NoRespondersError) return 'no stream is listening on that subject';
  if (error instanceof errors.TimeoutError) return 'the log did not acknowledge in time';
  return `publish failed: ${(error as Error).message}`;
}
