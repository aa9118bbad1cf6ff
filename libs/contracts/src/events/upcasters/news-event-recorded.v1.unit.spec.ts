import type { StoredEvent } from '../event-envelope';
import { NEWS_EVENT_RECORDED } from '../news-event-recorded';
import { newsEventRecordedV1ToV2 } from './news-event-recorded.v1';

/** The data of a NewsEventRecorded as version 1 wrote it for a single day. */
function v1Data(development: Record<string, unknown> = {}) {
  return {
    developmentId: '23ce752c-aae0-5ea1-8b14-7e756275337b',
    idempotencyKey: 'order-1',
    development: {
      occurredOn: '2025-12-14',
      title: 'Berlin talks',
      topics: [],
      actors: [],
      statements: [],
      ...development,
    },
  };
}

/** A version 1 event around `data`, as the log holds it. */
function v1Event(data: unknown): StoredEvent {
  return {
    eventId: '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b',
    type: NEWS_EVENT_RECORDED,
    schemaVersion: 1,
    recordedAt: '2025-12-16T08:00:00.000Z',
    correlationId: 'request-1',
    causationId: null,
    data,
  };
}

describe('newsEventRecordedV1ToV2', () => {
  it('upcasts NewsEventRecorded from version 1', () => {
    expect(newsEventRecordedV1ToV2.type).toBe(NEWS_EVENT_RECORDED);
    expect(newsEventRecordedV1ToV2.fromVersion).toBe(1);
  });

  it('fills a missing occurredUntil with occurredOn and changes nothing else', () => {
    const event = v1Event(v1Data());
    const data = v1Data();
    expect(newsEventRecordedV1ToV2.up(event)).toEqual({
      ...event,
      data: { ...data, development: { ...data.development, occurredUntil: '2025-12-14' } },
    });
  });

  it('keeps an occurredUntil that version 1 stated', () => {
    const event = v1Event(v1Data({ occurredUntil: '2025-12-15' }));
    expect(newsEventRecordedV1ToV2.up(event)).toEqual(event);
  });

  it('does not mutate its input', () => {
    const event = v1Event(v1Data());
    const before = structuredClone(event);
    const upcasted = newsEventRecordedV1ToV2.up(event);
    expect(event).toEqual(before);
    expect(event.data).not.toHaveProperty('development.occurredUntil');
    expect(upcasted).not.toBe(event);
    expect(upcasted.data).not.toBe(event.data);
  });

  it.each([
    ['null', null],
    ['a string', 'NewsEventRecorded'],
    ['a number', 42],
    ['an array', [v1Data()]],
    ['data without development', { developmentId: 'x' }],
    ['a development that is null', { development: null }],
    ['a development that is an array', { development: [] }],
  ])('passes %s through unchanged, for the schema to refuse', (_what, data) => {
    const event = v1Event(data);
    expect(newsEventRecordedV1ToV2.up(event)).toBe(event);
  });
});
