import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { inForm, propertySeed, unicodeText } from '../testing/unicode-forms';
import {
  canonicalJson,
  contentIdempotencyKey,
  developmentIdFor,
  isValidIdempotencyKey,
} from './idempotency-key';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('canonicalJson', () => {
  it('does not depend on the order of object keys', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('sorts keys at every level, including objects inside arrays', () => {
    const one = { z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null };
    const other = { a: null, z: { x: [{ a: 2, b: 1 }], y: 1 } };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson(one)).toBe('{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}');
  });

  it('keeps the order of array items (it is part of the content)', () => {
    expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
  });

  it('is JSON that parses back to the same value', () => {
    const value = { title: 'Берлін “talks” 🙂', n: 1.5, list: [true, null, 'a"b\\c'] };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(42)).toBe('42');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
  });

  it('distinguishes a string from a number', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe('contentIdempotencyKey', () => {
  const body = {
    occurredOn: '2025-12-14',
    title: 'Berlin talks',
    actors: [{ id: 'usa', name: 'United States' }],
  };

  it('is a sha256 hex digest', () => {
    expect(contentIdempotencyKey(body)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('is a valid Idempotency-Key itself', () => {
    expect(isValidIdempotencyKey(contentIdempotencyKey(body))).toBe(true);
  });

  it('is the same for the same content with keys in another order', () => {
    const reordered = {
      actors: [{ name: 'United States', id: 'usa' }],
      title: 'Berlin talks',
      occurredOn: '2025-12-14',
    };
    expect(contentIdempotencyKey(reordered)).toBe(contentIdempotencyKey(body));
  });

  it('is the same for the same JSON sent with different whitespace', () => {
    const compact = '{"occurredOn":"2025-12-14","title":"Berlin talks"}';
    const spaced = '{\n  "title" : "Berlin talks",\r\n\t"occurredOn":   "2025-12-14"\n}\n';
    expect(contentIdempotencyKey(JSON.parse(spaced))).toBe(
      contentIdempotencyKey(JSON.parse(compact)),
    );
  });

  it.each([
    ['another title', { ...body, title: 'Berlin talks.' }],
    ['whitespace inside a string', { ...body, title: 'Berlin  talks' }],
    ['another date', { ...body, occurredOn: '2025-12-15' }],
    ['an added field', { ...body, location: 'Berlin' }],
    ['reordered array items', { ...body, actors: [...body.actors, { name: 'Ukraine' }].reverse() }],
  ])('differs for different content: %s', (_what, other) => {
    expect(contentIdempotencyKey(other)).not.toBe(contentIdempotencyKey(body));
  });
});

describe('contentIdempotencyKey of text composed or decomposed', () => {
  const composed = {
    occurredOn: '2025-12-14',
    title: 'Зеленський у Києві',
    actors: [{ name: 'Сергій' }, { name: 'Zürich' }],
  };
  const decomposed = inForm(composed, 'NFD');

  it('is the same key for the NFC and the NFD spelling', () => {
    expect(decomposed.title).not.toBe(composed.title);
    expect(contentIdempotencyKey(decomposed)).toBe(contentIdempotencyKey(composed));
  });

  it('has the canonical JSON of the NFC spelling, and leaves the body as it was sent', () => {
    expect(canonicalJson(decomposed)).toBe(canonicalJson(composed));
    expect(canonicalJson(decomposed)).toContain('"Зеленський у Києві"');
    expect(decomposed.title).toBe('Зеленський у Києві'.normalize('NFD'));
  });

  it('keeps the key of ASCII and of NFC content as it was before normalization', () => {
    expect(contentIdempotencyKey({ title: 'Berlin talks' })).toBe(
      `sha256:${createHash('sha256').update('{"title":"Berlin talks"}').digest('hex')}`,
    );
    expect(canonicalJson({ b: 'Київ', a: ['é'] })).toBe('{"a":["é"],"b":"Київ"}');
  });

  it('still tells different letters apart', () => {
    expect(contentIdempotencyKey({ title: 'й' })).not.toBe(contentIdempotencyKey({ title: 'и' }));
  });

  it('normalizes and sorts object keys too', () => {
    const key = 'Zu\u0308rich';
    expect(canonicalJson({ [key]: 1, Zz: 2 })).toBe(canonicalJson({ 'Z\u00fcrich': 1, Zz: 2 }));
    expect(canonicalJson({ [key]: 1, Zz: 2 })).toBe('{"Zz":2,"Zürich":1}');
  });

  it('is the same for the NFC and NFD forms of any content', () => {
    const content = fc.record(
      {
        title: unicodeText,
        body: unicodeText,
        actors: fc.array(fc.record({ name: unicodeText }), { maxLength: 3 }),
        extra: fc.dictionary(unicodeText, unicodeText, { maxKeys: 3 }),
      },
      { requiredKeys: ['title'] },
    );
    fc.assert(
      fc.property(content, (body) => {
        const key = contentIdempotencyKey(inForm(body, 'NFC'));
        expect(contentIdempotencyKey(inForm(body, 'NFD'))).toBe(key);
      }),
      { seed: propertySeed('content key of NFC and NFD forms') },
    );
  });
});

describe('developmentIdFor', () => {
  it('is a UUID version 5 (RFC 9562 variant)', () => {
    expect(developmentIdFor('order-1')).toMatch(UUID_V5);
    expect(developmentIdFor(contentIdempotencyKey({ a: 1 }))).toMatch(UUID_V5);
  });

  it('is deterministic: the same key always gives the same id', () => {
    expect(developmentIdFor('order-1')).toBe(developmentIdFor('order-1'));
  });

  it('is stable across releases (fixed namespace)', () => {
    expect(developmentIdFor('order-1')).toBe('23ce752c-aae0-5ea1-8b14-7e756275337b');
  });

  it('differs for different keys', () => {
    expect(developmentIdFor('order-1')).not.toBe(developmentIdFor('order-2'));
    expect(developmentIdFor('a')).not.toBe(developmentIdFor('A'));
  });
});

describe('isValidIdempotencyKey', () => {
  it.each([
    ['a single character', 'a'],
    ['the lowest visible ASCII character', '!'],
    ['the highest visible ASCII character', '~'],
    ['a typical key', 'order-123_ABC:x/y?z=1'],
    ['a UUID', '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b'],
    ['200 characters', 'k'.repeat(200)],
  ])('accepts %s', (_what, key) => {
    expect(isValidIdempotencyKey(key)).toBe(true);
  });

  it.each([
    ['an empty key', ''],
    ['201 characters', 'k'.repeat(201)],
    ['a space', 'order 1'],
    ['only a space', ' '],
    ['a tab', 'order\t1'],
    ['a newline', 'order-1\n'],
    ['DEL (0x7f)', 'order\x7f'],
    ['a non-ASCII letter', 'clé'],
    ['Cyrillic', 'ключ'],
    ['an emoji', 'key-🙂'],
    ['U+0000', 'a\u0000'],
  ])('rejects %s', (_what, key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });
});
