import createClient from 'openapi-fetch';
import type { Client, ClientOptions, Middleware } from 'openapi-fetch';
import type { paths as IngestPaths } from './generated/ingest';
import type { paths as ProjectorPaths } from './generated/projector';

/** A bearer token, or a function that gives the current one for each request. */
export type TokenSource = string | (() => string | undefined);

export interface NewslineClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the service answers, such as `http://localhost:3000`; `''` for the page's own origin. */
  baseUrl: string;
  /**
   * The token the service is configured with (INGEST_TOKEN on ingest; READ_TOKEN or
   * ADMIN_TOKEN on the projector), sent as `Authorization: Bearer <token>` unless a request
   * sets its own Authorization header.
   */
  token?: TokenSource;
}

export type IngestClient = Client<IngestPaths>;
export type ProjectorClient = Client<ProjectorPaths>;

/** Ingest's write API: developments, batches, corrections, retractions and merges. */
export function createIngestClient(options: NewslineClientOptions): IngestClient {
  return createNewslineClient<IngestPaths>(options);
}

/** The projector's query API: timeline, developments, actors, topics and projections. */
export function createProjectorClient(options: NewslineClientOptions): ProjectorClient {
  return createNewslineClient<ProjectorPaths>(options);
}

function createNewslineClient<Paths extends object>({
  token,
  ...options
}: NewslineClientOptions): Client<Paths> {
  const client = createClient<Paths>(options);
  if (token !== undefined) client.use(bearerAuth(token));
  return client;
}

function bearerAuth(token: TokenSource): Middleware {
  return {
    onRequest({ request }) {
      const value = typeof token === 'function' ? token() : token;
      if (value && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${value}`);
      }
    },
  };
}
