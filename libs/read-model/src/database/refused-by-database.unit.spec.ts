import { refusedByDatabase } from './refused-by-database';

function databaseError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('refusedByDatabase', () => {
  it.each([
    ['22P05', 'unsupported Unicode escape sequence'],
    ['23505', 'duplicate key value violates unique constraint'],
    ['54000', 'index row size 3000 exceeds btree version 4 maximum 2704'],
  ])('names data the database refuses (%s)', (code, message) => {
    expect(refusedByDatabase(databaseError(message, code))).toEqual({ code, message });
  });

  it('finds the refusal behind a wrapping error, as TypeORM wraps the driver error', () => {
    const driverError = databaseError('value too long for type character varying(5)', '22001');
    const wrapped = Object.assign(new Error('query failed'), { driverError });
    expect(refusedByDatabase(wrapped)?.code).toBe('22001');
  });

  it.each([
    ['08006', 'connection failure'],
    ['57P01', 'terminating connection due to administrator command'],
    ['53300', 'too many connections'],
    ['40001', 'could not serialize access'],
    ['42P01', 'relation does not exist'],
  ])('does not count failures that are not about the data (%s)', (code, message) => {
    expect(refusedByDatabase(databaseError(message, code))).toBeNull();
  });

  it('does not count errors without a SQLSTATE', () => {
    expect(refusedByDatabase(new Error('Connection terminated unexpectedly'))).toBeNull();
    expect(refusedByDatabase('not an error')).toBeNull();
  });
});
