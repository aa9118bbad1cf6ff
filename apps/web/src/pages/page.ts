import type { ApiClient } from '../api/api-client';
import type { IngestClient } from '../api/ingest-client';
import type { LiveFeed } from '../live/live-feed';

/** What a page gets from the shell. */
export interface PageContext {
  api: ApiClient;
  /** Writes that the page makes itself (merges), on ingest. */
  ingest: IngestClient;
  feed: LiveFeed;
  /** Aborted when the reader leaves the page: requests and timers stop with it. */
  signal: AbortSignal;
}

/** Renders a page into the container; work it leaves running must stop on `context.signal`. */
export type PageRenderer = (container: HTMLElement, context: PageContext) => void;
