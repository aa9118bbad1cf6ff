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

/** Writes to ingest, another origin: the token goes in the Authorization header, never a cookie. */
export function createIngestClient(url: string): IngestClient {
  const send = async (method: 'POST' | 'DELETE', path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  };
  const mergePath = (actorId: string) => `/v1/actors/${encodeURIComponent(actorId)}/merge`;
  return {
    url,
    merge: (actorId, into, token) => send('POST', mergePath(actorId), token, { into }),
    unmerge: (actorId, token) => send('DELETE', mergePath(actorId), token),
  };
}
