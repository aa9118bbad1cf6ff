import { retryAfter } from './retry-after';

describe('retryAfter', () => {
  it('asks for 2 seconds unless told otherwise', () => {
    expect(retryAfter()).toEqual({ 'Retry-After': '2' });
    expect(retryAfter(37)).toEqual({ 'Retry-After': '37' });
  });
});
