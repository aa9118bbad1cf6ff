import { PublishCoalescer } from './publish-coalescer';

describe('PublishCoalescer', () => {
  it('starts every publish scheduled in one phase together, after that phase', async () => {
    const coalescer = new PublishCoalescer();
    const started: number[] = [];
    const results = [1, 2, 3].map((n) =>
      coalescer.schedule(() => {
        started.push(n);
        return Promise.resolve(n * 10);
      }),
    );
    expect(started).toEqual([]);
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(started).toEqual([1, 2, 3]);
  });

  it('rejects a publish that throws before returning, without stalling the others', async () => {
    const coalescer = new PublishCoalescer();
    const failing = coalescer.schedule(() => {
      throw new Error('not connected');
    });
    const passing = coalescer.schedule(() => Promise.resolve('stored'));
    await expect(failing).rejects.toThrow('not connected');
    await expect(passing).resolves.toBe('stored');
  });
});
