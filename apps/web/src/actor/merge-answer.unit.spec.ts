import { describeMergeAnswer, ingestUnreachableMessage } from './merge-answer';

describe('describeMergeAnswer', () => {
  it('gives the sequence to wait for on 202, and on 200 for a repeat', () => {
    expect(describeMergeAnswer('merge', 202, { eventId: 'e', sequence: 12 }, true)).toEqual({
      ok: true,
      message: 'Merged; the page updates once the projector has applied it…',
      sequence: 12,
    });
    const repeat = describeMergeAnswer(
      'merge',
      200,
      { eventId: 'e', sequence: 9, duplicate: true },
      true,
    );
    expect(repeat).toMatchObject({ ok: true, sequence: 9 });
    expect(repeat.message).toContain('already');
    expect(
      describeMergeAnswer('unmerge', 202, { eventId: 'e', sequence: 13 }, false).message,
    ).toMatch(/^Merge undone/);
  });

  it('asks for the token, or says it is wrong, on 401', () => {
    expect(describeMergeAnswer('merge', 401, {}, false).message).toMatch(/401.*needs its token/);
    expect(describeMergeAnswer('unmerge', 401, {}, true).message).toMatch(/401.*not the right one/);
  });

  it("shows ingest's own sentence on 409, once", () => {
    const message = 'умєров is itself merged into rustem-umerov; merge into rustem-umerov instead.';
    const answer = describeMergeAnswer(
      'merge',
      409,
      {
        error: 'merge_conflict',
        message,
        details: [{ path: 'into', message, canonical: 'rustem-umerov' }],
      },
      true,
    );
    expect(answer).toEqual({ ok: false, message });
    expect(
      describeMergeAnswer(
        'unmerge',
        409,
        { error: 'not_merged', message: 'x is not merged into another actor.' },
        true,
      ).message,
    ).toBe('x is not merged into another actor.');
  });

  it('names the status and the problems otherwise', () => {
    expect(
      describeMergeAnswer(
        'merge',
        400,
        {
          error: 'validation_failed',
          message: 'The request is invalid.',
          details: [{ path: 'into', message: 'must be a slug' }],
        },
        true,
      ).message,
    ).toBe('Failed (400): The request is invalid. (into: must be a slug)');
    expect(describeMergeAnswer('merge', 502, undefined, true)).toEqual({
      ok: false,
      message: 'Failed (502): ingest did not accept the change.',
    });
    expect(describeMergeAnswer('merge', 202, {}, true).ok).toBe(false);
  });
});

describe('ingestUnreachableMessage', () => {
  it('names the URL tried and the setting that may be wrong', () => {
    expect(ingestUnreachableMessage('http://localhost:3000')).toMatch(
      /http:\/\/localhost:3000.*CORS_ORIGINS/,
    );
  });
});
