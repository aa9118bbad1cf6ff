import type { WriteAnswer } from '../../api/ingest-client';
import { postResultOf, UNANSWERED } from './draft-work';
import type { PostResult } from './draft-work';

export interface PostRun {
  /** The drafts to post, by index, in order. */
  indexes: readonly number[];
  /** Posts one draft (with its own Idempotency-Key); throws only when no answer came. */
  send: (index: number) => Promise<WriteAnswer>;
  onStart?: (index: number) => void;
  onResult: (index: number, result: PostResult) => void;
}

export interface PostRunOutcome {
  /** Each draft sent, with what became of it, in order. */
  results: { index: number; result: PostResult }[];
  /** Drafts not sent, because the sign-in no longer allows writing. */
  unsent: number[];
}

/**
 * Posts the drafts one after another. A draft that is refused or gets no answer does not stop
 * the others; a 401 or 403 does, as it would refuse them all.
 */
export async function postDrafts(run: PostRun): Promise<PostRunOutcome> {
  const results: PostRunOutcome['results'] = [];
  for (const [at, index] of run.indexes.entries()) {
    run.onStart?.(index);
    let result: PostResult;
    try {
      const answer = await run.send(index);
      result = postResultOf(answer.status, answer.body);
    } catch {
      result = UNANSWERED;
    }
    results.push({ index, result });
    run.onResult(index, result);
    if (result.kind === 'unauthorized') {
      return { results, unsent: run.indexes.slice(at + 1) };
    }
  }
  return { results, unsent: [] };
}
