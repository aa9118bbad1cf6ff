import { backoffDelay } from './backoff-delay';

describe('backoffDelay', () => {
  const backoff = { initialMs: 100, maxMs: 5000 };

  it('starts at the initial pause and doubles with each attempt', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, backoff))).toEqual([
      100, 200, 400, 800, 1600, 3200,
    ]);
  });

  it('never goes past the cap', () => {
    expect(backoffDelay(6, backoff)).toBe(5000);
    expect(backoffDelay(50, backoff)).toBe(5000);
  });

  it('stays finite however many attempts failed', () => {
    expect(backoffDelay(1e6, { initialMs: 50, maxMs: Number.MAX_SAFE_INTEGER })).toBe(50 * 2 ** 30);
    expect(backoffDelay(Infinity, { initialMs: 0, maxMs: 400 })).toBe(0);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, backoff)).toBe(100);
  });
});
