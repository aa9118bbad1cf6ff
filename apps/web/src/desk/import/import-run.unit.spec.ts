import type { BatchAnswer } from '../../api/ingest-client';
import { TOO_LARGE_MESSAGE } from './import-file';
import type { ImportItem } from './import-file';
import { runImport } from './import-run';
import type { ImportRun } from './import-run';
import type { ImportTally } from './import-tally';
import { batchResult, testItems } from './item-fixture';

const tallyOf = (total: number): ImportTally => ({
  unit: 'line',
  total,
  accepted: 0,
  duplicates: 0,
  invalid: [],
  done: [],
});

/** The lines of each request sent. */
const linesOf = (body: string) =>
  body.split('\n').map((text) => (JSON.parse(text) as { n: number }).n);

/**
 * A server that answers each request with `answer(lines, call)`: every item accepted unless it
 * says otherwise. Records the requests, and that they never overlap.
 */
function server(answer: (lines: number[], call: number) => BatchAnswer | 'no answer' | undefined) {
  const requests: number[][] = [];
  let inFlight = 0;
  let overlapped = false;
  const send = async (ndjson: string): Promise<BatchAnswer> => {
    inFlight += 1;
    overlapped ||= inFlight > 1;
    await Promise.resolve();
    inFlight -= 1;
    const lines = linesOf(ndjson);
    requests.push(lines);
    const given = answer(lines, requests.length);
    if (given === 'no answer') throw new TypeError('Failed to fetch');
    return given ?? { status: 200, result: batchResult(lines.map(() => 'accepted')) };
  };
  return { send, requests, overlapped: () => overlapped };
}

function run(items: ImportItem[], send: ImportRun['send'], overrides: Partial<ImportRun> = {}) {
  const progress: number[] = [];
  const outcome = runImport({
    items,
    tally: tallyOf(items.length),
    send,
    cancelled: () => false,
    onProgress: (tally) => progress.push(tally.done.length),
    ...overrides,
  });
  return { outcome, progress };
}

const lines = (items: readonly ImportItem[]) => items.map((item) => item.line);

describe('runImport', () => {
  it('sends 1,000 items a request, one request after another, and adds up the answers', async () => {
    const fake = server(() => undefined);
    const { outcome, progress } = run(testItems(2500), fake.send);
    const { tally, failed, unsent, stop } = await outcome;
    expect(fake.requests.map((request) => request.length)).toEqual([1000, 1000, 500]);
    expect(fake.overlapped()).toBe(false);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(tally).toMatchObject({ accepted: 2500, duplicates: 0, invalid: [] });
    expect({ failed, unsent, stop }).toEqual({ failed: [], unsent: [], stop: undefined });
  });

  it('stops at a request that got no answer; it and the rest can be sent again', async () => {
    const fake = server((_lines, call) => (call === 2 ? 'no answer' : undefined));
    const { tally, failed, unsent, stop } = await run(testItems(2500), fake.send).outcome;
    expect(stop).toEqual({ kind: 'unreachable' });
    expect(tally.accepted).toBe(1000);
    expect(lines(failed)).toEqual(lines(testItems(1000, 10, 1001)));
    expect(lines(unsent)).toEqual(lines(testItems(500, 10, 2001)));

    // Sending the rest again: what the lost request recorded comes back as duplicates.
    const again = server((sent) =>
      sent[0] === 1001
        ? { status: 200, result: batchResult(sent.map(() => 'duplicate')) }
        : undefined,
    );
    const resumed = await runImport({
      items: [...failed, ...unsent],
      tally,
      send: again.send,
      cancelled: () => false,
      onProgress: () => undefined,
    });
    expect(resumed.stop).toBeUndefined();
    expect(resumed.tally).toMatchObject({ accepted: 1500, duplicates: 1000 });
    expect(resumed.tally.done).toHaveLength(2500);
  });

  it('stops at a 503, saying what the server said', async () => {
    const fake = server(() => ({
      status: 503,
      error: { error: 'log_unavailable', message: 'The log is unreachable.' },
    }));
    const { tally, failed, unsent, stop } = await run(testItems(1200), fake.send).outcome;
    expect(stop).toEqual({ kind: 'refused', status: 503, message: 'The log is unreachable.' });
    expect(tally.done).toEqual([]);
    expect(failed).toHaveLength(1000);
    expect(unsent).toHaveLength(200);
  });

  it('stops at a 401 or 403: the sign-in no longer allows writing', async () => {
    for (const status of [401, 403]) {
      const fake = server((_lines, call) =>
        call === 2 ? { status, error: { error: 'forbidden', message: 'No.' } } : undefined,
      );
      const { stop, tally } = await run(testItems(1500), fake.send).outcome;
      expect(stop).toEqual({ kind: 'unauthorized', status, message: 'No.' });
      expect(tally.accepted).toBe(1000);
    }
  });

  it('stops after the request under way when cancelled', async () => {
    let cancelled = false;
    const fake = server(() => {
      cancelled = true;
      return undefined;
    });
    const { tally, failed, unsent, stop } = await run(testItems(2500), fake.send, {
      cancelled: () => cancelled,
    }).outcome;
    expect(fake.requests).toHaveLength(1);
    expect(stop).toEqual({ kind: 'cancelled' });
    expect(tally.accepted).toBe(1000);
    expect(failed).toEqual([]);
    expect(unsent).toHaveLength(1500);
  });

  it('stops when the log could not store some items, with them to send again first', async () => {
    const fake = server((sent, call) =>
      call === 1
        ? {
            status: 200,
            result: batchResult(sent.map((line) => (line === 3 ? 'unavailable' : 'accepted'))),
          }
        : undefined,
    );
    const { tally, failed, unsent, stop } = await run(testItems(1001), fake.send).outcome;
    expect(stop).toEqual({ kind: 'unstored', message: 'The log is unreachable.' });
    expect(tally.accepted).toBe(999);
    expect(lines(failed)).toEqual([3]);
    expect(lines(unsent)).toEqual([1001]);
  });

  it('sends a request the server finds too large in halves, and an item alone too large is invalid', async () => {
    const fake = server((sent) =>
      sent.length > 2 || sent.includes(4) ? { status: 413, error: {} } : undefined,
    );
    const { tally, stop } = await run(testItems(5), fake.send).outcome;
    expect(fake.requests).toEqual([[1, 2, 3, 4, 5], [1, 2, 3], [1, 2], [3], [4, 5], [4], [5]]);
    expect(stop).toBeUndefined();
    expect(tally.accepted).toBe(4);
    expect(tally.invalid).toEqual([
      { line: 4, number: 4, details: [{ path: '', message: TOO_LARGE_MESSAGE }] },
    ]);
    expect(tally.done.sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
