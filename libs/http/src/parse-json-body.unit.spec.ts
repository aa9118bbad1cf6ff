import { ApiError } from './api-error';
import fc from 'fast-check';
import { isNestedTooDeep, MAX_JSON_DEPTH, nestingDepth, parseJsonBody } from './parse-json-body';

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** The ApiError parseJsonBody throws for `raw`. */
function rejectionOf(raw: Buffer): ApiError {
  try {
    parseJsonBody(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('parseJsonBody accepted the body');
}

function expectInvalidJson(raw: Buffer, message?: RegExp): void {
  const error = rejectionOf(raw);
  expect(error.code).toBe('invalid_json');
  expect(error.status).toBe(400);
  expect(error.toBody()).toMatchObject({ error: 'invalid_json' });
  if (message) expect(error.message).toMatch(message);
}

describe('nestingDepth', () => {
  it.each([
    ['a bare value', '42', 0],
    ['a string', '"text"', 0],
    ['an empty object', '{}', 1],
    ['an empty array', '[]', 1],
    ['siblings at one level', '[[],[],{}]', 2],
    ['mixed objects and arrays', '{"a":[1,{"b":[]}]}', 4],
    ['40 levels', nested(40), 40],
  ])('is right for %s', (_what, text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });

  it('ignores brackets inside strings', () => {
    expect(nestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(nestingDepth('{"a":"]]]]}}}}","b":[[]]}')).toBe(3);
  });

  it('ignores brackets after an escaped quote inside a string', () => {
    expect(nestingDepth('{"a":"\\"[[[[\\""}')).toBe(1);
  });

  it('ends a string after an escaped backslash', () => {
    expect(nestingDepth('["\\\\",[[]]]')).toBe(3);
  });

  it('ignores brackets inside keys', () => {
    expect(nestingDepth('{"[[[[":1}')).toBe(1);
  });
});

describe('parseJsonBody', () => {
  it('parses a JSON object', () => {
    expect(parseJsonBody(Buffer.from('{"title":"Berlin talks","n":[1,2]}'))).toEqual({
      title: 'Berlin talks',
      n: [1, 2],
    });
  });

  it('decodes multi-byte UTF-8 text exactly', () => {
    const title = 'Переговори “20 points” 🙂 <b>';
    expect(parseJsonBody(Buffer.from(JSON.stringify({ title }), 'utf8'))).toEqual({ title });
  });

  it('keeps __proto__ as an own key, without touching the prototype', () => {
    const parsed = parseJsonBody(Buffer.from('{"__proto__":{"polluted":true}}')) as object;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('invalid UTF-8', () => {
    it.each([
      ['a stray continuation byte', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d]],
      ['an invalid byte', [0x7b, 0xff, 0x7d]],
      ['an overlong encoding', [0x22, 0xc0, 0xaf, 0x22]],
      ['an encoded surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22]],
      ['a truncated character', [0x22, 0xe2, 0x82, 0x22]],
      ['Latin-1 text', [...Buffer.from('{"title":"Z', 'latin1'), 0xfc, ...Buffer.from('rich"}')]],
    ])('is rejected: %s', (_what, bytes) => {
      expectInvalidJson(Buffer.from(bytes), /UTF-8/);
    });
  });

  describe('nesting', () => {
    it(`accepts ${MAX_JSON_DEPTH} levels`, () => {
      expect(() => parseJsonBody(Buffer.from(nested(MAX_JSON_DEPTH)))).not.toThrow();
    });

    it(`rejects ${MAX_JSON_DEPTH + 1} levels`, () => {
      expectInvalidJson(Buffer.from(nested(MAX_JSON_DEPTH + 1)), /nested deeper/);
    });

    it('rejects absurd nesting without overflowing the stack', () => {
      expectInvalidJson(Buffer.from(nested(1_000_000)), /nested deeper/);
    });

    it('rejects deep nesting even when the JSON is unbalanced', () => {
      expectInvalidJson(Buffer.from('{"a":' + '['.repeat(100)), /nested deeper/);
    });

    it('accepts many shallow brackets: only the depth counts', () => {
      const text = JSON.stringify({ items: Array.from({ length: 100 }, () => ({ a: [1] })) });
      expect(isNestedTooDeep(text)).toBe(false);
      expect(() => parseJsonBody(Buffer.from(text))).not.toThrow();
    });

    it('judges depth as the full scan does, whatever the brackets', () => {
      fc.assert(
        fc.property(
          fc.string({
            unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a'),
            minLength: 30,
            maxLength: 200,
          }),
          (text) => {
            expect(isNestedTooDeep(text)).toBe(nestingDepth(text) > MAX_JSON_DEPTH);
          },
        ),
      );
    });

    it('accepts many brackets inside a string', () => {
      const text = JSON.stringify({ title: '['.repeat(1000) });
      expect(parseJsonBody(Buffer.from(text))).toEqual({ title: '['.repeat(1000) });
    });
  });

  describe('malformed JSON', () => {
    it.each([
      ['an empty body', ''],
      ['only whitespace', '  \n'],
      ['an unterminated object', '{"title":"x"'],
      ['a trailing comma', '{"title":"x",}'],
      ['single quotes', "{'title':'x'}"],
      ['an unquoted key', '{title:"x"}'],
      ['a comment', '{"title":"x"} // note'],
      ['two documents', '{"a":1}{"b":2}'],
      ['NaN', '{"n":NaN}'],
      ['undefined', 'undefined'],
    ])('is rejected: %s', (_what, text) => {
      expectInvalidJson(Buffer.from(text), /not valid JSON/);
    });
  });
});
