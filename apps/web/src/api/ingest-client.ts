import { createIngestClient as createTypedIngestClient } from '@app/client';
import type { Answer } from '@app/client';

/** An answer of ingest, whatever its status. */
export interface IngestAnswer {
  status: number;
  body: unknown;
}

export interface IngestClient {
  /** Where ingest is, for messages. */
  readonly url: string;
  /** Merges `actorId` into `into`; throws only when ingest cannot be reached. */
  merge(actorId: string, into: string, token?: string): Promise<IngestAnswer>;
  /** Undoes the merge of `actorId`. */
  unmerge(actorId: string, token?: string): Promise<IngestAnswer>;
}

async function ingestAnswer(answer: Promise<Answer<unknown>>): Promise<IngestAnswer> {
  const { data, error, response } = await answer;
  return { status: response.status, body: response.ok ? data : error };
}

/** Writes to ingest, another origin: the token goes in the Authorization header, never a cookie. */
export function createIngestClient(url: string): IngestClient {
  const ingest = createTypedIngestClient({
    baseUrl: url,
    headers: { Accept: 'application/json' },
    credentials: 'omit',
  });
  const options = (actorId: string, token: string | undefined) => ({
    params: { path: { actorId } },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return {
    url,
    merge: (actorId, into, token) =>
      ingestAnswer(
        ingest.POST('/v1/actors/{actorId}/merge', { ...options(actorId, token), body: { into } }),
      ),
    unmerge: (actorId, token) =>
      ingestAnswer(ingest.DELETE('/v1/actors/{actorId}/merge', options(actorId, token))),
  };
}
