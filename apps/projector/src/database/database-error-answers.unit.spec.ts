import {
  databaseUnavailableAnswer,
  DATABASE_ERROR_ANSWERS,
  unusableValueAnswer,
} from './database-error-answers';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('the answers to read-model database errors', () => {
  it('answers an unreachable database 503 database_unavailable with Retry-After', () => {
    const answer = databaseUnavailableAnswer(new Error('Connection terminated unexpectedly'));
    expect(answer?.status).toBe(503);
    expect(answer?.headers).toEqual({ 'Retry-After': '2' });
    expect(answer?.toBody()).toEqual({
      error: 'database_unavailable',
      message: 'The read-model database is unavailable; retry later.',
      details: [],
    });
  });

  it('answers a value PostgreSQL cannot take 400 invalid_query', () => {
    const answer = unusableValueAnswer(withCode('invalid byte sequence', '22021'));
    expect(answer?.status).toBe(400);
    expect(answer?.toBody()).toEqual({
      error: 'invalid_query',
      message: 'The query parameters are invalid.',
      details: [
        { path: 'query', message: 'a path or query value cannot be used: invalid byte sequence' },
      ],
    });
  });

  it('leaves every other error to the next answer', () => {
    for (const answer of DATABASE_ERROR_ANSWERS) {
      expect(answer(withCode('syntax error', '42601'))).toBeUndefined();
      expect(answer(new Error('boom'))).toBeUndefined();
    }
  });
});
