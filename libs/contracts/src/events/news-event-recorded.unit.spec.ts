import { normalizeDevelopment } from '../development';
import { developmentIdFor } from '../ids';
import {
  NEWS_EVENT_RECORDED,
  NEWS_EVENT_RECORDED_VERSION,
  newsEventRecorded,
  NewsEventRecordedData,
} from './news-event-recorded';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EVENT_ID = '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b';
const NOW = new Date('2025-12-16T08:00:00.123Z');

const data: NewsEventRecordedData = {
  developmentId: developmentIdFor('order-1'),
  idempotencyKey: 'order-1',
  development: normalizeDevelopment({ occurredOn: '2025-12-14', title: 'Berlin talks' }),
};

const fixed = { now: () => NOW, newId: () => EVENT_ID };

describe('newsEventRecorded', () => {
  it('builds the whole envelope around the data', () => {
    expect(newsEventRecorded(data, fixed)).toEqual({
      eventId: EVENT_ID,
      type: 'NewsEventRecorded',
      schemaVersion: 3,
      recordedAt: '2025-12-16T08:00:00.123Z',
      correlationId: EVENT_ID,
      causationId: null,
      recordedBy: null,
      data,
    });
  });

  it('has the type NewsEventRecorded at schema version 3', () => {
    const event = newsEventRecorded(data, fixed);
    expect(event.type).toBe(NEWS_EVENT_RECORDED);
    expect(event.type).toBe('NewsEventRecorded');
    expect(event.schemaVersion).toBe(3);
    expect(NEWS_EVENT_RECORDED_VERSION).toBe(3);
  });

  it('names who recorded it (version 3), null when nobody is named', () => {
    expect(newsEventRecorded(data, { ...fixed, recordedBy: 'alice' }).recordedBy).toBe('alice');
    expect(newsEventRecorded(data, { ...fixed, recordedBy: null }).recordedBy).toBeNull();
    expect(newsEventRecorded(data, fixed).recordedBy).toBeNull();
  });

  it('carries the closed period of version 2: occurredUntil of a single day is occurredOn', () => {
    expect(newsEventRecorded(data, fixed).data.development.occurredUntil).toBe('2025-12-14');
  });

  it('uses a given eventId without asking the id source, and correlates with it', () => {
    const newId = jest.fn(() => EVENT_ID);
    const given = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const event = newsEventRecorded(data, { ...fixed, newId, eventId: given });
    expect(event.eventId).toBe(given);
    expect(event.correlationId).toBe(given);
    expect(newId).not.toHaveBeenCalled();
  });

  it('takes recordedAt from the injected clock, as ISO 8601 UTC', () => {
    const event = newsEventRecorded(data, { ...fixed, now: () => new Date(Date.UTC(2030, 0, 2)) });
    expect(event.recordedAt).toBe('2030-01-02T00:00:00.000Z');
  });

  it('takes the eventId from the injected id source, asking it once', () => {
    const newId = jest.fn(() => EVENT_ID);
    expect(newsEventRecorded(data, { ...fixed, newId }).eventId).toBe(EVENT_ID);
    expect(newId).toHaveBeenCalledTimes(1);
  });

  it('defaults the correlationId to the eventId', () => {
    const event = newsEventRecorded(data, { ...fixed, newId: () => 'f'.repeat(8) });
    expect(event.correlationId).toBe('ffffffff');
  });

  it('uses a given correlationId', () => {
    const event = newsEventRecorded(data, { ...fixed, correlationId: 'request-42' });
    expect(event.correlationId).toBe('request-42');
    expect(event.eventId).toBe(EVENT_ID);
  });

  it('has no cause by default and keeps a given one', () => {
    expect(newsEventRecorded(data, fixed).causationId).toBeNull();
    expect(newsEventRecorded(data, { ...fixed, causationId: 'event-0' }).causationId).toBe(
      'event-0',
    );
  });

  it('without injection, uses a fresh random UUID and the current time', () => {
    const before = Date.now();
    const first = newsEventRecorded(data);
    const second = newsEventRecorded(data);
    const after = Date.now();
    expect(first.eventId).toMatch(UUID);
    expect(first.eventId).not.toBe(second.eventId);
    expect(first.correlationId).toBe(first.eventId);
    const recordedAt = Date.parse(first.recordedAt);
    expect(recordedAt).toBeGreaterThanOrEqual(before);
    expect(recordedAt).toBeLessThanOrEqual(after);
    expect(first.recordedAt).toMatch(/Z$/);
  });
});
