import type { BatchAnswer } from '../../api/ingest-client';
import { chunkItems, halves, ndjsonBody } from './chunks';
import type { ImportItem } from './import-file';
import { TOO_LARGE_MESSAGE } from './import-file';
import { addBatchResult, addRefusedItem } from './import-tally';
import type { ImportTally } from './import-tally';

/** Why an import stopped before every item had its answer. */
export type ImportStop =
  /** The reader cancelled: the request out when they did was answered, the rest not sent. */
  | { kind: 'cancelled' }
  /** A request got no answer at all: its items may have been recorded or not. */
  | { kind: 'unreachable' }
  /** 401 or 403: the sign-in (or its role) no longer allows writing. */
  | { kind: 'unauthorized'; status: number; message?: string }
  /** Any other answer than 200, such as 503 when the log is unreachable. */
  | { kind: 'refused'; status: number; message?: string }
  /** A 200 whose items (some of them) the log could not store. */
  | { kind: 'unstored'; message?: string };

export interface ImportOutcome {
  tally: ImportTally;
  /** Sent without a result of their own: the request that stopped the import. */
  failed: ImportItem[];
  /** Not sent. */
  unsent: ImportItem[];
  /** Undefined when every item has its answer. */
  stop?: ImportStop;
}

export interface ImportRun {
  items: readonly ImportItem[];
  tally: ImportTally;
  /** Sends one request (NDJSON lines); throws only when no answer came. */
  send: (ndjson: string) => Promise<BatchAnswer>;
  /** Asked before each request. */
  cancelled: () => boolean;
  onProgress: (tally: ImportTally) => void;
}

/**
 * Sends the items one request after another, within the batch's limits, adding each answer
 * to the tally. The first request that fails stops the import; its items and those not sent
 * are the rest, which can be sent again safely (the keys come from the content, or from the
 * items' own idempotencyKey). A request over the server's body limit is sent in halves.
 */
export async function runImport(run: ImportRun): Promise<ImportOutcome> {
  const queue = chunkItems(run.items);
  let tally = run.tally;
  const stopped = (failed: ImportItem[], stop: ImportStop): ImportOutcome => ({
    tally,
    failed,
    unsent: queue.flat(),
    stop,
  });
  for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
    if (run.cancelled()) {
      queue.unshift(chunk);
      return stopped([], { kind: 'cancelled' });
    }
    let answer: BatchAnswer;
    try {
      answer = await run.send(ndjsonBody(chunk));
    } catch {
      return stopped(chunk, { kind: 'unreachable' });
    }
    if (answer.result) {
      const added = addBatchResult(tally, chunk, answer.result);
      tally = added.tally;
      run.onProgress(tally);
      if (added.unstored.length > 0) {
        return stopped(added.unstored, {
          kind: 'unstored',
          ...(added.unstoredMessage !== undefined && { message: added.unstoredMessage }),
        });
      }
    } else if (answer.status === 413 && chunk.length > 1) {
      queue.unshift(...halves(chunk));
    } else if (answer.status === 413) {
      tally = addRefusedItem(tally, chunk[0]!, TOO_LARGE_MESSAGE);
      run.onProgress(tally);
    } else {
      return stopped(chunk, stopOf(answer));
    }
  }
  return { tally, failed: [], unsent: [] };
}

function stopOf({ status, error }: BatchAnswer): ImportStop {
  const said =
    typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
  const message = typeof said === 'string' ? { message: said } : {};
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, ...message };
  return { kind: 'refused', status, ...message };
}
