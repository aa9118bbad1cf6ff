import { describeWriteAnswer } from './write-answer';

describe('describeWriteAnswer', () => {
  it('is done on 202, with what to wait for', () => {
    expect(
      describeWriteAnswer('record', 202, {
        developmentId: 'd',
        eventId: 'e',
        sequence: 7,
        duplicate: false,
      }),
    ).toEqual({
      kind: 'done',
      message: 'Recorded; it shows once the projector has applied it.',
      sequence: 7,
      developmentId: 'd',
    });
    expect(describeWriteAnswer('correct', 202, { eventId: 'e', sequence: 8, revision: 2 })).toEqual(
      expect.objectContaining({ kind: 'done', revision: 2 }),
    );
  });

  it('says a repeat wrote nothing new', () => {
    const repeat = describeWriteAnswer('record', 200, {
      developmentId: 'd',
      eventId: 'e',
      sequence: 7,
      duplicate: true,
    });
    expect(repeat).toMatchObject({ kind: 'done', sequence: 7 });
    expect(repeat.message).toMatch(/already; nothing new/);
  });

  it('passes the details of a 400 on', () => {
    const details = [{ path: 'statements[0].stance', message: 'must be one of …' }];
    expect(
      describeWriteAnswer('record', 400, {
        error: 'validation_failed',
        message: 'The development is invalid.',
        details,
      }),
    ).toEqual({ kind: 'invalid', message: 'The development is invalid.', details });
  });

  it('asks to sign in on 401 and 403', () => {
    const expired = describeWriteAnswer('correct', 401, {
      error: 'unauthorized',
      message: 'The token has expired.',
    });
    expect(expired.kind).toBe('unauthorized');
    expect(expired.message).toContain('The token has expired.');
    expect(describeWriteAnswer('retract', 403, { error: 'forbidden' })).toMatchObject({
      kind: 'unauthorized',
      message: expect.stringMatching(/editor/),
    });
  });

  it('tells a stale revision (412) from other refusals', () => {
    expect(describeWriteAnswer('correct', 412, { error: 'precondition_failed' }).kind).toBe(
      'stale',
    );
    expect(
      describeWriteAnswer('retract', 409, {
        error: 'retracted',
        message: 'The development is already retracted.',
      }),
    ).toEqual({ kind: 'refused', message: 'The development is already retracted.' });
  });

  it('says sending again is safe when the log was unreachable', () => {
    const unavailable = describeWriteAnswer('record', 503, {
      error: 'log_unavailable',
      message: 'The log is unreachable.',
    });
    expect(unavailable.kind).toBe('refused');
    expect(unavailable.message).toMatch(/unreachable.*safe/);
    expect(describeWriteAnswer('record', 502, 'Bad gateway').message).toMatch(/^Failed \(502\)/);
  });
});
