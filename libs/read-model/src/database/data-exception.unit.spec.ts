import { isDataException } from './data-exception';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDataException', () => {
  it.each([
    [
      'U+0000 in text (22021)',
      withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
    ],
    [
      'a value of the wrong type (22P02)',
      withCode('invalid input syntax for type bigint', '22P02'),
    ],
    ['a number out of range (22003)', withCode('value "99999999999" is out of range', '22003')],
  ])('is true for %s', (_, error) => {
    expect(isDataException(error)).toBe(true);
  });

  it.each([
    ['a connection failure (08006)', withCode('connection failure', '08006')],
    ['a unique violation (23505)', withCode('duplicate key', '23505')],
    ['a Node error code', withCode('connect ECONNREFUSED', 'ECONNREFUSED')],
    ['an error without a code', new Error('boom')],
    ['nothing at all', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDataException(error)).toBe(false);
  });
});
