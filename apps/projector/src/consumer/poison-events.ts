import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeEvent, LogEvent, UndecodableEventError } from '@app/contracts';
import { ConsumerState, DeadLetter, DeadLetterQueue, ReceivedMessage } from '@app/jetstream';
import { refusedByDatabase } from '@app/read-model';
import type { ProjectedEvent } from '@app/read-model';
import { backoffDelay } from '@app/retry';
import { ProjectionMetrics } from './projection.metrics';

/** How often an event is tried before it is set aside, and the pauses between the tries. */
export const MAX_POISON_ATTEMPTS = 5;
const RETRY_BACKOFF = { initialMs: 100, maxMs: 10_000 };

export interface DecodedBatch {
  events: ProjectedEvent[];
  /** The last sequence of the batch, dead letters included: the checkpoint goes this far. */
  through: number;
}

/** Applies events, moving the checkpoints through `through` (past events set aside). */
export type ApplyEvents = (events: ProjectedEvent[], through: number) => Promise<void>;

/**
 * Poison events: a log message that cannot be decoded or fails validation, and an event that
 * decodes but that PostgreSQL refuses (text it cannot store, an index row too large). The
 * live consumer tries such an event again a bounded number of times with backoff (reported
 * as stalled), then copies it to the dead-letter stream with the reason and goes on without
 * it. A rebuild meets the same events and sets them aside at once: decoding is deterministic.
 * A database that is down never sets anything aside: the batch is retried until it is back.
 */
@Injectable()
export class PoisonEvents {
  private readonly logger = new Logger('PoisonEvents');
  constructor(
    @Inject(DeadLetterQueue) private readonly deadLetters: DeadLetterQueue,
    @Inject(ProjectionMetrics) private readonly metrics: ProjectionMetrics,
    @Inject(ConsumerState) private readonly consumer: ConsumerState,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async decode(messages: readonly ReceivedMessage[], retry: boolean): Promise<DecodedBatch> {
    const events: ProjectedEvent[] = [];
    for (const message of messages) {
      const event = await this.decodeOne(message, retry);
      if (event) events.push({ sequence: message.sequence, event });
    }
    return { events, through: messages[messages.length - 1]?.sequence ?? 0 };
  }

  /** Sequences already set aside: a rebuild leaves them out as the live projection did. */
  setAsideSequences(): Promise<Set<number>> {
    return this.deadLetters.sequences();
  }

  /**
   * Applies the batch. When PostgreSQL refuses it, narrows it down by halves, each applied
   * in a transaction of its own, until the event it refuses alone is found; that one is set
   * aside and the others are applied in log order. Any other failure is thrown, and the
   * whole batch is tried again (what was applied is skipped by the checkpoints).
   */
  async applySettingAsideRefused(
    batch: DecodedBatch,
    messages: readonly ReceivedMessage[],
    apply: ApplyEvents,
  ): Promise<void> {
    try {
      await apply(batch.events, batch.through);
    } catch (error) {
      if (!refusedByDatabase(error) || batch.events.length === 0) throw error;
      const raw = new Map(messages.map((message) => [message.sequence, message]));
      await this.narrowDown(batch.events, raw, apply);
      await apply([], batch.through);
    }
  }

  private async narrowDown(
    events: ProjectedEvent[],
    raw: ReadonlyMap<number, ReceivedMessage>,
    apply: ApplyEvents,
  ): Promise<void> {
    if (events.length === 1) return this.applyAlone(events[0], raw, apply);
    const middle = Math.ceil(events.length / 2);
    for (const half of [events.slice(0, middle), events.slice(middle)]) {
      try {
        await apply(half, half[half.length - 1].sequence);
      } catch (error) {
        if (!refusedByDatabase(error)) throw error;
        await this.narrowDown(half, raw, apply);
      }
    }
  }

  private async applyAlone(
    { sequence, event }: ProjectedEvent,
    raw: ReadonlyMap<number, ReceivedMessage>,
    apply: ApplyEvents,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await apply([{ sequence, event }], sequence);
        return;
      } catch (error) {
        const refusal = refusedByDatabase(error);
        if (!refusal) throw error;
        const reason = `PostgreSQL refused it (SQLSTATE ${refusal.code}): ${refusal.message}`;
        if (attempt >= MAX_POISON_ATTEMPTS && (await this.databaseAnswers())) {
          if (!(await this.deadLetters.contains(sequence))) {
            await this.setAside({ ...raw.get(sequence)!, reason });
          }
          await apply([], sequence);
          return;
        }
        this.reportRetry(sequence, attempt, reason);
        await delay(backoffDelay(attempt - 1, RETRY_BACKOFF));
      }
    }
  }

  /** The event, or null once it is in the dead-letter stream. */
  private async decodeOne(message: ReceivedMessage, retry: boolean): Promise<LogEvent | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return decodeEvent(message.data);
      } catch (error) {
        if (!(error instanceof UndecodableEventError)) throw error;
        if (await this.deadLetters.contains(message.sequence)) return null;
        if (!retry || attempt >= MAX_POISON_ATTEMPTS) {
          await this.setAside({ ...message, reason: error.message });
          return null;
        }
        this.reportRetry(message.sequence, attempt, error.message);
        await delay(backoffDelay(attempt - 1, RETRY_BACKOFF));
      }
    }
  }

  private reportRetry(sequence: number, attempt: number, reason: string): void {
    this.consumer.markStalled(
      new Error(
        `the event at sequence ${sequence} cannot be applied (attempt ${attempt} of ` +
          `${MAX_POISON_ATTEMPTS}): ${reason}`,
      ),
    );
  }

  /** Whether PostgreSQL answers at all: a refusal from a failing server is no verdict. */
  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Copies a message to the dead-letter stream, counted and logged. */
  async setAside(letter: DeadLetter): Promise<void> {
    await this.deadLetters.add(letter);
    this.metrics.countDeadLetter();
    this.logger.warn({
      msg: 'dead-lettered an event',
      sequence: letter.sequence,
      subject: letter.subject,
      reason: letter.reason,
    });
  }
}
