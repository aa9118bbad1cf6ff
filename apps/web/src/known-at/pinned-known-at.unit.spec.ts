import { PinnedKnownAt } from './pinned-known-at';

describe('PinnedKnownAt', () => {
  it('asks for nothing in particular without a known-at', () => {
    const reads = new PinnedKnownAt(undefined);
    reads.pin(12);
    expect(reads.isSet).toBe(false);
    expect(reads.query()).toEqual({});
  });

  it('asks for the sequence the first answer named, once an instant is resolved', () => {
    const reads = new PinnedKnownAt('2026-12-07T10:00:00Z');
    expect(reads.query()).toEqual({ knownAt: '2026-12-07T10:00:00Z' });
    reads.pin(undefined);
    expect(reads.query()).toEqual({ knownAt: '2026-12-07T10:00:00Z' });
    reads.pin(57);
    expect(reads.query()).toEqual({ knownAt: '57' });
    reads.pin(58);
    expect(reads.query()).toEqual({ knownAt: '57' });
  });

  it('keeps a sequence it was given', () => {
    const reads = new PinnedKnownAt('40');
    reads.pin(41);
    expect(reads.query()).toEqual({ knownAt: '40' });
    expect(reads.isSet).toBe(true);
  });
});
