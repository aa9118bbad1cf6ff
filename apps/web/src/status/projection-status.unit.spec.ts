import { describeRebuildAnswer, formatCount, rebuildProgressText } from './projection-status';

describe('rebuildProgressText', () => {
  it('says how far a rebuild is and how fast it goes', () => {
    expect(
      rebuildProgressText({
        rebuildId: 'r',
        position: 1234,
        head: 5000,
        eventsPerSecond: 12345.6,
        startedAt: '2025-12-16T08:00:00Z',
      }),
    ).toEqual({ fraction: 0.2468, done: '1,234 / 5,000 events (24.7%)', rate: '12,346 events/s' });
  });

  it('is complete on an empty log and never over 100%', () => {
    const base = { rebuildId: 'r', eventsPerSecond: 0, startedAt: '' };
    expect(rebuildProgressText({ ...base, position: 0, head: 0 }).fraction).toBe(1);
    expect(rebuildProgressText({ ...base, position: 12, head: 10 }).fraction).toBe(1);
  });
});

describe('describeRebuildAnswer', () => {
  it('says the rebuild started on 202', () => {
    const answer = describeRebuildAnswer(202, { rebuildId: 'abc' });
    expect(answer.ok).toBe(true);
    expect(answer.message).toContain('202');
    expect(answer.message).toContain('started');
    expect(answer.message).toContain('abc');
  });

  it('asks to sign in as an admin on 401 and 403', () => {
    expect(describeRebuildAnswer(401, {}).message).toMatch(/401.*sign in as an admin/);
    expect(describeRebuildAnswer(403, {}).message).toMatch(/403.*may not rebuild/);
  });

  it('says one is already running on 409', () => {
    expect(describeRebuildAnswer(409, { error: 'conflict' })).toEqual({
      ok: false,
      message: 'Conflict (409): a rebuild is already running.',
    });
  });

  it("repeats the projector's message otherwise", () => {
    expect(describeRebuildAnswer(503, { message: 'The log is unavailable.' }).message).toBe(
      'Failed (503): The log is unavailable.',
    );
    expect(describeRebuildAnswer(500, 'not json').message).toContain('Failed (500)');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
