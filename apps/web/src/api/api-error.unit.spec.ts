import { ApiRequestError } from '@app/client';
import { projectorData } from './api-client';
import { describeError, isAbort } from './api-error';

const failed = (status: number, error: unknown) =>
  Promise.resolve({ error, response: new Response(null, { status }) });

describe('API errors', () => {
  it('are read from the error shape, with every detail', async () => {
    const error = await projectorData(
      failed(400, {
        error: 'invalid_query',
        message: 'The query parameters are invalid.',
        details: [{ path: 'to', message: 'must not be before from' }],
      }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_query' });
    expect(describeError(error)).toBe(
      'The query parameters are invalid. (to: must not be before from)',
    );
  });

  it('have a message when the body is not the error shape', async () => {
    const error = await projectorData(failed(502, undefined)).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'http_error' });
    expect(describeError(error)).toBe('The projector answered 502.');
  });

  it('say when the projector cannot be reached', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/cannot be reached/);
  });

  it('tell a cancelled request', () => {
    expect(isAbort(new DOMException('gone', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('other'))).toBe(false);
  });
});
