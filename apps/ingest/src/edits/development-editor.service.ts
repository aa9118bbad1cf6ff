import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DevelopmentState,
  editEventIdFor,
  EventContext,
  foldDevelopment,
  NewsEvent,
} from '@app/contracts';
import { LogUnavailableError } from '@app/jetstream';
import { DevelopmentLog } from '../log/development-log.service';
import { Decision, findEdit } from './decide-edit';
import { EditRefusedError } from './edit-refused.error';

export interface EditOutcome {
  eventId: string;
  sequence: number;
  revision: number;
  duplicate: boolean;
}

export interface EditRequest<Data> {
  developmentId: string;
  /** 'correction' or 'retraction': keys of different kinds of edit never collide. */
  kind: string;
  decide: (state: DevelopmentState | null) => Decision<Data>;
  build: (data: Data, context: EventContext) => NewsEvent;
  idempotencyKey?: string;
  correlationId?: string;
}

/** Another writer got in between reading the development and appending; read again. */
const MAX_CONCURRENT_ATTEMPTS = 5;

/**
 * Appends a later event to a development: reads its events from the log, decides, and appends
 * only if nothing was added to the development in between (expected last subject sequence).
 */
@Injectable()
export class DevelopmentEditor {
  constructor(@Inject(DevelopmentLog) private readonly log: DevelopmentLog) {}

  async edit<Data>(request: EditRequest<Data>): Promise<EditOutcome> {
    const { developmentId, idempotencyKey } = request;
    const eventId = idempotencyKey
      ? editEventIdFor(developmentId, request.kind, idempotencyKey)
      : randomUUID();
    for (let attempt = 1; attempt <= MAX_CONCURRENT_ATTEMPTS; attempt++) {
      const events = await this.log.read(developmentId);
      const earlier = findEdit(events, eventId);
      if (earlier) return { ...earlier, duplicate: true };
      const state = foldDevelopment(events);
      const decision = request.decide(state);
      if (decision.refused !== null) throw new EditRefusedError(decision);
      const event = request.build(decision.data, { eventId, correlationId: request.correlationId });
      try {
        const result = await this.log.append(event, state!.lastSequence);
        if (result.appended) {
          return {
            eventId,
            sequence: result.sequence,
            revision: decision.revision,
            duplicate: false,
          };
        }
      } catch (error) {
        if (!(error instanceof LogUnavailableError) || !error.outcomeUnknown) throw error;
        const stored = await this.log.afterLostAcknowledgement(async () =>
          findEdit(await this.log.read(developmentId), eventId),
        );
        if (!stored) {
          throw new LogUnavailableError('the log did not acknowledge; nothing was recorded');
        }
        return { ...stored, duplicate: false };
      }
    }
    throw new ConcurrentEditsError(MAX_CONCURRENT_ATTEMPTS);
  }
}

export class ConcurrentEditsError extends Error {
  constructor(attempts: number) {
    super(`the development changed under ${attempts} attempts in a row`);
    this.name = 'ConcurrentEditsError';
  }
}
