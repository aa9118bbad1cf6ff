import type { AppliedActorEvent, AppliedEvent } from '@app/read-model';
import type { ChangesOfEvent } from './changes-after';

/**
 * One applied event as a Server-Sent Events message; its id is the log sequence. A
 * development's event is a `development` message, a merge or unmerge an `actor` message.
 */
export function serverSentEvent(event: AppliedEvent | AppliedActorEvent): string {
  // JSON.stringify escapes line breaks inside strings, so the data is one line.
  if ('actorId' in event) {
    return `id: ${event.sequence}\nevent: actor\ndata: ${JSON.stringify(event)}\n\n`;
  }
  const data = JSON.stringify({
    type: event.type,
    sequence: event.sequence,
    development: event.development,
  });
  return `id: ${event.sequence}\nevent: development\ndata: ${data}\n\n`;
}

/**
 * An event's position changes as `change` messages, one per change, each with the event's
 * sequence as id; written at once, so that a client does not get part of an event's changes.
 */
export function changeServerSentEvents({ sequence, changes }: ChangesOfEvent): string {
  return changes
    .map((change) => `id: ${sequence}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`)
    .join('');
}

export const KEEP_ALIVE = ': keep-alive\n\n';

/** How long a browser waits before reconnecting, sent once at the start. */
export const RECONNECT_AFTER = 'retry: 2000\n\n';

/** The sequence to resume after: `Last-Event-ID`, else `?lastEventId=`; null when neither. */
export function resumeAfter(
  header: string | undefined,
  query: string | undefined,
): number | null | 'invalid' {
  const value = header ?? query;
  if (value === undefined || value === '') return null;
  if (!/^\d{1,15}$/.test(value)) return 'invalid';
  return Number(value);
}
