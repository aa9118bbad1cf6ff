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
  /** Keys of different kinds of edit never collide. */
  kind: 'correction' | 'retraction';
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
    // Found in the log after this request sent it: stored by this request, not a repeat.
    let sent = false;
    for (let attempt = 1; attempt <= MAX_CONCURRENT_ATTEMPTS; attempt++) {
      const events = await this.log.read(developmentId).catch((error: unknown) => {
        if (!sent || !(error instanceof LogUnavailableError)) throw error;
        throw new LogUnavailableError(error.message, { cause: error, outcomeUnknown: true });
      });
      const earlier = findEdit(events, eventId);
      if (earlier) return { ...earlier, duplicate: !sent };
      const state = foldDevelopment(events);
      const decision = request.decide(state);
      if (decision.refused !== null) throw new EditRefusedError(decision);
      const event = request.build(decision.data, { eventId, correlationId: request.correlationId });
      sent = true;
      const result = await this.log.append(event, state!.lastSequence);
      if (result.appended) {
        return {
          eventId,
          sequence: result.sequence,
          revision: decision.revision,
          duplicate: false,
        };
      }
      // The development moved on: by another writer, or by this very event when a copy whose
      // acknowledgement was lost was stored after all; the next read tells which.
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
