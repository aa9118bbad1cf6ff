import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeEvent, UndecodableEventError } from '@app/contracts';
import { DeadLetterQueue } from '@app/jetstream';
import type { ProjectedEvent } from '@app/read-model';
import { ProjectionMetrics } from './projection.metrics';

/** How often a batch holding an undecodable event is tried before the event is set aside. */
export const MAX_POISON_ATTEMPTS = 5;

export interface RawLogMessage {
  sequence: number;
  subject: string;
  data: Uint8Array;
}

export interface DecodedBatch {
  events: ProjectedEvent[];
  /** The last sequence of the batch, dead letters included: the checkpoint goes this far. */
  through: number;
}

/** An event that could not be decoded yet; the batch is tried again with backoff. */
export class PoisonEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonEventError';
  }
}

/**
 * Decodes log messages; one that cannot be decoded or fails validation is a poison event.
 * The live consumer retries its batch a bounded number of times (reported as stalled), then
 * copies the event to the dead-letter stream with the reason and goes on without it. A
 * rebuild meets the same events and sets them aside at once: decoding is deterministic.
 */
@Injectable()
export class PoisonEvents {
  private readonly logger = new Logger('PoisonEvents');
  private readonly attempts = new Map<number, number>();

  constructor(
    @Inject(DeadLetterQueue) private readonly deadLetters: DeadLetterQueue,
    @Inject(ProjectionMetrics) private readonly metrics: ProjectionMetrics,
  ) {}

  async decode(messages: readonly RawLogMessage[], retry: boolean): Promise<DecodedBatch> {
    const events: ProjectedEvent[] = [];
    const poison: Array<RawLogMessage & { reason: string }> = [];
    for (const message of messages) {
      try {
        events.push({ sequence: message.sequence, event: decodeEvent(message.data) });
      } catch (error) {
        if (!(error instanceof UndecodableEventError)) throw error;
        poison.push({ ...message, reason: error.message });
      }
    }
    for (const letter of poison) await this.setAside(letter, retry);
    return { events, through: messages[messages.length - 1]?.sequence ?? 0 };
  }

  private async setAside(letter: RawLogMessage & { reason: string }, retry: boolean) {
    if (await this.deadLetters.contains(letter.sequence)) return;
    const attempt = (this.attempts.get(letter.sequence) ?? 0) + 1;
    if (retry && attempt < MAX_POISON_ATTEMPTS) {
      this.attempts.set(letter.sequence, attempt);
      throw new PoisonEventError(
        `the event at sequence ${letter.sequence} cannot be applied (attempt ${attempt} of ` +
          `${MAX_POISON_ATTEMPTS}): ${letter.reason}`,
      );
    }
    await this.deadLetters.add(letter);
    this.attempts.delete(letter.sequence);
    this.metrics.countDeadLetter();
    this.logger.warn({
      msg: 'dead-lettered an event',
      sequence: letter.sequence,
      subject: letter.subject,
      reason: letter.reason,
    });
  }
}
