import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DevelopmentChanges,
  DevelopmentState,
  editEventIdFor,
  EditOutcome,
  EventContext,
  evolve,
  foldDevelopment,
  LoggedEvent,
  NewsEvent,
  newsEventCorrected,
  newsEventRetracted,
} from '@app/contracts';
import { LogUnavailableError } from '@app/jetstream';
import { DevelopmentLog } from '../log/development-log.service';
import { ConcurrentEditsError } from './concurrent-edits.error';
import { decideCorrection, decideRetraction, Decision, findEdit } from './decide-edit';
import { EditRefusedError } from './edit-refused.error';

/** Keys of different kinds of edit never collide. */
export type EditKind = 'correction' | 'retraction';

export interface EditOptions {
  /** The revision the edit is meant for (If-Match): refused if the development moved on. */
  expectedRevision?: number;
  /** The same key again answers with the edit it first made, and appends nothing. */
  idempotencyKey?: string;
  correlationId?: string;
  /** The principal the edit is recorded for; null when writes are open. */
  recordedBy?: string | null;
}

export interface EditResult {
  outcome: EditOutcome;
  /** True when an earlier request with the same key made the edit. */
  duplicate: boolean;
}

/** What the editor needs of the log: a development's events, and appending after them. */
export type DevelopmentEvents = Pick<DevelopmentLog, 'read' | 'append'>;

/** Another writer got in between reading the development and appending; read again. */
export const MAX_EDIT_ATTEMPTS = 5;

/**
 * Corrections and retractions, in the shape of Emmett's CommandHandler: reads the
 * development's events, folds them (evolve), decides (decide-edit.ts) and appends only if
 * nothing was added to the development in between (its last subject sequence); if something
 * was, it reads and decides again.
 */
@Injectable()
export class DevelopmentEditor {
  constructor(@Inject(DevelopmentLog) private readonly log: DevelopmentEvents) {}

  correct(
    developmentId: string,
    changes: DevelopmentChanges,
    options: EditOptions = {},
  ): Promise<EditResult> {
    return this.edit(
      developmentId,
      'correction',
      options,
      (state) => decideCorrection(state, changes, options.expectedRevision),
      newsEventCorrected,
    );
  }

  retract(developmentId: string, reason: string, options: EditOptions = {}): Promise<EditResult> {
    return this.edit(
      developmentId,
      'retraction',
      options,
      (state) => decideRetraction(state, reason, options.expectedRevision),
      newsEventRetracted,
    );
  }

  private async edit<Data>(
    developmentId: string,
    kind: EditKind,
    options: EditOptions,
    decide: (state: DevelopmentState | null) => Decision<Data>,
    build: (data: Data, context: EventContext) => NewsEvent,
  ): Promise<EditResult> {
    const { idempotencyKey, correlationId, recordedBy } = options;
    const eventId = idempotencyKey
      ? editEventIdFor(developmentId, kind, idempotencyKey)
      : randomUUID();
    // Found in the log after this request sent it: stored by this request, not a repeat.
    let sent = false;
    for (let attempt = 1; attempt <= MAX_EDIT_ATTEMPTS; attempt++) {
      const events = await this.read(developmentId, sent);
      const earlier = findEdit(events, eventId);
      if (earlier) return { outcome: earlier, duplicate: !sent };
      const state = foldDevelopment(events);
      const decision = decide(state);
      if (decision.refused !== null) throw new EditRefusedError(decision);
      const event = build(decision.data, { eventId, correlationId, recordedBy });
      sent = true;
      const result = await this.log.append(event, state!.lastSequence);
      if (result.appended) {
        const appended: LoggedEvent = { sequence: result.sequence, event };
        const { revision } = evolve(state, appended);
        return { outcome: { eventId, sequence: result.sequence, revision }, duplicate: false };
      }
      // The development moved on: by another writer, or by this very event when a copy whose
      // acknowledgement was lost was stored after all; the next read tells which.
    }
    throw new ConcurrentEditsError(MAX_EDIT_ATTEMPTS);
  }

  /** Once this edit's event was sent, the log being unreachable leaves its outcome unknown. */
  private async read(developmentId: string, sent: boolean): Promise<LoggedEvent[]> {
    try {
      return await this.log.read(developmentId);
    } catch (error) {
      if (!sent || !(error instanceof LogUnavailableError)) throw error;
      throw new LogUnavailableError(error.message, { cause: error, outcomeUnknown: true });
    }
  }
}
