import { createProjectorClient, dataOf } from '@app/client';
import type { Answer, ProjectorClient } from '@app/client';

/** The projector's API on this origin, typed by its OpenAPI document. */
export type ApiClient = ProjectorClient;

const SESSION_PATH = '/v1/session';

/**
 * Requests to this origin's API. Every request carries the signed-in token, if any, unless it
 * sets its own Authorization header; a 401 to a read (other than the session's own) calls
 * `onUnauthorized` with a copy of the answer.
 */
export function createApiClient(
  token: () => string | undefined,
  onUnauthorized: (answer: Response) => void,
): ApiClient {
  const client = createProjectorClient({ baseUrl: '', headers: { Accept: 'application/json' } });
  client.use({
    onRequest({ request }) {
      const current = token();
      if (current && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${current}`);
      }
    },
    onResponse({ request, response }) {
      const isSession = new URL(request.url).pathname === SESSION_PATH;
      if (request.method === 'GET' && response.status === 401 && !isSession) {
        onUnauthorized(response.clone());
      }
    },
  });
  return client;
}

/** The data of a 2xx answer of the projector; any other answer throws ApiRequestError. */
export function projectorData<Data>(answer: Promise<Answer<Data>>): Promise<Data> {
  return dataOf(answer, 'The projector');
}
