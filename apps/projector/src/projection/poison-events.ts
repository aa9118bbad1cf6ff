import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeEvent, LogEvent, UndecodableEventError } from '@app/contracts';
import { ConsumerState, DeadLetterQueue } from '@app/jetstream';
import type { ProjectedEvent } from '@app/read-model';
import { ProjectionMetrics } from './projection.metrics';

/** How often an event is tried before it is set aside, and the pause before the first retry. */
export const MAX_POISON_ATTEMPTS = 5;
const FIRST_RETRY_DELAY_MS = 100;

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

/**
 * Decodes log messages; one that cannot be decoded or fails validation is a poison event.
 * The live consumer tries it again a bounded number of times with backoff (reported as
 * stalled), then copies it to the dead-letter stream with the reason and goes on without
 * it. A rebuild meets the same events and sets them aside at once: decoding is deterministic.
 */
@Injectable()
export class PoisonEvents {
  private readonly logger = new Logger('PoisonEvents');
  constructor(
    @Inject(DeadLetterQueue) private readonly deadLetters: DeadLetterQueue,
    @Inject(ProjectionMetrics) private readonly metrics: ProjectionMetrics,
    @Inject(ConsumerState) private readonly consumer: ConsumerState,
  ) {}

  async decode(messages: readonly RawLogMessage[], retry: boolean): Promise<DecodedBatch> {
    const events: ProjectedEvent[] = [];
    for (const message of messages) {
      const event = await this.decodeOne(message, retry);
      if (event) events.push({ sequence: message.sequence, event });
    }
    return { events, through: messages[messages.length - 1]?.sequence ?? 0 };
  }

  /** The event, or null once it is in the dead-letter stream. */
  private async decodeOne(message: RawLogMessage, retry: boolean): Promise<LogEvent | null> {
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
        this.consumer.markStalled(
          new Error(
            `the event at sequence ${message.sequence} cannot be applied (attempt ${attempt} of ` +
              `${MAX_POISON_ATTEMPTS}): ${error.message}`,
          ),
        );
        await delay(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1));
      }
    }
  }

  private async setAside(letter: RawLogMessage & { reason: string }): Promise<void> {
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
