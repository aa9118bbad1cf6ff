import { readImportFile } from './import-file';
import { addBatchResult, addRefusedItem, doneCount, startTally } from './import-tally';
import type { ImportTally } from './import-tally';
import { batchResult, testItems } from './item-fixture';

const emptyTally = (total: number, unit: 'line' | 'item' = 'line'): ImportTally => ({
  unit,
  total,
  accepted: 0,
  duplicates: 0,
  invalid: [],
  done: [],
});

describe('startTally', () => {
  it('counts the file’s own problems as answered invalid items', () => {
    const file = readImportFile('news.ndjson', '{"title": "a"}\nnot json\n{"title": "b"}');
    if (!file.ok) throw new Error(file.message);
    const tally = startTally(file);
    expect(tally).toMatchObject({ unit: 'line', total: 3, accepted: 0, duplicates: 0, done: [2] });
    expect(tally.invalid).toEqual([
      {
        line: 2,
        number: 2,
        details: [{ path: '', message: expect.stringMatching(/not valid JSON/) }],
      },
    ]);
    expect(doneCount(tally)).toBe(1);
  });
});

describe('addBatchResult', () => {
  it('adds the counts and gives invalid items the file’s lines, not the request’s', () => {
    const chunk = testItems(4, 10, 1001);
    const { tally, unstored } = addBatchResult(
      emptyTally(2000),
      chunk,
      batchResult(['accepted', 'invalid', 'duplicate', 'accepted']),
    );
    expect(unstored).toEqual([]);
    expect(tally).toMatchObject({ accepted: 2, duplicates: 1, done: [1001, 1002, 1003, 1004] });
    expect(tally.invalid).toEqual([
      {
        line: 1002,
        number: 1002,
        details: [{ path: 'statements[0].stance', message: 'must be one of support, oppose' }],
      },
    ]);
  });

  it('keeps invalid items in the order of the file, whichever request found them', () => {
    const start: ImportTally = {
      ...emptyTally(10),
      invalid: [{ line: 7, number: 7, details: [{ path: '', message: 'is not valid JSON' }] }],
      done: [7],
    };
    const { tally } = addBatchResult(
      start,
      testItems(2, 10, 2),
      batchResult(['invalid', 'accepted']),
    );
    expect(tally.invalid.map((item) => item.line)).toEqual([2, 7]);
    expect(doneCount(tally)).toBe(3);
  });

  it('drops the request’s line number from the API’s message about a broken line', () => {
    const result = batchResult(['invalid']);
    const [item] = result.results;
    if (item?.status !== 'invalid') throw new Error('an invalid result');
    item.details = [{ path: '', message: 'line 1 is nested deeper than 64 levels' }];
    const { tally } = addBatchResult(emptyTally(1), testItems(1, 10, 40), result);
    expect(tally.invalid[0]?.details).toEqual([
      { path: '', message: 'is nested deeper than 64 levels' },
    ]);
  });

  it('returns the items the log could not store, and those with no result, to send again', () => {
    const chunk = testItems(4);
    const result = batchResult(['accepted', 'unavailable', 'duplicate']);
    const { tally, unstored, unstoredMessage } = addBatchResult(emptyTally(4), chunk, result);
    expect(tally).toMatchObject({ accepted: 1, duplicates: 1, done: [1, 3] });
    expect(unstored.map((item) => item.line)).toEqual([2, 4]);
    expect(unstoredMessage).toBe('The log is unreachable.');
  });

  it('numbers the items of a JSON array by their place in it', () => {
    const chunk = [{ line: 12, number: 3, text: '{}', bytes: 2 }];
    const { tally } = addBatchResult(emptyTally(5, 'item'), chunk, batchResult(['invalid']));
    expect(tally.done).toEqual([3]);
    expect(tally.invalid[0]).toMatchObject({ line: 12, number: 3 });
  });
});

describe('addRefusedItem', () => {
  it('counts an item refused unsent as invalid, with the reason', () => {
    const [item] = testItems(1, 10, 5);
    const tally = addRefusedItem(emptyTally(9), item!, 'is too large');
    expect(tally.invalid).toEqual([
      { line: 5, number: 5, details: [{ path: '', message: 'is too large' }] },
    ]);
    expect(tally.done).toEqual([5]);
  });
});
