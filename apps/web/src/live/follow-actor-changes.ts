import type { ActorStreamEvent } from '@app/client';
import type { LiveFeed } from './live-feed';

/** Merges often come in runs (several spellings at once): one reload for a run. */
const SETTLE_MS = 250;

/**
 * Calls `reload` after merges and unmerges that `concerns` the page, once per run of them,
 * until the page is left. Returns a function that asks for a reload the same way.
 */
export function followActorChanges(
  feed: LiveFeed,
  signal: AbortSignal,
  concerns: (event: ActorStreamEvent) => boolean,
  reload: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    if (signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(reload, SETTLE_MS);
  };
  const stop = feed.onActor((event) => {
    if (concerns(event)) reloadSoon();
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    stop();
  });
  return reloadSoon;
}
