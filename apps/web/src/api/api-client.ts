import { readToken } from '../auth/tokens';
import { ApiRequestError } from './api-error';

export interface ApiClient {
  /** GET a JSON answer; any non-2xx throws ApiRequestError (401 first calls `onUnauthorized`). */
  get<T>(path: string, query?: URLSearchParams, signal?: AbortSignal): Promise<T>;
  /** POST without a body; the answer whatever its status. */
  post(path: string, bearerToken?: string): Promise<{ status: number; body: unknown }>;
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function authorization(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Requests to this origin's API, with the read token when the reader gave one. */
export function createApiClient(onUnauthorized: () => void): ApiClient {
  return {
    async get<T>(path: string, query?: URLSearchParams, signal?: AbortSignal): Promise<T> {
      const search = query && query.size > 0 ? `?${query.toString()}` : '';
      const response = await fetch(`${path}${search}`, {
        headers: { Accept: 'application/json', ...authorization(readToken.get()) },
        signal,
      });
      const body = await jsonOf(response);
      if (response.status === 401) onUnauthorized();
      if (!response.ok) throw ApiRequestError.fromBody(response.status, body);
      return body as T;
    },

    async post(path: string, bearerToken?: string) {
      const response = await fetch(path, {
        method: 'POST',
        headers: { Accept: 'application/json', ...authorization(bearerToken) },
      });
      return { status: response.status, body: await jsonOf(response) };
    },
  };
}
