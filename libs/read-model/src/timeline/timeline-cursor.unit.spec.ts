import { decodeTimelineCursor, encodeTimelineCursor, TimelineCursor } from './timeline-cursor';

function packed(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('timeline cursor', () => {
  it.each<[TimelineCursor]>([
    [{ occurredOn: '2025-12-14', sequence: 42, order: 'asc' }],
    [{ occurredOn: '2025-12-14', sequence: 42, order: 'desc' }],
    [{ occurredOn: '1900-01-01', sequence: 0, order: 'asc' }],
    [{ occurredOn: '2024-02-29', sequence: Number.MAX_SAFE_INTEGER, order: 'desc' }],
  ])('round-trips %j', (cursor) => {
    expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
  });

  it('is opaque and safe in a URL (base64url, no padding)', () => {
    const encoded = encodeTimelineCursor({ occurredOn: '2025-12-14', sequence: 7, order: 'asc' });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded).not.toContain('2025-12-14');
  });

  it('differs for different positions', () => {
    const one = encodeTimelineCursor({ occurredOn: '2025-12-14', sequence: 7, order: 'asc' });
    expect(encodeTimelineCursor({ occurredOn: '2025-12-14', sequence: 8, order: 'asc' })).not.toBe(
      one,
    );
    expect(encodeTimelineCursor({ occurredOn: '2025-12-14', sequence: 7, order: 'desc' })).not.toBe(
      one,
    );
  });

  describe('a string this API did not issue decodes to null', () => {
    it.each([
      ['empty', ''],
      ['garbage', 'garbage'],
      ['punctuation', '!!!***'],
      ['plain JSON, not base64url', '["2025-12-14",1,"asc"]'],
      ['base64url of text that is not JSON', Buffer.from('not json').toString('base64url')],
      ['base64url of invalid UTF-8', Buffer.from([0xff, 0xfe]).toString('base64url')],
      ['an object', packed({ occurredOn: '2025-12-14', sequence: 1, order: 'asc' })],
      ['null', packed(null)],
      ['an empty array', packed([])],
      ['too few items', packed(['2025-12-14', 1])],
      ['too many items', packed(['2025-12-14', 1, 'asc', 0])],
      ['a date that does not exist', packed(['2025-02-30', 1, 'asc'])],
      ['a date-time', packed(['2025-12-14T00:00:00Z', 1, 'asc'])],
      ['a numeric date', packed([20251214, 1, 'asc'])],
      ['a negative sequence', packed(['2025-12-14', -1, 'asc'])],
      ['a fractional sequence', packed(['2025-12-14', 1.5, 'asc'])],
      ['a sequence as a string', packed(['2025-12-14', '1', 'asc'])],
      ['an unsafe integer sequence', packed(['2025-12-14', 2 ** 53, 'asc'])],
      ['an unknown order', packed(['2025-12-14', 1, 'up'])],
      ['an upper-case order', packed(['2025-12-14', 1, 'ASC'])],
    ])('%s', (_what, encoded) => {
      expect(decodeTimelineCursor(encoded)).toBeNull();
    });
  });
});
