import type { ActorStreamEvent, StreamEvent } from '../api/types';

const TYPES: readonly string[] = ['NewsEventRecorded', 'NewsEventCorrected', 'NewsEventRetracted'];

/** The event of one `development` message of GET /v1/stream, or null if it is not one. */
export function parseStreamEvent(data: string): StreamEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Partial<StreamEvent>;
  const development = event.development;
  if (
    typeof event.type !== 'string' ||
    !TYPES.includes(event.type) ||
    typeof event.sequence !== 'number' ||
    typeof development !== 'object' ||
    development === null ||
    typeof development.developmentId !== 'string' ||
    typeof development.occurredOn !== 'string' ||
    typeof development.sequence !== 'number' ||
    typeof development.lastSequence !== 'number' ||
    !Array.isArray(development.actors) ||
    !Array.isArray(development.topics) ||
    !Array.isArray(development.statements)
  ) {
    return null;
  }
  return event as StreamEvent;
}

const isId = (value: unknown) => typeof value === 'string' && value !== '';

/** The event of one `actor` message of GET /v1/stream (a merge or unmerge), or null. */
export function parseActorStreamEvent(data: string): ActorStreamEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Partial<ActorStreamEvent>;
  const wellFormed =
    typeof event.sequence === 'number' &&
    isId(event.actorId) &&
    ((event.type === 'ActorMerged' && isId(event.into)) ||
      (event.type === 'ActorUnmerged' && isId(event.from)));
  return wellFormed ? (event as ActorStreamEvent) : null;
}

/** Whether a merge or unmerge changes what a page showing these actors shows. */
export function actorEventConcerns(event: ActorStreamEvent, shown: ReadonlySet<string>): boolean {
  return [event.actorId, event.into, event.from].some((id) => id !== undefined && shown.has(id));
}

export type LiveMode = 'connecting' | 'live' | 'reconnecting' | 'polling';

/** What the live indicator says; only an open stream says "live". */
export function liveModeText(mode: LiveMode): string {
  switch (mode) {
    case 'connecting':
      return 'connecting…';
    case 'live':
      return 'live';
    case 'reconnecting':
      return 'reconnecting…';
    case 'polling':
      return 'polling every 3 s';
  }
}
