import type { ApiClient } from '../api/api-client';
import type { IngestClient } from '../api/ingest-client';
import type { Session } from '../auth/session';
import type { Announce } from '../shared/announce';
import type { Suggestions } from './suggestions';

/** What the desk's dialogs need: the APIs, who is signed in, and where to say what happened. */
export interface DeskContext {
  api: ApiClient;
  ingest: IngestClient;
  session: Session;
  suggestions: Suggestions;
  announce: Announce;
}
