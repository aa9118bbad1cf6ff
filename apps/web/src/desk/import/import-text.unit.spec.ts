import type { ImportOutcome } from './import-run';
import type { ImportTally } from './import-tally';
import {
  describeItems,
  describePlaces,
  describeStop,
  detailText,
  invalidItemPlace,
  progressText,
  summaryCounts,
} from './import-text';
import { testItems } from './item-fixture';

const tally = (fields: Partial<ImportTally> = {}): ImportTally => ({
  unit: 'line',
  total: 2500,
  accepted: 0,
  duplicates: 0,
  invalid: [],
  done: [],
  ...fields,
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('describePlaces', () => {
  it('says runs as ranges', () => {
    expect(describePlaces([5, 1, 2, 3, 7, 8, 3])).toBe('1–3, 5, 7–8');
    expect(describePlaces(range(1, 1000))).toBe('1–1000');
    expect(describePlaces([])).toBe('');
  });

  it('names the unit, one or many', () => {
    expect(describeItems([7], 'line')).toBe('line 7');
    expect(describeItems([1, 2], 'item')).toBe('items 1–2');
  });
});

describe('the progress and the summary', () => {
  it('says how far the import is', () => {
    expect(progressText(tally({ done: range(1, 1000) }))).toBe('1000 of 2500 lines');
    expect(progressText(tally({ unit: 'item', total: 1 }))).toBe('0 of 1 item');
  });

  it('says the counts', () => {
    expect(summaryCounts(tally({ accepted: 12, duplicates: 1 }))).toEqual({
      accepted: '12 accepted',
      duplicates: '1 duplicate (recorded before: nothing new written)',
      invalid: '0 invalid',
    });
  });

  it('places an invalid item by its line, and in a JSON array by its number too', () => {
    const item = { line: 27, number: 4, details: [] };
    expect(invalidItemPlace(item, 'line')).toBe('Line 27');
    expect(invalidItemPlace(item, 'item')).toBe('Item 4 (line 27)');
  });

  it('says a problem with its path', () => {
    expect(detailText({ path: 'statements[0].stance', message: 'must be one of …' })).toBe(
      'statements[0].stance: must be one of …',
    );
    expect(detailText({ path: '', message: 'is not valid JSON' })).toBe('is not valid JSON');
  });
});

describe('describeStop', () => {
  const stopped = (fields: Partial<ImportOutcome>): ImportOutcome => ({
    tally: tally({ done: range(1, 1000), accepted: 1000 }),
    failed: testItems(1000, 10, 1001),
    unsent: testItems(500, 10, 2001),
    ...fields,
  });

  it('says nothing when every item has its answer', () => {
    expect(describeStop(stopped({ failed: [], unsent: [] }))).toEqual({ message: '', where: [] });
  });

  it('says which lines were sent and which not, when the server could not be reached', () => {
    const { message, where } = describeStop(stopped({ stop: { kind: 'unreachable' } }));
    expect(message).toMatch(/cannot be reached.*last 1000 developments.*safe/);
    expect(where).toEqual([
      'Done: lines 1–1000.',
      'Sent, with no answer: lines 1001–2000.',
      'Not sent: lines 2001–2500.',
    ]);
  });

  it('passes on what the server said when it refused', () => {
    const { message, where } = describeStop(
      stopped({ stop: { kind: 'refused', status: 503, message: 'The log is unreachable.' } }),
    );
    expect(message).toBe(
      'The server answered 503: The log is unreachable. Sending the rest again is safe: what was recorded already comes back as a duplicate.',
    );
    expect(where[1]).toBe('Sent, refused: lines 1001–2000.');
  });

  it('says the sign-in no longer allows writing', () => {
    expect(describeStop(stopped({ stop: { kind: 'unauthorized', status: 403 } })).message).toMatch(
      /^Your sign-in no longer allows writing \(403.*Sign in as an editor/,
    );
    expect(
      describeStop(stopped({ stop: { kind: 'unauthorized', status: 401, message: 'expired' } }))
        .message,
    ).toMatch(/^Your sign-in no longer allows writing \(401: expired\)\. Sign in again/);
  });

  it('says a cancelled import sent nothing after the request under way', () => {
    const { message, where } = describeStop(
      stopped({ failed: [], unsent: testItems(1500, 10, 1001), stop: { kind: 'cancelled' } }),
    );
    expect(message).toMatch(/^Import cancelled\./);
    expect(where).toEqual(['Done: lines 1–1000.', 'Not sent: lines 1001–2500.']);
  });
});
