import { Inject, Injectable } from '@nestjs/common';
import {
  developmentSubject,
  EVENT_HEADERS,
  EventEnvelope,
  newsEventRecorded,
  NewsEventRecordedData,
} from '@app/contracts';
import {
  appendToStream,
  LogUnavailableError,
  NatsConnection,
  PublishCoalescer,
  readFirstMessage,
} from '@app/jetstream';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { IngestMetrics } from './ingest.metrics';

export interface RecordingOutcome {
  developmentId: string;
  eventId: string;
  sequence: number;
  duplicate: boolean;
}

export interface RecordingContext {
  correlationId?: string;
}

const encoder = new TextEncoder();

/** How many publish timeouts to wait for the log to come back after a lost acknowledgement. */
const LOST_ACKNOWLEDGEMENT_WAIT = 3;

/**
 * Appends NewsEventRecorded to the development's own subject, which must be empty: the log
 * itself refuses a second recording of the same key, however late, and we answer with the
 * original event.
 */
@Injectable()
export class DevelopmentRecorder {
  private readonly coalescer = new PublishCoalescer();

  constructor(
    @Inject(NatsConnection) private readonly connection: NatsConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  async record(data: NewsEventRecordedData, context: RecordingContext): Promise<RecordingOutcome> {
    const event = newsEventRecorded(data, { correlationId: context.correlationId });
    const subject = developmentSubject(this.config.SUBJECT_PREFIX, data.developmentId);
    try {
      const payload = encoder.encode(JSON.stringify(event));
      const result = await this.metrics.timePublish(() =>
        this.coalescer.schedule(() =>
          appendToStream(this.connection.jetStream(), subject, payload, {
            messageId: event.eventId,
            expectedLastSubjectSequence: 0,
            headers: {
              [EVENT_HEADERS.type]: event.type,
              [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
              [EVENT_HEADERS.correlationId]: event.correlationId,
            },
            timeoutMs: this.config.PUBLISH_TIMEOUT_MS,
          }),
        ),
      );
      if (result.appended) {
        const { developmentId } = data;
        return {
          developmentId,
          eventId: event.eventId,
          sequence: result.sequence,
          duplicate: false,
        };
      }
    } catch (error) {
      if (!(error instanceof LogUnavailableError) || !error.outcomeUnknown) throw error;
      const stored = await this.lookUpAfterLostAcknowledgement(subject, data.developmentId);
      if (!stored)
        throw new LogUnavailableError('the log did not acknowledge; nothing was recorded');
      return { ...stored, duplicate: stored.eventId !== event.eventId };
    }
    const original = await this.firstRecording(subject, data.developmentId);
    if (!original) throw new LogUnavailableError(`${subject} was refused as taken but is empty`);
    return original;
  }

  /**
   * The write may have been stored although its acknowledgement was lost, or may still sit
   * in the client's buffer if the connection dropped. Once connected again, the client
   * sends what it buffered before anything new, so a look-up made then sees the write if
   * it will ever be stored. Throws (outcome unknown) if the log does not come back in time.
   */
  private async lookUpAfterLostAcknowledgement(
    subject: string,
    developmentId: string,
  ): Promise<RecordingOutcome | null> {
    const reconnected = await Promise.race([
      this.connection.ready().then(() => true),
      new Promise<false>((resolve) =>
        setTimeout(
          () => resolve(false),
          LOST_ACKNOWLEDGEMENT_WAIT * this.config.PUBLISH_TIMEOUT_MS,
        ),
      ),
    ]);
    if (!reconnected) {
      throw new LogUnavailableError('the log did not acknowledge and is still unreachable', {
        outcomeUnknown: true,
      });
    }
    return this.firstRecording(subject, developmentId);
  }

  /** The development's NewsEventRecorded as the log holds it, or null if there is none. */
  private async firstRecording(
    subject: string,
    developmentId: string,
  ): Promise<RecordingOutcome | null> {
    const jsm = this.connection.jetStreamManager();
    const first = await readFirstMessage(jsm, this.connection.streamName, subject);
    if (!first) return null;
    const original = first.json<EventEnvelope>();
    return { developmentId, eventId: original.eventId, sequence: first.seq, duplicate: true };
  }
}
