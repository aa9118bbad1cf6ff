import { NEWS_EVENT_RECORDED } from '../news-event-recorded';
import { dataUpcaster, Upcaster } from './upcaster';

/**
 * NewsEventRecorded 1 -> 2. Version 1 left `occurredUntil` out for a single day; version 2
 * always states the period's last day, so readers never have to default it.
 */
export const newsEventRecordedV1ToV2: Upcaster = dataUpcaster(NEWS_EVENT_RECORDED, 1, (data) => {
  if (!isObject(data) || !isObject(data.development)) return data;
  const { development } = data;
  if (development.occurredUntil !== undefined) return data;
  return { ...data, development: { ...development, occurredUntil: development.occurredOn } };
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
