/**
 * Turns the `data` of one event type at `fromVersion` into `fromVersion + 1`. Upcasters run
 * when an event is read, one after another up to the current version; the log keeps the
 * bytes it was given.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  up(data: unknown): unknown;
}
