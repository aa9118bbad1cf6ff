import { createIngestClient as createTypedIngestClient, NDJSON_BODY } from '@app/client';
import type { Answer, BatchResult, DevelopmentChanges, DevelopmentInput } from '@app/client';

/** An answer of a write, whatever its status. */
export interface WriteAnswer {
  status: number;
  body: unknown;
}

/** An answer of a batch: the result of each item on 200, else the error's body. */
export interface BatchAnswer {
  status: number;
  result?: BatchResult;
  error?: unknown;
}

/**
 * The writes: developments, corrections, retractions and merges. They go to the page's own
 * origin, where the projector forwards them to ingest, with the signed-in token.
 * Each method throws only when no answer came at all.
 */
export interface IngestClient {
  record(input: DevelopmentInput, idempotencyKey: string): Promise<WriteAnswer>;
  /** Many developments, as NDJSON lines (at most 1,000, under 10 MiB), each keyed as if alone. */
  recordBatch(ndjson: string): Promise<BatchAnswer>;
  /** A correction meant for `revision`: 412 if the development has moved on since. */
  correct(
    developmentId: string,
    changes: DevelopmentChanges,
    revision: number,
    idempotencyKey: string,
  ): Promise<WriteAnswer>;
  retract(developmentId: string, reason: string, idempotencyKey: string): Promise<WriteAnswer>;
  /** Merges `actorId` into `into`. */
  merge(actorId: string, into: string): Promise<WriteAnswer>;
  /** Undoes the merge of `actorId`. */
  unmerge(actorId: string): Promise<WriteAnswer>;
}

async function writeAnswer(answer: Promise<Answer<unknown>>): Promise<WriteAnswer> {
  const { data, error, response } = await answer;
  return { status: response.status, body: response.ok ? data : error };
}

export function createIngestClient(token: () => string | undefined): IngestClient {
  const ingest = createTypedIngestClient({
    baseUrl: '',
    headers: { Accept: 'application/json' },
    token,
  });
  return {
    record: (input, idempotencyKey) =>
      writeAnswer(
        ingest.POST('/v1/developments', {
          body: input,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    recordBatch: async (ndjson) => {
      const { data, error, response } = await ingest.POST('/v1/developments/batch', {
        body: ndjson,
        ...NDJSON_BODY,
      });
      return { status: response.status, ...(response.ok && data ? { result: data } : { error }) };
    },
    correct: (developmentId, changes, revision, idempotencyKey) =>
      writeAnswer(
        ingest.POST('/v1/developments/{developmentId}/corrections', {
          params: { path: { developmentId } },
          body: changes,
          headers: { 'If-Match': String(revision), 'Idempotency-Key': idempotencyKey },
        }),
      ),
    retract: (developmentId, reason, idempotencyKey) =>
      writeAnswer(
        ingest.POST('/v1/developments/{developmentId}/retraction', {
          params: { path: { developmentId } },
          body: { reason },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    merge: (actorId, into) =>
      writeAnswer(
        ingest.POST('/v1/actors/{actorId}/merge', {
          params: { path: { actorId } },
          body: { into },
        }),
      ),
    unmerge: (actorId) =>
      writeAnswer(ingest.DELETE('/v1/actors/{actorId}/merge', { params: { path: { actorId } } })),
  };
}
