import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import {
  decodeEvent,
  decodeNewsEvent,
  developmentSubject,
  EVENT_HEADERS,
  LogEvent,
  LoggedEvent,
  NewsEvent,
} from '@app/contracts';
import {
  AppendResult,
  appendToStream,
  LogUnavailableError,
  NatsConnection,
  PublishCoalescer,
  readFirstMessage,
  readLastMessage,
  readSubject,
} from '@app/jetstream';
import { backoffDelay } from '@app/retry';
import { IngestMetrics } from '../metrics/ingest.metrics';

const encoder = new TextEncoder();

/** How many publish timeouts to wait for the log to come back after a lost acknowledgement. */
const LOST_ACKNOWLEDGEMENT_WAIT = 3;
/** Pauses between attempts while the log is unreachable (a NATS leader election takes ~1-2 s). */
const RETRY_BACKOFF = { initialMs: 50, maxMs: 400 };

/**
 * Events in the log, appended with optimistic concurrency per subject and read back: a
 * development's events on its subject, an actor's identity events on the actor's.
 */
@Injectable()
export class DevelopmentLog {
  private readonly coalescer = new PublishCoalescer();

  constructor(
    @Inject(NatsConnection) private readonly connection: NatsConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {}

  /**
   * Appends `event` to its development's subject if the subject's last sequence is still
   * `expectedLastSubjectSequence` (0: the subject must be empty). Publishes of concurrent
   * calls go out together, so many acknowledgements are in flight at once. While the log
   * cannot take it (no stream leader during an election, a lost acknowledgement), the same
   * message is sent again until PUBLISH_TIMEOUT_MS is spent: its Nats-Msg-Id makes the log
   * store it once however often it arrives.
   */
  private async appendWithRetries(
    subject: string,
    event: LogEvent,
    expectedLastSubjectSequence: number,
  ): Promise<AppendResult> {
    const payload = encoder.encode(JSON.stringify(event));
    const deadline = Date.now() + this.config.PUBLISH_TIMEOUT_MS;
    const attemptTimeout = Math.max(500, Math.floor(this.config.PUBLISH_TIMEOUT_MS / 2));
    let outcomeUnknown = false;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      try {
        return await this.publish(subject, event, payload, expectedLastSubjectSequence, {
          timeoutMs: Math.max(100, Math.min(attemptTimeout, remaining)),
        });
      } catch (error) {
        if (!(error instanceof LogUnavailableError)) throw error;
        outcomeUnknown ||= error.outcomeUnknown;
        const pause = backoffDelay(attempt, RETRY_BACKOFF);
        if (Date.now() + pause + 100 > deadline) {
          throw new LogUnavailableError(error.message, { cause: error, outcomeUnknown });
        }
        this.metrics.countPublishRetry();
        await delay(pause);
      }
    }
  }

  private publish(
    subject: string,
    event: LogEvent,
    payload: Uint8Array,
    expectedLastSubjectSequence: number,
    { timeoutMs }: { timeoutMs: number },
  ): Promise<AppendResult> {
    return this.metrics.timePublish(() =>
      this.coalescer.schedule(() =>
        appendToStream(this.connection.publisher(), subject, payload, {
          messageId: event.eventId,
          expectedLastSubjectSequence,
          headers: {
            [EVENT_HEADERS.type]: event.type,
            [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
            [EVENT_HEADERS.correlationId]: event.correlationId,
          },
          timeoutMs,
        }),
      ),
    );
  }

  /**
   * Appends `event` (see appendWithRetries), made certain after a lost acknowledgement: a
   * copy of the event may still be on its way to the log, so once the log is reachable the
   * same event is sent again. Its Nats-Msg-Id and the expected subject sequence let the log
   * keep exactly one copy, so the answer to that last attempt is the truth about the event.
   * Throws with `outcomeUnknown` only if the log cannot be reached again in time.
   */
  async append(event: NewsEvent, expectedLastSubjectSequence: number): Promise<AppendResult> {
    return this.appendTo(
      this.subjectOf(event.data.developmentId),
      event,
      expectedLastSubjectSequence,
    );
  }

  /** `append` on any subject of the log. */
  async appendTo(
    subject: string,
    event: LogEvent,
    expectedLastSubjectSequence: number,
  ): Promise<AppendResult> {
    try {
      return await this.appendWithRetries(subject, event, expectedLastSubjectSequence);
    } catch (error) {
      if (!(error instanceof LogUnavailableError) || !error.outcomeUnknown) throw error;
    }
    try {
      return await this.afterLostAcknowledgement(() =>
        this.appendWithRetries(subject, event, expectedLastSubjectSequence),
      );
    } catch (error) {
      if (!(error instanceof LogUnavailableError)) throw error;
      // An earlier copy may be stored: whatever failed now, the outcome stays unknown.
      throw new LogUnavailableError(error.message, { cause: error, outcomeUnknown: true });
    }
  }

  /** The development's events, decoded and upcast, in log order; empty if it has none. */
  async read(developmentId: string): Promise<LoggedEvent[]> {
    const messages = await readSubject(
      this.connection.jetStreamManager(),
      this.connection.streamName,
      this.subjectOf(developmentId),
    );
    return messages.map((message) => ({
      sequence: message.seq,
      event: decodeNewsEvent(message.data),
    }));
  }

  /** The latest event on a subject (an actor's latest identity event), or null if none. */
  async latestOn(subject: string): Promise<LoggedEvent<LogEvent> | null> {
    const message = await readLastMessage(
      this.connection.jetStreamManager(),
      this.connection.streamName,
      subject,
    );
    return message ? { sequence: message.seq, event: decodeEvent(message.data) } : null;
  }

  /** The eventId and sequence of the development's first event, or null if it has none. */
  async first(developmentId: string): Promise<{ eventId: string; sequence: number } | null> {
    const message = await readFirstMessage(
      this.connection.jetStreamManager(),
      this.connection.streamName,
      this.subjectOf(developmentId),
    );
    if (!message) return null;
    return { eventId: message.json<{ eventId: string }>().eventId, sequence: message.seq };
  }

  /**
   * Runs `attempt` once the log is reachable again (the client has then sent whatever it
   * buffered); throws (outcome unknown) if the log does not come back in time.
   */
  private async afterLostAcknowledgement<T>(attempt: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const reconnected = await Promise.race([
      this.connection.ready().then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(
          () => resolve(false),
          LOST_ACKNOWLEDGEMENT_WAIT * this.config.PUBLISH_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (!reconnected) {
      throw new LogUnavailableError('the log did not acknowledge and is still unreachable', {
        outcomeUnknown: true,
      });
    }
    return attempt();
  }

  private subjectOf(developmentId: string): string {
    return developmentSubject(this.config.SUBJECT_PREFIX, developmentId);
  }
}
