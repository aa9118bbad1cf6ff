import { describeMergeAnswer, MERGE_UNREACHABLE_MESSAGE } from './merge-answer';

describe('describeMergeAnswer', () => {
  it('gives the sequence to wait for on 202, and on 200 for a repeat', () => {
    expect(describeMergeAnswer('merge', 202, { eventId: 'e', sequence: 12 })).toEqual({
      ok: true,
      message: 'Merged; the page updates once the projector has applied it…',
      sequence: 12,
    });
    const repeat = describeMergeAnswer('merge', 200, {
      eventId: 'e',
      sequence: 9,
      duplicate: true,
    });
    expect(repeat).toMatchObject({ ok: true, sequence: 9 });
    expect(repeat.message).toContain('already');
    expect(describeMergeAnswer('unmerge', 202, { eventId: 'e', sequence: 13 }).message).toMatch(
      /^Merge undone/,
    );
  });

  it('asks to sign in on 401, and for a role that may write on 403', () => {
    const unauthorized = describeMergeAnswer('merge', 401, {
      error: 'unauthorized',
      message: 'The token has expired.',
    });
    expect(unauthorized).toMatchObject({ ok: false, signIn: true });
    expect(unauthorized.message).toMatch(/401.*expired.*sign in/);
    const forbidden = describeMergeAnswer('unmerge', 403, { error: 'forbidden', message: 'no' });
    expect(forbidden).toMatchObject({ ok: false, signIn: true });
    expect(forbidden.message).toMatch(/403.*editor/);
  });

  it("shows ingest's own sentence on 409, once", () => {
    const message = 'умєров is itself merged into rustem-umerov; merge into rustem-umerov instead.';
    const answer = describeMergeAnswer('merge', 409, {
      error: 'merge_conflict',
      message,
      details: [{ path: 'into', message, canonical: 'rustem-umerov' }],
    });
    expect(answer).toEqual({ ok: false, message });
    expect(
      describeMergeAnswer('unmerge', 409, {
        error: 'not_merged',
        message: 'x is not merged into another actor.',
      }).message,
    ).toBe('x is not merged into another actor.');
  });

  it('names the status and the problems otherwise', () => {
    expect(
      describeMergeAnswer('merge', 400, {
        error: 'validation_failed',
        message: 'The request is invalid.',
        details: [{ path: 'into', message: 'must be a slug' }],
      }).message,
    ).toBe('Failed (400): The request is invalid. (into: must be a slug)');
    expect(describeMergeAnswer('merge', 502, undefined)).toEqual({
      ok: false,
      message: 'Failed (502): ingest did not accept the change.',
    });
    expect(describeMergeAnswer('merge', 202, {}).ok).toBe(false);
  });

  it('says that trying again is safe when no answer came', () => {
    expect(MERGE_UNREACHABLE_MESSAGE).toMatch(/safe/);
  });
});
