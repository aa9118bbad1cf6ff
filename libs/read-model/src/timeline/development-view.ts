import type { Development } from '@app/contracts';

/** A development as the query API returns it. */
export type DevelopmentView = Development & {
  developmentId: string;
  revision: number;
  recordedAt: string;
  sequence: number;
  lastSequence: number;
  retracted?: { reason: string; sequence: number };
};

export interface DevelopmentViewRow {
  development_id: string;
  sequence: string;
  last_sequence: string;
  revision: number;
  recorded_at: Date;
  document: Development;
  retracted: { reason: string; sequence: number } | null;
}

export const DEVELOPMENT_VIEW_COLUMNS =
  'development_id, sequence, last_sequence, revision, recorded_at, document, retracted';

export function toDevelopmentView(row: DevelopmentViewRow): DevelopmentView {
  return {
    developmentId: row.development_id,
    ...row.document,
    revision: row.revision,
    recordedAt: row.recorded_at.toISOString(),
    sequence: Number(row.sequence),
    lastSequence: Number(row.last_sequence),
    ...(row.retracted && { retracted: row.retracted }),
  };
}
