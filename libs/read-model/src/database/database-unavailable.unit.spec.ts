import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a connection failure (class 08)', withCode('connection failure', '08006')],
    ['an administrator shutdown (57P01)', withCode('terminating connection', '57P01')],
    [
      'a database not accepting connections (55000)',
      withCode('not currently accepting connections', '55000'),
    ],
    ['too many connections (53300)', withCode('too many clients', '53300')],
    ['a closed socket', new Error('Connection terminated unexpectedly')],
    ['a refused connection', new Error('connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'a wrapped driver error',
      Object.assign(new Error('query failed'), { driverError: withCode('x', '57P01') }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error (42601)', withCode('syntax error', '42601')],
    ['a unique violation (23505)', withCode('duplicate key', '23505')],
    ['something that is not an error', 'Connection terminated'],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
