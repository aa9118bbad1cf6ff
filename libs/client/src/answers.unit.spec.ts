import { ApiRequestError, dataOf } from './answers';

const answer = (status: number, body: unknown) => ({
  ...(status < 300 ? { data: body } : { error: body }),
  response: new Response(null, { status }),
});

describe('dataOf', () => {
  it('is the data of a 2xx answer', async () => {
    await expect(dataOf(answer(200, { rebuildId: 'r' }))).resolves.toEqual({ rebuildId: 'r' });
  });

  it('throws the error shape of any other answer, with every detail', async () => {
    const body = {
      error: 'invalid_query',
      message: 'The query parameters are invalid.',
      details: [{ path: 'to', message: 'must not be before from' }],
    };
    const error = await dataOf(answer(400, body)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_query',
      message: 'The query parameters are invalid.',
      details: body.details,
    });
  });

  it('names who answered when the body is not the error shape', async () => {
    await expect(dataOf(answer(502, '<html>Bad gateway</html>'), 'The projector')).rejects.toThrow(
      new ApiRequestError(502, 'http_error', 'The projector answered 502.'),
    );
    expect(ApiRequestError.fromBody(500, undefined).message).toBe('The service answered 500.');
  });
});
