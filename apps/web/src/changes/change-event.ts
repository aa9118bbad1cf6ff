import { isStance } from '../shared/stances';
import type { PositionChange } from './position-change';

const EVENT_TYPES: readonly string[] = [
  'NewsEventRecorded',
  'NewsEventCorrected',
  'NewsEventRetracted',
  'ActorMerged',
  'ActorUnmerged',
];

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function isState(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const state = value as Record<string, unknown>;
  return typeof state.stance === 'string' && isStance(state.stance) && isText(state.since);
}

/** The change of one `change` message of `GET /v1/stream?kind=changes`, or null. */
export function parseChangeEvent(data: string): PositionChange | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const change = value as Record<string, unknown>;
  const actor = change.actor as Record<string, unknown> | null | undefined;
  const wellFormed =
    typeof change.sequence === 'number' &&
    Number.isInteger(change.sequence) &&
    isText(change.recordedAt) &&
    (change.recordedBy === null || typeof change.recordedBy === 'string') &&
    typeof change.eventType === 'string' &&
    EVENT_TYPES.includes(change.eventType) &&
    (change.developmentId === null || isText(change.developmentId)) &&
    typeof actor === 'object' &&
    actor !== null &&
    isText(actor.id) &&
    typeof actor.name === 'string' &&
    isText(change.topic) &&
    isState(change.before) &&
    isState(change.after);
  return wellFormed ? (value as PositionChange) : null;
}
