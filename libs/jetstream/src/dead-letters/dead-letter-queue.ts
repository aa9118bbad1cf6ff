import { JetStreamApiCodes, StorageType } from '@nats-io/jetstream';
import { isJetStreamApiError, NatsConnection } from '../connection';
import { appendToStream } from '../log/append-to-stream';
import { readFirstMessage } from '../log/read-first-message';
import type { ReceivedMessage } from '../transport/received-message';

export const DEAD_LETTER_HEADERS = {
  reason: 'Newsline-Dead-Letter-Reason',
  sequence: 'Newsline-Original-Sequence',
  subject: 'Newsline-Original-Subject',
} as const;

/** A log message no consumer could use, as the dead-letter stream keeps it. */
export interface DeadLetter extends ReceivedMessage {
  reason: string;
}

/** Names of a deployment's dead-letter stream, beside its log and never overlapping it. */
export function deadLetterNames(streamName: string, subjectPrefix: string) {
  return {
    stream: `${streamName}_DEAD_LETTERS`,
    subjects: `${subjectPrefix}-dead-letters.>`,
    subjectFor: (sequence: number) => `${subjectPrefix}-dead-letters.${sequence}`,
  };
}

/**
 * Copies of log messages that cannot be applied, each with the reason, on a subject named by
 * the message's sequence: a message is dead-lettered at most once, however often it is met
 * (after a restart, in a rebuild), and the log itself is never touched.
 */
export class DeadLetterQueue {
  private readonly names: ReturnType<typeof deadLetterNames>;
  private ensured = false;

  constructor(
    private readonly connection: NatsConnection,
    subjectPrefix: string,
    private readonly timeoutMs = 5000,
  ) {
    this.names = deadLetterNames(connection.streamName, subjectPrefix);
  }

  get streamName(): string {
    return this.names.stream;
  }

  async contains(sequence: number): Promise<boolean> {
    await this.ensure();
    const found = await readFirstMessage(
      this.connection.jetStreamManager(),
      this.names.stream,
      this.names.subjectFor(sequence),
    );
    return found !== null;
  }

  /** The log sequences of every message set aside. */
  async sequences(): Promise<Set<number>> {
    try {
      const info = await this.connection
        .jetStreamManager()
        .streams.info(this.names.stream, { subjects_filter: this.names.subjects });
      const prefix = this.names.subjectFor(0).slice(0, -1);
      return new Set(
        Object.keys(info.state.subjects ?? {}).map((subject) =>
          Number(subject.slice(prefix.length)),
        ),
      );
    } catch (error) {
      if (isJetStreamApiError(error, JetStreamApiCodes.StreamNotFound)) return new Set();
      throw error;
    }
  }

  /** Stores the dead letter unless it already is stored. */
  async add(letter: DeadLetter): Promise<void> {
    await this.ensure();
    await appendToStream(
      this.connection.publisher(),
      this.names.subjectFor(letter.sequence),
      letter.data,
      {
        messageId: `dead-letter-${letter.sequence}`,
        expectedLastSubjectSequence: 0,
        headers: {
          [DEAD_LETTER_HEADERS.reason]: headerValue(letter.reason),
          [DEAD_LETTER_HEADERS.sequence]: String(letter.sequence),
          [DEAD_LETTER_HEADERS.subject]: letter.subject,
        },
        timeoutMs: this.timeoutMs,
      },
    );
  }

  /** How many messages have been dead-lettered. */
  async count(): Promise<number> {
    try {
      const info = await this.connection.jetStreamManager().streams.info(this.names.stream);
      return info.state.messages;
    } catch (error) {
      if (isJetStreamApiError(error, JetStreamApiCodes.StreamNotFound)) return 0;
      throw error;
    }
  }

  private async ensure(): Promise<void> {
    if (this.ensured) return;
    const jsm = this.connection.jetStreamManager();
    try {
      await jsm.streams.info(this.names.stream);
    } catch (error) {
      if (!isJetStreamApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
      await jsm.streams
        .add({
          name: this.names.stream,
          subjects: [this.names.subjects],
          storage: StorageType.File,
          deny_delete: false,
          deny_purge: false,
        })
        // Another process may have created it in the meantime: then it is there.
        .catch((addError: unknown) =>
          jsm.streams.info(this.names.stream).catch(() => {
            throw addError;
          }),
        );
    }
    this.ensured = true;
  }
}

/** Header values are one line of printable text. */
function headerValue(text: string): string {
  return text
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim()
    .slice(0, 2000);
}
