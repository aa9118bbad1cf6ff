import type { ApiErrorBody, ValidationDetail } from './schemas';

/** What every call of a typed client resolves to: `data` for a 2xx answer, else `error`. */
export interface Answer<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** An answer other than 2xx, with the code, message and details of the API's error shape. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ValidationDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** `service` names who answered, for a body that is not the error shape (a proxy's page). */
  static fromBody(status: number, body: unknown, service = 'The service'): ApiRequestError {
    const error = (typeof body === 'object' && body !== null ? body : {}) as Partial<ApiErrorBody>;
    return new ApiRequestError(
      status,
      typeof error.error === 'string' ? error.error : 'http_error',
      typeof error.message === 'string' ? error.message : `${service} answered ${status}.`,
      Array.isArray(error.details) ? error.details : [],
    );
  }
}

/** The data of a 2xx answer; any other answer throws ApiRequestError. */
export async function dataOf<Data>(
  answer: Answer<Data> | Promise<Answer<Data>>,
  service?: string,
): Promise<Data> {
  const { data, error, response } = await answer;
  if (!response.ok) throw ApiRequestError.fromBody(response.status, error, service);
  return data as Data;
}

/**
 * Request options that send a body of NDJSON text (one development per line) as it is, for
 * `POST /v1/developments/batch`.
 */
export const NDJSON_BODY = {
  headers: { 'Content-Type': 'application/x-ndjson' },
  bodySerializer: (body: unknown) => body,
};
