import type { ApiClient } from '../api/api-client';
import type { IngestClient } from '../api/ingest-client';
import type { Session } from '../auth/session';
import type { Desk } from '../desk/desk';
import type { LiveFeed } from '../live/live-feed';
import type { LiveIndicator } from '../live/live-indicator';

/** What a page gets from the shell. */
export interface PageContext {
  api: ApiClient;
  /** Writes, on this origin (the projector forwards them to ingest). */
  ingest: IngestClient;
  /** Who is signed in, and what they may do. */
  session: Session;
  /** The write controls, for those who may write. */
  desk: Desk;
  feed: LiveFeed;
  /** The header's live indicator: a page with a stream of its own, or a past view, sets it. */
  liveIndicator: LiveIndicator;
  /** Aborted when the reader leaves the page: requests and timers stop with it. */
  signal: AbortSignal;
}

/** Renders a page into the container; work it leaves running must stop on `context.signal`. */
export type PageRenderer = (container: HTMLElement, context: PageContext) => void;
