import { corsOptions } from './cors-options';

describe('corsOptions', () => {
  it('allows no cross-origin access when no origin is configured', () => {
    expect(corsOptions([])).toBeUndefined();
  });

  it('allows the configured origins, with the headers writes send', () => {
    const options = corsOptions(['https://news.example.org']);
    expect(options?.origin).toEqual(['https://news.example.org']);
    expect(options?.credentials).toBe(false);
    expect(options?.allowedHeaders).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match']),
    );
  });

  it('allows any origin only when given `*`', () => {
    expect(corsOptions('*')?.origin).toBe('*');
  });
});
