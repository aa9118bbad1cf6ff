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

describe('newsEventRecordedV1ToV2', () => {
  it('upcasts NewsEventRecorded from version 1', () => {
    expect(newsEventRecordedV1ToV2.type).toBe(NEWS_EVENT_RECORDED);
    expect(newsEventRecordedV1ToV2.fromVersion).toBe(1);
  });

  it('fills a missing occurredUntil with occurredOn and changes nothing else', () => {
    const data = v1Data();
    expect(newsEventRecordedV1ToV2.up(data)).toEqual({
      ...data,
      development: { ...data.development, occurredUntil: '2025-12-14' },
    });
  });

  it('keeps an occurredUntil that version 1 stated', () => {
    const data = v1Data({ occurredUntil: '2025-12-15' });
    expect(newsEventRecordedV1ToV2.up(data)).toEqual(data);
  });

  it('does not mutate its input', () => {
    const data = v1Data();
    const before = structuredClone(data);
    const upcasted = newsEventRecordedV1ToV2.up(data);
    expect(data).toEqual(before);
    expect(data.development).not.toHaveProperty('occurredUntil');
    expect(upcasted).not.toBe(data);
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
    expect(newsEventRecordedV1ToV2.up(data)).toBe(data);
  });
});
