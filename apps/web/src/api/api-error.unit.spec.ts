import { ApiRequestError, describeError, isAbort } from './api-error';

describe('API errors', () => {
  it('are read from the error shape, with every detail', () => {
    const error = ApiRequestError.fromBody(400, {
      error: 'invalid_query',
      message: 'The query parameters are invalid.',
      details: [{ path: 'to', message: 'must not be before from' }],
    });
    expect(error).toMatchObject({ status: 400, code: 'invalid_query' });
    expect(describeError(error)).toBe(
      'The query parameters are invalid. (to: must not be before from)',
    );
  });

  it('have a message when the body is not the error shape', () => {
    const error = ApiRequestError.fromBody(502, undefined);
    expect(error.code).toBe('http_error');
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
