import { normalizeDevelopment } from '../development';
import { developmentIdFor } from '../ids';
import { actorMerged } from './actor-merged';
import { actorUnmerged } from './actor-unmerged';
import { decodeEvent, decodeNewsEvent, UndecodableEventError } from './decode-event';
import { newsEventCorrected } from './news-event-corrected';
import { newsEventRecorded, NewsEventRecorded } from './news-event-recorded';
import { newsEventRetracted } from './news-event-retracted';

const developmentId = developmentIdFor('order-1');

function fixed(second: number, eventId: string, recordedBy: string | null = 'alice') {
  return {
    now: () => new Date(Date.UTC(2025, 11, 16, 8, 0, second)),
    newId: () => eventId,
    recordedBy,
  };
}

const event: NewsEventRecorded = newsEventRecorded(
  {
    developmentId,
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
  fixed(0, '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b'),
);

const corrected = newsEventCorrected(
  {
    developmentId,
    revision: 2,
    changed: ['title'],
    development: { ...event.data.development, title: 'Berlin talks' },
  },
  { ...fixed(1, '1b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b'), causationId: event.eventId },
);

const retracted = newsEventRetracted(
  { developmentId, reason: 'duplicate of another development' },
  fixed(2, '2b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b', 'ingest-token'),
);

const merged = actorMerged(
  { actorId: 'володимир-зеленський', into: 'volodymyr-zelensky', reason: null },
  fixed(3, '3b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b'),
);

const unmerged = actorUnmerged(
  { actorId: 'володимир-зеленський', from: 'volodymyr-zelensky' },
  fixed(4, '4b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b', null),
);

/** As ingest writes it to the log. */
function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** `source` as plain JSON data, with one change made by `edit`. */
function changed(edit: (json: any) => void, source: unknown = event): Uint8Array {
  const json = JSON.parse(JSON.stringify(source));
  edit(json);
  return encode(json);
}

/** The message decoding `payload` is refused with; fails if it is not refused. */
function refusal(payload: Uint8Array): string {
  try {
    decodeEvent(payload);
  } catch (error) {
    expect(error).toBeInstanceOf(UndecodableEventError);
    return (error as Error).message;
  }
  throw new Error('decoded, but should have been refused');
}

/** `source` as a writer of `schemaVersion` wrote it, before envelopes named who recorded. */
function older(
  schemaVersion: number,
  source: unknown = event,
  edit: (json: any) => void = () => {},
) {
  return changed((json) => {
    json.schemaVersion = schemaVersion;
    delete json.recordedBy;
    edit(json);
  }, source);
}

/** The event as version 1 of NewsEventRecorded wrote it: a single day without occurredUntil. */
const v1 = older(1, event, (json) => delete json.data.development.occurredUntil);

describe('decodeEvent', () => {
  describe('round-trips every current event type', () => {
    it('NewsEventRecorded', () => {
      expect(decodeEvent(encode(event))).toEqual(event);
    });

    it('NewsEventRecorded with the default id and clock', () => {
      const fresh = newsEventRecorded(event.data);
      expect(decodeEvent(encode(fresh))).toEqual(fresh);
    });

    it('NewsEventCorrected', () => {
      expect(decodeEvent(encode(corrected))).toEqual(corrected);
    });

    it('NewsEventRetracted', () => {
      expect(decodeEvent(encode(retracted))).toEqual(retracted);
    });

    it('ActorMerged', () => {
      expect(decodeEvent(encode(merged))).toEqual(merged);
    });

    it('ActorUnmerged', () => {
      expect(decodeEvent(encode(unmerged))).toEqual(unmerged);
    });
  });

  it('keeps the envelope fields in the order they were written', () => {
    expect(Object.keys(decodeEvent(encode(corrected)))).toEqual(Object.keys(corrected));
  });

  it('refuses an actor event on a development subject (decodeNewsEvent)', () => {
    expect(() => decodeNewsEvent(encode(merged))).toThrow(
      "ActorMerged found where a development's event belongs",
    );
  });

  describe('NewsEventRecorded version 1', () => {
    it('decodes to version 3 with occurredUntil = occurredOn and recordedBy null', () => {
      const decoded = decodeEvent(v1);
      expect(decoded.schemaVersion).toBe(3);
      expect(decoded).toEqual({
        ...event,
        recordedBy: null,
        data: {
          ...event.data,
          development: { ...event.data.development, occurredUntil: '2025-12-14' },
        },
      });
    });

    it('keeps an occurredUntil version 1 stated', () => {
      expect(decodeEvent(older(1))).toEqual({ ...event, recordedBy: null });
    });

    it('is still checked after upcasting', () => {
      const payload = changed((json) => {
        json.schemaVersion = 1;
        json.data.development.occurredUntil = '2025-12-13';
      });
      expect(refusal(payload)).toMatch(/^invalid NewsEventRecorded/);
    });
  });

  it.each([2, 3])(
    'refuses NewsEventRecorded version %i without occurredUntil (only version 1 may omit it)',
    (version) => {
      const payload = changed((json) => {
        json.schemaVersion = version;
        delete json.data.development.occurredUntil;
      });
      expect(refusal(payload)).toMatch(/^invalid NewsEventRecorded/);
    },
  );

  describe('recordedBy', () => {
    it('keeps the name a current event carries', () => {
      expect(decodeEvent(encode(event)).recordedBy).toBe('alice');
      expect(decodeEvent(encode(merged)).recordedBy).toBe('alice');
      expect(decodeEvent(encode(retracted)).recordedBy).toBe('ingest-token');
    });

    it('keeps null, for an event recorded while writes were open', () => {
      expect(unmerged.recordedBy).toBeNull();
      expect(decodeEvent(encode(unmerged)).recordedBy).toBeNull();
    });

    it.each([
      ['NewsEventRecorded', 2, event],
      ['NewsEventCorrected', 1, corrected],
      ['NewsEventRetracted', 1, retracted],
      ['ActorMerged', 1, merged],
      ['ActorUnmerged', 1, unmerged],
    ])('is null for %s version %i, written before it existed', (_type, version, current) => {
      expect(decodeEvent(older(version, current))).toEqual({ ...current, recordedBy: null });
    });

    it('is null for an old version even if its writer put a name there', () => {
      const payload = changed((json) => (json.schemaVersion = 1), corrected);
      expect(decodeEvent(payload)).toEqual({ ...corrected, recordedBy: null });
    });

    it('is required at the current version', () => {
      const payload = changed((json) => delete json.recordedBy);
      expect(refusal(payload)).toMatch(/^invalid NewsEventRecorded/);
      expect(refusal(payload)).toContain('recordedBy');
    });

    it.each([
      ['a number', 1],
      ['an object', { name: 'alice' }],
    ])('is refused when it is %s', (_what, recordedBy) => {
      const payload = changed((json) => (json.recordedBy = recordedBy), merged);
      expect(refusal(payload)).toMatch(/^invalid ActorMerged/);
      expect(refusal(payload)).toContain('recordedBy');
    });
  });

  describe('refuses a version this reader does not know', () => {
    it('NewsEventRecorded version 4', () => {
      expect(refusal(changed((json) => (json.schemaVersion = 4)))).toBe(
        'NewsEventRecorded version 4 cannot be read (this reader knows version 3)',
      );
    });

    it.each([
      ['NewsEventCorrected', corrected],
      ['NewsEventRetracted', retracted],
      ['ActorMerged', merged],
      ['ActorUnmerged', unmerged],
    ])('%s version 3', (type, current) => {
      expect(refusal(changed((json) => (json.schemaVersion = 3), current))).toBe(
        `${type} version 3 cannot be read (this reader knows version 2)`,
      );
    });
  });

  it('refuses an unknown event type', () => {
    expect(refusal(changed((json) => (json.type = 'NewsEventDeleted')))).toBe(
      'unknown event type "NewsEventDeleted"',
    );
  });

  it("refuses a development whose statement names an actor not in the development's actors", () => {
    const payload = changed((json) => (json.data.development.statements[0].actor = 'nobody'));
    expect(refusal(payload)).toMatch(/^invalid NewsEventRecorded/);
    expect(refusal(payload)).toContain("must name only the development's actors");
  });

  it('refuses a correction whose statement names an actor not in its actors', () => {
    const payload = changed((json) => (json.data.development.actors = []), corrected);
    expect(refusal(payload)).toMatch(/^invalid NewsEventCorrected/);
  });

  describe('fields it does not know', () => {
    it('are accepted, so newer writers do not break readers', () => {
      const decoded = decodeNewsEvent(changed((json) => (json.data.development.extra = 1)));
      expect(decoded.data.developmentId).toBe(event.data.developmentId);
    });

    it('are stripped from the decoded development, its actors, statements and source', () => {
      const decoded = decodeEvent(
        changed((json) => {
          json.data.development.extra = 1;
          json.data.development.actors[0].role = 'president';
          json.data.development.statements[0].confidence = 0.9;
          json.data.development.source.author = 'x';
        }),
      );
      expect(decoded).toEqual(event);
      expect(decoded.data).not.toHaveProperty('development.extra');
    });

    it('are stripped from the data and the envelope', () => {
      const decoded = decodeEvent(
        changed((json) => {
          json.data.extra = 1;
          json.extra = 2;
        }),
      );
      expect(decoded).toEqual(event);
      expect(decoded).not.toHaveProperty('extra');
      expect(decoded.data).not.toHaveProperty('extra');
    });
  });

  it('makes UndecodableEventError an Error', () => {
    expect(new UndecodableEventError('x')).toBeInstanceOf(Error);
  });

  describe('refuses bytes that are not UTF-8 JSON', () => {
    it.each([
      ['invalid UTF-8', Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])],
      ['an overlong UTF-8 encoding', Uint8Array.from([0x22, 0xc0, 0xaf, 0x22])],
      ['a UTF-8-encoded surrogate', Uint8Array.from([0x22, 0xed, 0xa0, 0x80, 0x22])],
      ['a truncated multi-byte character', Uint8Array.from([0x22, 0xd0])],
      ['text that is not JSON', new TextEncoder().encode('NewsEventRecorded')],
      ['truncated JSON', encode(event).slice(0, 40)],
      ['no bytes at all', new Uint8Array()],
    ])('%s', (_what, payload) => {
      expect(refusal(payload)).toMatch(/^not UTF-8 JSON/);
    });
  });

  describe('refuses JSON that is not an event envelope', () => {
    it.each([
      ['null', encode(null)],
      ['an array', encode([event])],
      ['a string', encode('NewsEventRecorded')],
      ['an eventId that is not a UUID', changed((json) => (json.eventId = 'event-1'))],
      ['recordedAt without offset', changed((json) => (json.recordedAt = '2025-12-16T08:00:00'))],
      ['no correlationId', changed((json) => delete json.correlationId)],
      ['a numeric causationId', changed((json) => (json.causationId = 1))],
      ['no type', changed((json) => delete json.type)],
      ['no data', changed((json) => delete json.data)],
      ['schema version 0', changed((json) => (json.schemaVersion = 0))],
      ['a schema version that is a string', changed((json) => (json.schemaVersion = '2'))],
      ['a fractional schema version', changed((json) => (json.schemaVersion = 1.5))],
    ])('%s', (_what, payload) => {
      expect(refusal(payload)).toMatch(/^not an event envelope/);
    });
  });

  describe('refuses data that breaks its type’s rules', () => {
    it.each([
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
      [
        'occurredUntil before occurredOn',
        changed((json) => (json.data.development.occurredUntil = '2025-12-13')),
      ],
    ])('NewsEventRecorded with %s', (_what, payload) => {
      expect(refusal(payload)).toMatch(/^invalid NewsEventRecorded/);
    });

    it.each([
      ['revision 1 (the recording is revision 1)', (json: any) => (json.data.revision = 1)],
      ['no changed list', (json: any) => delete json.data.changed],
      ['no development', (json: any) => delete json.data.development],
    ])('NewsEventCorrected with %s', (_what, edit) => {
      expect(refusal(changed(edit, corrected))).toMatch(/^invalid NewsEventCorrected/);
    });

    it.each([
      ['no reason', (json: any) => delete json.data.reason],
      ['a developmentId that is not a UUID', (json: any) => (json.data.developmentId = 'x')],
    ])('NewsEventRetracted with %s', (_what, edit) => {
      expect(refusal(changed(edit, retracted))).toMatch(/^invalid NewsEventRetracted/);
    });

    it.each([
      ['an actorId that is not a slug', (json: any) => (json.data.actorId = 'Volodymyr Zelensky')],
      ['no into', (json: any) => delete json.data.into],
      ['a reason that is not text', (json: any) => (json.data.reason = 1)],
    ])('ActorMerged with %s', (_what, edit) => {
      expect(refusal(changed(edit, merged))).toMatch(/^invalid ActorMerged/);
    });

    it('a NewsEventRecorded relabelled as NewsEventRetracted', () => {
      const payload = changed((json) => {
        json.type = 'NewsEventRetracted';
        json.schemaVersion = 1;
      });
      expect(refusal(payload)).toMatch(/^invalid NewsEventRetracted/);
    });
  });
});
