import type { StoredEvent } from '../event-envelope';

/**
 * Turns an event of one type at `fromVersion` into `fromVersion + 1`: its `data`, its
 * envelope, or both, as the versions' shapes differ. Upcasters run when an event is read, one
 * after another up to the current version; the log keeps the bytes it was given. `up` returns
 * a new event (or the same one when nothing changes) and never mutates its input.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  up(event: StoredEvent): StoredEvent;
}

/** An upcaster that changes only the event's `data`. */
export function dataUpcaster(
  type: string,
  fromVersion: number,
  upData: (data: unknown) => unknown,
): Upcaster {
  return {
    type,
    fromVersion,
    up(event) {
      const data = upData(event.data);
      return data === event.data ? event : { ...event, data };
    },
  };
}
