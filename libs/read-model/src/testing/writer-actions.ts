import {
  actorMerged,
  actorUnmerged,
  DevelopmentInput,
  newsEventCorrected,
  newsEventRecorded,
  newsEventRetracted,
  normalizeDevelopment,
} from '@app/contracts';
import type { ProjectedEvent } from '../projections/projection';

/** What a writer does, before it has a place in the log; `key` names the development. */
export type WriterAction =
  | { kind: 'record'; key: number; input: DevelopmentInput }
  | { kind: 'correct'; key: number; revision: number; input: DevelopmentInput }
  | { kind: 'retract'; key: number }
  | { kind: 'merge'; actorId: string; into: string }
  | { kind: 'unmerge'; actorId: string; from: string };

/** The development a writer's key stands for. */
export const developmentIdOf = (key: number) =>
  `00000000-0000-5000-8000-${String(key).padStart(12, '0')}`;

/** When the event at `sequence` was recorded: a second after the one before it. */
export const recordedAtOf = (sequence: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, sequence));

/** The action as the log holds it at `sequence`, recorded by `recordedBy` (nobody: null). */
export function eventOf(
  action: WriterAction,
  sequence: number,
  { recordedBy = null }: { recordedBy?: string | null } = {},
): ProjectedEvent {
  const context = { now: () => recordedAtOf(sequence), recordedBy };
  switch (action.kind) {
    case 'record':
      return {
        sequence,
        event: newsEventRecorded(
          {
            developmentId: developmentIdOf(action.key),
            idempotencyKey: `key-${action.key}`,
            development: normalizeDevelopment(action.input),
          },
          context,
        ),
      };
    case 'correct':
      return {
        sequence,
        event: newsEventCorrected(
          {
            developmentId: developmentIdOf(action.key),
            revision: action.revision,
            changed: ['statements'],
            development: normalizeDevelopment(action.input),
          },
          context,
        ),
      };
    case 'retract':
      return {
        sequence,
        event: newsEventRetracted(
          { developmentId: developmentIdOf(action.key), reason: 'denied' },
          context,
        ),
      };
    case 'merge':
      return {
        sequence,
        event: actorMerged({ actorId: action.actorId, into: action.into, reason: null }, context),
      };
    case 'unmerge':
      return {
        sequence,
        event: actorUnmerged({ actorId: action.actorId, from: action.from }, context),
      };
  }
}
