import { linesAt, scanJson } from './json-scan';

describe('scanJson', () => {
  it('finds where each item of a top-level array begins, and no error in valid JSON', () => {
    const text = '[\n  {"a": [1, {"b": "x,]"}]},\n  "two",\n\n  3\n]\n';
    const scan = scanJson(text);
    expect(scan.errorAt).toBeNull();
    expect(linesAt(text, scan.itemStarts)).toEqual([2, 3, 5]);
    expect(scanJson('[]').itemStarts).toEqual([]);
  });

  it('says where the text breaks when JSON.parse does not', () => {
    const cases: Array<[string, string]> = [
      ['[\n  {"a": 1},\n]', ']'],
      ['[\n  {"a": x}\n]', 'x'],
      ['[\n  {"a": 1}\n  {"b": 2}\n]', '{"b"'],
      ['[\n  {a: 1}\n]', 'a:'],
      ['[\n  {"a": "tab\there"}\n]', '"tab'],
      ['[1, 2]]', ']'],
    ];
    for (const [text, at] of cases) {
      expect({ text, at: text.slice(scanJson(text).errorAt ?? 0).slice(0, at.length) }).toEqual({
        text,
        at,
      });
    }
  });

  it('puts the end of a text that stops short as its error', () => {
    const text = '[\n  {"a": 1},\n';
    expect(scanJson(text).errorAt).toBe(text.length);
  });

  it('accepts what JSON accepts: escapes, numbers, literals, nesting', () => {
    for (const text of [
      '{"a": "\\u00e9\\n\\"", "b": -0.5e+3, "c": [true, false, null], "d": {}}',
      ' [ [ ] , { } ] ',
      '"just a string"',
    ]) {
      expect(scanJson(text).errorAt).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
    expect(scanJson('[01]').errorAt).toBe(2);
  });

  it('gives up on nesting deeper than the stack, at the place it reached', () => {
    const text = '['.repeat(200_000);
    expect(scanJson(text).errorAt).not.toBeNull();
  });
});

describe('linesAt', () => {
  it('gives the line of each offset', () => {
    const text = 'a\nbc\n\nd';
    expect(linesAt(text, [0, 1, 2, 4, 5, 6, 7])).toEqual([1, 1, 2, 2, 3, 4, 4]);
  });
});
