import type { StoredEvent } from '../event-envelope';
import { newsEventRecordedV1ToV2 } from './news-event-recorded.v1';
import { RECORDED_BY_UPCASTERS } from './recorded-by';
import { Upcaster } from './upcaster';

export * from './upcaster';
export * from './recorded-by';
export { newsEventRecordedV1ToV2 };

/** Every upcaster, one per (type, version) that has a successor. */
export const UPCASTERS: readonly Upcaster[] = [newsEventRecordedV1ToV2, ...RECORDED_BY_UPCASTERS];

/**
 * Brings a stored event up to the newest version of its type the chain knows: its
 * `schemaVersion` says which that is. An event already there is returned as it is.
 */
export function upcast(
  event: StoredEvent,
  upcasters: readonly Upcaster[] = UPCASTERS,
): StoredEvent {
  let current = event;
  for (;;) {
    const { type, schemaVersion } = current;
    const next = upcasters.find((u) => u.type === type && u.fromVersion === schemaVersion);
    if (!next) return current;
    current = { ...next.up(current), schemaVersion: schemaVersion + 1 };
  }
}
