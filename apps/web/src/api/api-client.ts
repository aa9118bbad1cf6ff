import { createProjectorClient, dataOf } from '@app/client';
import type { Answer, ProjectorClient } from '@app/client';
import { readToken } from '../auth/tokens';

/** The projector's API on this origin, typed by its OpenAPI document. */
export type ApiClient = ProjectorClient;

/**
 * Requests to this origin's API. Reads carry the read token when the reader gave one, and a
 * 401 to a read calls `onUnauthorized`; a write (the rebuild) sends the token it is given.
 */
export function createApiClient(onUnauthorized: () => void): ApiClient {
  const client = createProjectorClient({ baseUrl: '', headers: { Accept: 'application/json' } });
  client.use({
    onRequest({ request }) {
      const token = readToken.get();
      if (request.method === 'GET' && token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
    },
    onResponse({ request, response }) {
      if (request.method === 'GET' && response.status === 401) onUnauthorized();
    },
  });
  return client;
}

/** The data of a 2xx answer of the projector; any other answer throws ApiRequestError. */
export function projectorData<Data>(answer: Promise<Answer<Data>>): Promise<Data> {
  return dataOf(answer, 'The projector');
}
