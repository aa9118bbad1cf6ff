import { normalizeDevelopment } from '../development';
import { developmentIdFor } from '../ids';
import { decodeEvent, UndecodableEventError } from './decode-event';
import { newsEventRecorded, NewsEventRecorded } from './news-event-recorded';

const event: NewsEventRecorded = newsEventRecorded(
  {
    developmentId: developmentIdFor('order-1'),
    idempotencyKey: 'order-1',
    development: normalizeDevelopment({
      occurredOn: '2025-12-14',
      occurredUntil: '2025-12-15',
      title: 'Переговори в Берліні “20 points” 🙂',
      actors: [{ name: 'Volodymyr Zelensky', affiliation: 'ukraine' }],
      statements: [{ actor: 'Rustem Umerov', topic: 'peace-plan', stance: 'support' }],
      source: { url: 'https://example.org/a', publishedAt: '2025-12-16T08:00:00Z' },
    }),
  },
  {
    now: () => new Date('2025-12-16T08:00:00.000Z'),
    newId: () => '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b',
  },
);

/** As ingest writes it to the log. */
function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** The event as plain JSON data, with one change made by `edit`. */
function changed(edit: (json: any) => void): Uint8Array {
  const json = JSON.parse(JSON.stringify(event));
  edit(json);
  return encode(json);
}

describe('decodeEvent', () => {
  it('round-trips an encoded NewsEventRecorded', () => {
    expect(decodeEvent(encode(event))).toEqual(event);
  });

  it('round-trips an event with the default id and clock', () => {
    const fresh = newsEventRecorded(event.data);
    expect(decodeEvent(encode(fresh))).toEqual(fresh);
  });

  it('accepts fields it does not know, so newer writers do not break readers', () => {
    const decoded = decodeEvent(changed((json) => (json.data.development.extra = 1)));
    expect(decoded.data.developmentId).toBe(event.data.developmentId);
  });

  it('makes UndecodableEventError an Error', () => {
    expect(new UndecodableEventError('x')).toBeInstanceOf(Error);
  });

  describe('rejects bytes that are not UTF-8 JSON', () => {
    it.each([
      ['invalid UTF-8', Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])],
      ['an overlong UTF-8 encoding', Uint8Array.from([0x22, 0xc0, 0xaf, 0x22])],
      ['a UTF-8-encoded surrogate', Uint8Array.from([0x22, 0xed, 0xa0, 0x80, 0x22])],
      ['a truncated multi-byte character', Uint8Array.from([0x22, 0xd0])],
      ['text that is not JSON', new TextEncoder().encode('NewsEventRecorded')],
      ['truncated JSON', encode(event).slice(0, 40)],
      ['no bytes at all', new Uint8Array()],
    ])('%s', (_what, payload) => {
      expect(() => decodeEvent(payload)).toThrow(UndecodableEventError);
      expect(() => decodeEvent(payload)).toThrow(/not UTF-8 JSON/);
    });
  });

  describe('rejects JSON that is not a known event', () => {
    it.each([
      ['null', encode(null)],
      ['an array', encode([event])],
      ['a string', encode('NewsEventRecorded')],
      ['another type', changed((json) => (json.type = 'NewsEventRetracted'))],
      ['another schema version', changed((json) => (json.schemaVersion = 2))],
      ['an eventId that is not a UUID', changed((json) => (json.eventId = 'event-1'))],
      ['recordedAt without offset', changed((json) => (json.recordedAt = '2025-12-16T08:00:00'))],
      ['no correlationId', changed((json) => delete json.correlationId)],
      ['a numeric causationId', changed((json) => (json.causationId = 1))],
      ['no data', changed((json) => delete json.data)],
      ['a developmentId that is not a UUID', changed((json) => (json.data.developmentId = 'x'))],
      ['no idempotencyKey', changed((json) => delete json.data.idempotencyKey)],
      ['no development', changed((json) => delete json.data.development)],
      ['a development without title', changed((json) => delete json.data.development.title)],
      ['topics that are not a list', changed((json) => (json.data.development.topics = 'x'))],
      ['an actor without id', changed((json) => delete json.data.development.actors[0].id)],
      [
        'a statement without stance',
        changed((json) => delete json.data.development.statements[0].stance),
      ],
    ])('%s', (_what, payload) => {
      expect(() => decodeEvent(payload)).toThrow(UndecodableEventError);
      expect(() => decodeEvent(payload)).toThrow(/not a known event/);
    });
  });
});
