import { z } from 'zod';
import {
  developmentIdSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  IF_MATCH_HEADER,
  ifMatchSchema,
  parseParameter,
  revisionEntityTag,
} from './request-parameters.schema';

const KEY_RULE = 'must be 1 to 200 visible ASCII characters';

describe('If-Match', () => {
  const parse = (value: string | undefined) =>
    parseParameter(IF_MATCH_HEADER, ifMatchSchema, value);

  it.each([
    ['a bare number', '3', 3],
    ['an entity tag', '"3"', 3],
    ['a weak entity tag', 'W/"12"', 12],
    ['surrounded by whitespace', ' \t"7" ', 7],
    ['ten digits', '9999999999', 9999999999],
  ])('reads the revision of %s', (_what, value, revision) => {
    expect(parse(value)).toEqual({ ok: true, value: revision });
  });

  it.each([
    ['no header', undefined],
    ['*', '*'],
    ['* with whitespace', ' * '],
  ])('means any revision for %s', (_what, value) => {
    expect(parse(value)).toEqual({ ok: true, value: undefined });
  });

  it.each(['yesterday', '0', '-1', '1e3', '12345678901', '"0"', 'W/', '', '**'])(
    'refuses %j, naming the header',
    (value) => {
      expect(parse(value)).toEqual({
        ok: false,
        detail: { path: 'If-Match', message: 'must be a revision number, such as "2"' },
      });
    },
  );

  it('is the ETag a revision is sent as, read back', () => {
    expect(revisionEntityTag(4)).toBe('"4"');
    expect(parse(revisionEntityTag(4))).toEqual({ ok: true, value: 4 });
  });
});

describe('Idempotency-Key', () => {
  const parse = (value: unknown) =>
    parseParameter(IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema, value);

  it.each([
    ['a single character', 'a'],
    ['the lowest visible ASCII character', '!'],
    ['the highest visible ASCII character', '~'],
    ['a typical key', 'order-123_ABC:x/y?z=1'],
    ['200 characters', 'k'.repeat(200)],
  ])('takes %s', (_what, key) => {
    expect(parse(key)).toEqual({ ok: true, value: key });
  });

  it('may be absent', () => {
    expect(parse(undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['an empty key', ''],
    ['201 characters', 'k'.repeat(201)],
    ['201 characters with a space', `${'k'.repeat(200)} `],
    ['a space', 'order 1'],
    ['a non-ASCII letter', 'clé'],
    ['a number', 7],
    ['null', null],
  ])('refuses %s with one detail naming the header', (_what, key) => {
    expect(parse(key)).toEqual({
      ok: false,
      detail: { path: 'Idempotency-Key', message: KEY_RULE },
    });
  });

  it('names a batch item’s field by its own name', () => {
    expect(parseParameter('idempotencyKey', idempotencyKeySchema, 'a b')).toEqual({
      ok: false,
      detail: { path: 'idempotencyKey', message: KEY_RULE },
    });
  });
});

describe('developmentId', () => {
  const parse = (value: string) => parseParameter('developmentId', developmentIdSchema, value);

  it('takes any UUID-shaped id and lowercases it', () => {
    expect(parse('0B9F4C7E-8D1A-4F5E-9C3B-2A1D0E9F8C7B')).toEqual({
      ok: true,
      value: '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b',
    });
    // Not an RFC 9562 version: still the shape of an id, so an unknown one is a 404, not a 400.
    expect(parse('00000000-0000-0000-0000-000000000001').ok).toBe(true);
  });

  it.each([
    'not-a-uuid',
    '0b9f4c7e8d1a4f5e9c3b2a1d0e9f8c7b',
    '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7',
  ])('refuses %j', (value) => {
    expect(parse(value)).toEqual({
      ok: false,
      detail: { path: 'developmentId', message: 'must be a UUID' },
    });
  });
});

/** The JSON Schema the OpenAPI document is built from. */
const documented = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

describe('the parameters as the OpenAPI document shows them', () => {
  it('documents If-Match by the pattern it parses with', () => {
    const schema = documented(ifMatchSchema);
    expect(schema).toMatchObject({ type: 'string' });
    const pattern = new RegExp(schema.pattern!);
    for (const value of ['3', '"3"', 'W/"3"', '*']) expect(pattern.test(value)).toBe(true);
    expect(pattern.test('yesterday')).toBe(false);
  });

  it('documents Idempotency-Key with its lengths', () => {
    expect(documented(idempotencyKeySchema)).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: '1 to 200 visible ASCII characters.',
    });
  });
});
