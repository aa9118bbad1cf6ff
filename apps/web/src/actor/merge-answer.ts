import type { ActorMergeOutcome, ApiErrorBody } from '@app/client';

export type IdentityChange = 'merge' | 'unmerge';

export interface MergeAnswer {
  ok: boolean;
  message: string;
  /** Signing in (again, or with a role that may write) would help. */
  signIn?: boolean;
  /** The log sequence of the merge or unmerge: the page reloads once it is applied. */
  sequence?: number;
}

const DONE: Record<IdentityChange, string> = {
  merge: 'Merged',
  unmerge: 'Merge undone',
};

/** What ingest's answer to a merge or an unmerge means, in words. */
export function describeMergeAnswer(
  change: IdentityChange,
  status: number,
  answer: unknown,
): MergeAnswer {
  const body = (typeof answer === 'object' && answer !== null ? answer : {}) as Partial<
    ApiErrorBody & ActorMergeOutcome
  >;
  const message = typeof body.message === 'string' ? body.message : undefined;
  if ((status === 200 || status === 202) && typeof body.sequence === 'number') {
    const already = body.duplicate === true ? ' (it already was)' : '';
    return {
      ok: true,
      message: `${DONE[change]}${already}; the page updates once the projector has applied it…`,
      sequence: body.sequence,
    };
  }
  switch (status) {
    case 401:
      return {
        ok: false,
        signIn: true,
        message: `Refused (401): not signed in, or the sign-in has expired${message ? ` (${message})` : ''}; sign in and try again.`,
      };
    case 403:
      return {
        ok: false,
        signIn: true,
        message: 'Refused (403): your role may not merge actors; sign in as an editor.',
      };
    case 409:
      // Ingest writes these for people: which actor is merged where, and what to do instead.
      return { ok: false, message: message ?? 'Refused (409): the actors changed meanwhile.' };
    default: {
      const details = (Array.isArray(body.details) ? body.details : [])
        .filter((detail) => detail.message !== message)
        .map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message));
      const reason = message ?? 'ingest did not accept the change.';
      return {
        ok: false,
        message: `Failed (${status}): ${reason}${details.length > 0 ? ` (${details.join('; ')})` : ''}`,
      };
    }
  }
}

/** When the request did not get an answer at all. */
export const MERGE_UNREACHABLE_MESSAGE =
  'The server cannot be reached, so it is not known whether the change was made; trying again is safe.';
