import { ActorMergedData, ActorUnmergedData, ValidationDetail } from '@app/contracts';
import { ActorIdentityState } from './actor-identity-state';

export type MergeRefusal =
  | { refused: 'merge_conflict'; message: string; details: ValidationDetail[] }
  | { refused: 'not_merged'; message: string };

export type MergeDecision =
  | { refused: null; data: ActorMergedData }
  | { refused: null; duplicate: { eventId: string; sequence: number } }
  | MergeRefusal;

/**
 * A merge of `actor` into the first actor of `intoChain`, which continues with the actors
 * that one is merged into, to the canonical actor. Merges go into canonical actors only, so
 * chains stay short and a cycle can only come from concurrent merges.
 */
export function decideMerge(
  actor: ActorIdentityState,
  intoChain: readonly string[],
  reason: string | null,
): MergeDecision {
  const into = intoChain[0];
  const canonical = intoChain[intoChain.length - 1];
  if (actor.merge?.into === into) {
    return {
      refused: null,
      duplicate: { eventId: actor.merge.eventId, sequence: actor.merge.sequence },
    };
  }
  if (actor.merge) {
    return conflict(
      `${actor.actorId} is already merged into ${actor.merge.into}; unmerge it first.`,
      'actorId',
      actor.merge.into,
    );
  }
  if (intoChain.includes(actor.actorId)) {
    return conflict(
      `Merging ${actor.actorId} into ${into} would make a cycle: ${into} is merged into ` +
        `${actor.actorId}. ${actor.actorId} is the actor to keep.`,
      'into',
      actor.actorId,
    );
  }
  if (intoChain.length > 1) {
    return conflict(
      `${into} is itself merged into ${canonical}; merge into ${canonical} instead.`,
      'into',
      canonical,
    );
  }
  return { refused: null, data: { actorId: actor.actorId, into, reason } };
}

export function decideUnmerge(
  actor: ActorIdentityState,
): { refused: null; data: ActorUnmergedData } | MergeRefusal {
  if (!actor.merge) {
    return { refused: 'not_merged', message: `${actor.actorId} is not merged into another actor.` };
  }
  return { refused: null, data: { actorId: actor.actorId, from: actor.merge.into } };
}

function conflict(message: string, path: string, canonical: string): MergeRefusal {
  return { refused: 'merge_conflict', message, details: [{ path, message, canonical }] };
}
