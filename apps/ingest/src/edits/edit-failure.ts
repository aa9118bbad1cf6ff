import { revisionEntityTag } from '@app/contracts';
import { ApiError } from '@app/http';
import { LogUnavailableError } from '@app/jetstream';
import { logUnavailableResponse } from '../log/log-unavailable';
import { ConcurrentEditsError } from './concurrent-edits.error';
import { Refusal } from './decide-edit';
import type { EditKind } from './development-editor.service';
import { EditRefusedError } from './edit-refused.error';

/** A failed edit as answered, and the outcome it is counted as. */
export interface EditFailure {
  outcome: string;
  answer: ApiError;
}

/** The answer to an edit that failed as edits can; undefined for any other error. */
export function editFailure(
  kind: EditKind,
  developmentId: string,
  error: unknown,
): EditFailure | undefined {
  if (error instanceof EditRefusedError) {
    const { refusal } = error;
    return { outcome: refusal.refused, answer: refusalAnswer(kind, developmentId, refusal) };
  }
  if (error instanceof ConcurrentEditsError) {
    const message = `The development kept changing (${error.message}); retry.`;
    return { outcome: 'conflict', answer: new ApiError('conflict', message) };
  }
  if (error instanceof LogUnavailableError) {
    return { outcome: 'unavailable', answer: logUnavailableResponse(error) };
  }
  return undefined;
}

function refusalAnswer(kind: EditKind, developmentId: string, refusal: Refusal): ApiError {
  switch (refusal.refused) {
    case 'not_found':
      return new ApiError('not_found', `No development ${developmentId} has been recorded.`);
    case 'retracted':
      return new ApiError(
        'retracted',
        kind === 'retraction'
          ? `The development was already retracted (sequence ${refusal.sequence}).`
          : `The development was retracted (sequence ${refusal.sequence}); it cannot be corrected.`,
      );
    case 'revision_moved':
      return new ApiError(
        'precondition_failed',
        `The development is at revision ${refusal.revision}, not the one in If-Match.`,
        [],
        { ETag: revisionEntityTag(refusal.revision) },
      );
    case 'invalid':
      return new ApiError(
        'validation_failed',
        'The corrected development would be invalid.',
        refusal.details,
      );
  }
}
