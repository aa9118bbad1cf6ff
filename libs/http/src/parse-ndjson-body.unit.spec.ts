import { MAX_JSON_DEPTH } from './parse-json-body';
import { parseNdjsonBody, parseNdjsonLine } from './parse-ndjson-body';

describe('parseNdjsonBody', () => {
  it('keeps each non-blank line with its 1-based number', () => {
    const body = parseNdjsonBody(Buffer.from('{"a":1}\n\n  \n{"b":2}\r\n[3]'));
    expect(body.lines).toEqual([
      { line: 1, ok: true, text: '{"a":1}' },
      { line: 4, ok: true, text: '{"b":2}\r' },
      { line: 5, ok: true, text: '[3]' },
    ]);
  });

  it('reports a line that is not UTF-8 without spoiling the others', () => {
    const raw = Buffer.concat([
      Buffer.from('{"a":1}\n'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n{}'),
    ]);
    expect(parseNdjsonBody(raw).lines).toEqual([
      { line: 1, ok: true, text: '{"a":1}' },
      { line: 2, ok: false, message: 'is not valid UTF-8' },
      { line: 3, ok: true, text: '{}' },
    ]);
  });
});

describe('parseNdjsonLine', () => {
  it('parses a JSON line', () => {
    expect(parseNdjsonLine('{"a":[1,2]}\r')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('says why a line is not JSON', () => {
    expect(parseNdjsonLine('{"a":')).toMatchObject({ ok: false, message: /^is not valid JSON/ });
  });

  it('refuses a line nested too deep', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(parseNdjsonLine(deep)).toEqual({
      ok: false,
      message: `is nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });
});
