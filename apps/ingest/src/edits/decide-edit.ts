import {
  correctDevelopment,
  DevelopmentChanges,
  DevelopmentState,
  EditOutcome,
  foldDevelopment,
  LoggedEvent,
  NewsEventCorrectedData,
  NewsEventRetractedData,
  ValidationDetail,
} from '@app/contracts';

/** Why an edit is refused, decided from the development's events alone. */
export type Refusal =
  | { refused: 'not_found' }
  | { refused: 'retracted'; sequence: number }
  | { refused: 'revision_moved'; revision: number }
  | { refused: 'invalid'; details: ValidationDetail[] };

/** The data of the event to append, or why there is none. */
export type Decision<Data> = { refused: null; data: Data } | Refusal;

/** A correction of the development as it stands, made conditional by `expectedRevision`. */
export function decideCorrection(
  state: DevelopmentState | null,
  changes: DevelopmentChanges,
  expectedRevision?: number,
): Decision<NewsEventCorrectedData> {
  const refusal = refusalFor(state, expectedRevision);
  if (refusal) return refusal;
  const current = state!;
  const corrected = correctDevelopment(current.development, changes);
  if (!corrected.ok) return { refused: 'invalid', details: corrected.details };
  return {
    refused: null,
    data: {
      developmentId: current.developmentId,
      revision: current.revision + 1,
      changed: Object.keys(changes).sort(),
      development: corrected.development,
    },
  };
}

export function decideRetraction(
  state: DevelopmentState | null,
  reason: string,
  expectedRevision?: number,
): Decision<NewsEventRetractedData> {
  const refusal = refusalFor(state, expectedRevision);
  if (refusal) return refusal;
  return { refused: null, data: { developmentId: state!.developmentId, reason } };
}

function refusalFor(state: DevelopmentState | null, expectedRevision?: number): Refusal | null {
  if (!state) return { refused: 'not_found' };
  if (state.retracted) return { refused: 'retracted', sequence: state.retracted.sequence };
  if (expectedRevision !== undefined && expectedRevision !== state.revision) {
    return { refused: 'revision_moved', revision: state.revision };
  }
  return null;
}

/** An event already in the development's log, with the revision it left the development at. */
export function findEdit(events: readonly LoggedEvent[], eventId: string): EditOutcome | null {
  const index = events.findIndex(({ event }) => event.eventId === eventId);
  if (index === -1) return null;
  const state = foldDevelopment(events.slice(0, index + 1))!;
  return { eventId, sequence: events[index].sequence, revision: state.revision };
}
