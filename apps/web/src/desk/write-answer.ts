import type { ApiErrorBody, ValidationDetail } from '@app/client';

export type WriteKind = 'record' | 'correct' | 'retract';

/** What an answer of a write means for the form that sent it. */
export type WriteOutcome =
  | { kind: 'done'; message: string; sequence: number; developmentId?: string; revision?: number }
  | { kind: 'invalid'; message: string; details: ValidationDetail[] }
  /** The development moved on since the form was opened (412). */
  | { kind: 'stale'; message: string }
  /** Sign in (again), or with a role that may write. */
  | { kind: 'unauthorized'; message: string }
  | { kind: 'refused'; message: string };

const DONE: Record<WriteKind, string> = {
  record: 'Recorded',
  correct: 'Corrected',
  retract: 'Retracted',
};

function objectOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** What ingest answered to a development, a correction or a retraction, in words. */
export function describeWriteAnswer(kind: WriteKind, status: number, body: unknown): WriteOutcome {
  const answer = objectOf(body);
  const error = answer as Partial<ApiErrorBody>;
  const said = typeof error.message === 'string' ? error.message : undefined;
  if ((status === 200 || status === 202) && typeof answer.sequence === 'number') {
    const repeat = status === 200 || answer.duplicate === true;
    return {
      kind: 'done',
      message: repeat
        ? `${DONE[kind]} already; nothing new was written.`
        : `${DONE[kind]}; it shows once the projector has applied it.`,
      sequence: answer.sequence,
      ...(typeof answer.developmentId === 'string' && { developmentId: answer.developmentId }),
      ...(typeof answer.revision === 'number' && { revision: answer.revision }),
    };
  }
  switch (status) {
    case 400:
      return {
        kind: 'invalid',
        message: said ?? 'Some fields need attention.',
        details: Array.isArray(error.details) ? error.details : [],
      };
    case 401:
      return {
        kind: 'unauthorized',
        message: `Not signed in, or the sign-in has expired${said ? ` (${said})` : ''}: sign in and send again.`,
      };
    case 403:
      return {
        kind: 'unauthorized',
        message: 'Your role may not write: sign in as an editor to send this.',
      };
    case 404:
      return { kind: 'refused', message: 'This development is not known to ingest.' };
    case 409:
      return { kind: 'refused', message: said ?? 'Refused: the development cannot be changed.' };
    case 412:
      return { kind: 'stale', message: 'The development was changed meanwhile.' };
    case 413:
      return { kind: 'refused', message: 'Too large to record: shorten the text.' };
    case 429:
      return {
        kind: 'refused',
        message: 'Too many writes for now: wait a moment, then send again.',
      };
    case 503:
      return {
        kind: 'refused',
        message: `${said ?? 'The log is unreachable.'} Sending again is safe: it is recorded once.`,
      };
    default:
      return {
        kind: 'refused',
        message: `Failed (${status})${said ? `: ${said}` : '.'} Sending again is safe: it is recorded once.`,
      };
  }
}

/** When a write got no answer at all. */
export const UNREACHABLE_MESSAGE =
  'The server cannot be reached, so it is not known whether this was recorded. Sending again is safe: it is recorded once.';
