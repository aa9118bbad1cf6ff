import type { ActorStreamEvent, DevelopmentStreamEvent } from '@app/client';

const TYPES: readonly string[] = ['NewsEventRecorded', 'NewsEventCorrected', 'NewsEventRetracted'];

/** The event of one `development` message of GET /v1/stream, or null if it is not one. */
export function parseStreamEvent(data: string): DevelopmentStreamEvent | null {
  const event = parseObject<DevelopmentStreamEvent>(data);
  if (!event) return null;
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
  return event as DevelopmentStreamEvent;
}

/** A message's data as an object whose fields are yet to be checked, or null. */
function parseObject<T>(data: string): Partial<T> | null {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

const isId = (value: unknown) => typeof value === 'string' && value !== '';

/** The event of one `actor` message of GET /v1/stream (a merge or unmerge), or null. */
export function parseActorStreamEvent(data: string): ActorStreamEvent | null {
  const event = parseObject<ActorStreamEvent>(data);
  const wellFormed =
    event !== null &&
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
