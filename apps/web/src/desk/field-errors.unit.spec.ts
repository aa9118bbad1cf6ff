import { enclosingField, fieldErrors, fieldOfPath } from './field-errors';
import type { RowMap } from './form-values';

const rows: RowMap = { topics: [1, 3], actors: [0, 2], statements: [1] };

describe('fieldOfPath', () => {
  it.each([
    ['occurredOn', 'occurredOn'],
    ['occurredUntil', 'occurredUntil'],
    ['title', 'title'],
    ['body', 'body'],
    ['location', 'location'],
    ['source.url', 'source.url'],
    ['source.publishedAt', 'source.publishedAt'],
    ['source.extra', 'source'],
    ['source', 'source'],
    ['topics', 'topics'],
    ['topics[1]', 'topics[3]'],
    ['actors[1].name', 'actors[2].name'],
    ['actors[0].affiliation', 'actors[0].affiliation'],
    ['actors[1].nickname', 'actors[2]'],
    ['statements[0].stance', 'statements[1].stance'],
    ['statements[0].quote', 'statements[1].quote'],
    ['statements[0]', 'statements[1]'],
    ['statements', 'statements'],
    ['statements[5].stance', 'statements'],
    ['', ''],
    ['extra', ''],
    ['__proto__', ''],
  ])('places %j on %j', (path, field) => {
    expect(fieldOfPath(path, rows)).toBe(field);
  });
});

describe('fieldErrors', () => {
  it('keeps every message, in order', () => {
    expect(
      fieldErrors(
        [
          { path: 'statements[0].stance', message: 'must be one of support, oppose' },
          { path: '', message: 'must change at least one field' },
        ],
        rows,
      ),
    ).toEqual([
      { field: 'statements[1].stance', message: 'must be one of support, oppose' },
      { field: '', message: 'must change at least one field' },
    ]);
  });
});

describe('enclosingField', () => {
  it('goes from a field to its row, its list and the form', () => {
    expect(enclosingField('statements[1].stance')).toBe('statements[1]');
    expect(enclosingField('statements[1]')).toBe('statements');
    expect(enclosingField('source.url')).toBe('source');
    expect(enclosingField('statements')).toBe('');
  });
});
