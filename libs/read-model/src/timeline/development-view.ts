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

/** A development's row with its document as the JSON text PostgreSQL keeps (`document_json`). */
export type DevelopmentJsonRow = Omit<DevelopmentViewRow, 'document'> & { document_json: string };

export const DEVELOPMENT_JSON_COLUMNS =
  'development_id, sequence, last_sequence, revision, recorded_at, document_json, retracted';

/**
 * `JSON.stringify(toDevelopmentView(row))`, with the document's members taken from its JSON
 * text as they are: the same keys in the same order, without parsing and printing them.
 */
export function developmentViewJson(row: DevelopmentJsonRow): string {
  const documentMembers = row.document_json.slice(1, -1);
  const members = [
    `"developmentId":${JSON.stringify(row.development_id)}`,
    ...(documentMembers ? [documentMembers] : []),
    `"revision":${row.revision}`,
    `"recordedAt":${JSON.stringify(row.recorded_at.toISOString())}`,
    `"sequence":${Number(row.sequence)}`,
    `"lastSequence":${Number(row.last_sequence)}`,
    ...(row.retracted ? [`"retracted":${JSON.stringify(row.retracted)}`] : []),
  ];
  return `{${members.join(',')}}`;
}
