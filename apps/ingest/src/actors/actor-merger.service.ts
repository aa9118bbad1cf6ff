import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import {
  ActorMergeOutcome,
  actorMerged,
  actorSubject,
  actorUnmerged,
  isActorEvent,
  LogEvent,
  UndecodableEventError,
} from '@app/contracts';
import { DevelopmentLog } from '../log/development-log.service';
import { ActorIdentityState, actorIdentityState } from './actor-identity-state';
import { decideMerge, decideUnmerge, MergeRefusal } from './decide-merge';

/** What the service tells the controller: whether it was a repeat, always. */
export type MergeOutcome = Required<ActorMergeOutcome>;

export class MergeRefusedError extends Error {
  constructor(readonly refusal: MergeRefusal) {
    super(refusal.message);
    this.name = 'MergeRefusedError';
  }
}

export class ConcurrentMergesError extends Error {
  constructor(attempts: number) {
    super(`the actor's merges changed under ${attempts} attempts in a row`);
    this.name = 'ConcurrentMergesError';
  }
}

/** Who asked for a merge or unmerge, for its event's envelope. */
export interface MergeContext {
  correlationId?: string;
  /** The principal the event is recorded for; null when writes are open. */
  recordedBy?: string | null;
}

/** Another writer got in between reading the actor's subject and appending; read again. */
const MAX_CONCURRENT_ATTEMPTS = 5;
/** Chains are one merge long unless merges raced; this bounds the walk all the same. */
const MAX_CHAIN = 32;

/**
 * Merges and unmerges of actors: reads the actor's latest identity event (and the chain of
 * the actor merged into) from the log, decides, and appends to the actor's subject only if
 * nothing was added to it in between, as corrections do for a development.
 */
@Injectable()
export class ActorMerger {
  constructor(
    @Inject(DevelopmentLog) private readonly log: DevelopmentLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  merge(
    actorId: string,
    into: string,
    reason: string | null,
    context: MergeContext = {},
  ): Promise<MergeOutcome> {
    return this.appendDecided(actorId, async (actor) => {
      const decision = decideMerge(actor, await this.chainFrom(into), reason);
      if (decision.refused !== null) throw new MergeRefusedError(decision);
      if ('duplicate' in decision) return { duplicate: decision.duplicate };
      return { event: actorMerged(decision.data, context) };
    });
  }

  unmerge(actorId: string, context: MergeContext = {}): Promise<MergeOutcome> {
    return this.appendDecided(actorId, (actor) => {
      const decision = decideUnmerge(actor);
      if (decision.refused !== null) throw new MergeRefusedError(decision);
      return Promise.resolve({ event: actorUnmerged(decision.data, context) });
    });
  }

  private async appendDecided(
    actorId: string,
    decide: (
      actor: ActorIdentityState,
    ) => Promise<{ event: LogEvent } | { duplicate: { eventId: string; sequence: number } }>,
  ): Promise<MergeOutcome> {
    for (let attempt = 1; attempt <= MAX_CONCURRENT_ATTEMPTS; attempt++) {
      const actor = await this.read(actorId);
      const decided = await decide(actor);
      if ('duplicate' in decided) return { ...decided.duplicate, duplicate: true };
      const { event } = decided;
      const result = await this.log.appendTo(this.subjectOf(actorId), event, actor.lastSequence);
      if (result.appended) {
        return { eventId: event.eventId, sequence: result.sequence, duplicate: false };
      }
    }
    throw new ConcurrentMergesError(MAX_CONCURRENT_ATTEMPTS);
  }

  /** `actorId`, then the actor it is merged into, and so on to the canonical actor. */
  private async chainFrom(actorId: string): Promise<string[]> {
    const chain = [actorId];
    for (let state = await this.read(actorId); state.merge && chain.length < MAX_CHAIN;) {
      if (chain.includes(state.merge.into)) break;
      chain.push(state.merge.into);
      state = await this.read(state.merge.into);
    }
    return chain;
  }

  private async read(actorId: string): Promise<ActorIdentityState> {
    const latest = await this.log.latestOn(this.subjectOf(actorId));
    if (!latest) return actorIdentityState(actorId, null);
    const { sequence, event } = latest;
    if (!isActorEvent(event)) {
      throw new UndecodableEventError(`${event.type} found on the subject of actor ${actorId}`);
    }
    return actorIdentityState(actorId, { sequence, event });
  }

  private subjectOf(actorId: string): string {
    return actorSubject(this.config.SUBJECT_PREFIX, actorId);
  }
}
