import { MAX_CHUNK_BYTES, readImportFile, TOO_LARGE_MESSAGE } from './import-file';

const development = (title: string) => ({ occurredOn: '2025-12-14', title });
const line = (value: unknown) => JSON.stringify(value);

describe('readImportFile', () => {
  it('reads an NDJSON file line by line, skipping blank lines and keeping the file’s line numbers', () => {
    const text = [line(development('One')), '', '  ', line(development('Two')) + '\r', ''].join(
      '\n',
    );
    const file = readImportFile('news.ndjson', text);
    expect(file).toEqual({
      ok: true,
      unit: 'line',
      total: 2,
      problems: [],
      items: [
        { line: 1, number: 1, text: line(development('One')), bytes: 41 },
        { line: 4, number: 2, text: line(development('Two')), bytes: 41 },
      ],
    });
  });

  it('counts bytes in UTF-8', () => {
    const file = readImportFile('news.jsonl', line(development('Умєров')));
    expect(file.ok && file.items[0]?.bytes).toBe(
      new TextEncoder().encode(line(development('Умєров'))).length,
    );
  });

  it('reports a line that is not JSON as a problem of that line, and keeps the others', () => {
    const text = [line(development('One')), '{"title": ', line(development('Three'))].join('\n');
    const file = readImportFile('news.ndjson', text);
    if (!file.ok) throw new Error(file.message);
    expect(file.total).toBe(3);
    expect(file.items.map((item) => [item.line, item.number])).toEqual([
      [1, 1],
      [3, 3],
    ]);
    expect(file.problems).toEqual([
      {
        line: 2,
        number: 2,
        details: [{ path: '', message: 'is not valid JSON: Unexpected end of JSON input' }],
      },
    ]);
  });

  it('says what is wrong with a line without repeating it', () => {
    const file = readImportFile('news.ndjson', '{"title": x}');
    expect(file.ok && file.problems[0]?.details).toEqual([
      { path: '', message: "is not valid JSON: Unexpected token 'x'" },
    ]);
  });

  it('leaves whether an item is a development to the API', () => {
    const file = readImportFile(
      'news.ndjson',
      '[1, 2]\n"text"\n{"idempotencyKey": "k", "development": {}}',
    );
    expect(file.ok && file.items.map((item) => item.text)).toEqual([
      '[1, 2]',
      '"text"',
      '{"idempotencyKey": "k", "development": {}}',
    ]);
  });

  it('reads a JSON array item by item, as NDJSON lines, with the line each item begins on', () => {
    const items = [development('One'), { idempotencyKey: 'k-2', development: development('Two') }];
    const text = `\uFEFF${JSON.stringify(items, null, 2)}\n`;
    const file = readImportFile('news.JSON', text);
    if (!file.ok) throw new Error(file.message);
    expect(file.unit).toBe('item');
    expect(file.items.map(({ line: at, number, text: sent }) => ({ at, number, sent }))).toEqual([
      { at: 2, number: 1, sent: line(items[0]) },
      { at: 6, number: 2, sent: line(items[1]) },
    ]);
  });

  it('refuses a JSON file that is not valid JSON whole, with the line where it breaks', () => {
    const text = `[\n  ${line(development('One'))},\n  ${line(development('Two'))},\n]`;
    const file = readImportFile('news.json', text);
    expect(file).toEqual({
      ok: false,
      message: "The file is not valid JSON at line 4: Unexpected token ']'. Nothing was sent.",
    });
  });

  it('refuses a JSON file that is not one array', () => {
    expect(readImportFile('news.json', line(development('One')))).toEqual({
      ok: false,
      message: expect.stringMatching(/must hold one array of developments/),
    });
  });

  it('refuses a file without developments', () => {
    expect(readImportFile('news.ndjson', '\n\n')).toEqual({
      ok: false,
      message: 'The file holds no developments.',
    });
    expect(readImportFile('news.json', '[]')).toEqual({
      ok: false,
      message: 'The file holds no developments.',
    });
  });

  it('tells an array from lines by the content when the name does not say', () => {
    expect(readImportFile('news.txt', `[${line(development('One'))}]`)).toMatchObject({
      unit: 'item',
    });
    expect(readImportFile('news', line(development('One')))).toMatchObject({ unit: 'line' });
  });

  it('does not send an item no request could hold', () => {
    const huge = line(development('x'.repeat(MAX_CHUNK_BYTES)));
    const file = readImportFile('news.ndjson', `${line(development('One'))}\n${huge}`);
    expect(file.ok && file.items).toHaveLength(1);
    expect(file.ok && file.problems).toEqual([
      { line: 2, number: 2, details: [{ path: '', message: TOO_LARGE_MESSAGE }] },
    ]);
  });
});
