import { newsEventRecordedV1ToV2 } from './news-event-recorded.v1';
import { Upcaster } from './upcaster';

export * from './upcaster';
export { newsEventRecordedV1ToV2 };

/** Every upcaster, one per (type, version) that has a successor. */
export const UPCASTERS: readonly Upcaster[] = [newsEventRecordedV1ToV2];

/** Brings `data` of `type` at `version` up to the newest version the chain knows. */
export function upcast(
  type: string,
  version: number,
  data: unknown,
  upcasters: readonly Upcaster[] = UPCASTERS,
): { version: number; data: unknown } {
  let current = { version, data };
  for (;;) {
    const next = upcasters.find((u) => u.type === type && u.fromVersion === current.version);
    if (!next) return current;
    current = { version: current.version + 1, data: next.up(current.data) };
  }
}
