import { validateChanges, validateRetraction } from '@app/contracts';
import { ApiError } from '@app/http';
import { parseEditRequest } from './edit-request';

const developmentId = '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('parsed, but should have been refused');
}

describe('parseEditRequest', () => {
  it('takes the body, the id in lowercase, the revision of If-Match, the key and the writer', () => {
    const edit = parseEditRequest(validateChanges({ title: 'Berlin talks' }), {
      developmentId: developmentId.toUpperCase(),
      ifMatch: 'W/"3"',
      idempotencyKey: 'fix-1',
      correlationId: 'req-7',
      recordedBy: 'alice',
    });
    expect(edit).toEqual({
      developmentId,
      body: { title: 'Berlin talks' },
      options: {
        expectedRevision: 3,
        idempotencyKey: 'fix-1',
        correlationId: 'req-7',
        recordedBy: 'alice',
      },
    });
  });

  it('edits any revision without If-Match, or with *', () => {
    const body = validateRetraction({ reason: 'reported twice' });
    for (const ifMatch of [undefined, '*']) {
      const edit = parseEditRequest(body, { developmentId, ifMatch });
      expect(edit.options).toMatchObject({
        expectedRevision: undefined,
        idempotencyKey: undefined,
        recordedBy: null,
      });
    }
  });

  it('refuses with 400, listing every problem in the path, the headers and the body', () => {
    const error = refusal(() =>
      parseEditRequest(validateChanges({ title: '', stance: 'x' }), {
        developmentId: 'not-a-uuid',
        ifMatch: 'yesterday',
        idempotencyKey: 'a key',
      }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((detail) => detail.path)).toEqual([
      'developmentId',
      'Idempotency-Key',
      'If-Match',
      'title',
      'stance',
    ]);
  });

  it('refuses a body alone', () => {
    const error = refusal(() => parseEditRequest(validateRetraction({}), { developmentId }));
    expect(error.details).toEqual([{ path: 'reason', message: 'is required' }]);
  });
});
