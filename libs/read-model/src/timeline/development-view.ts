import type { Development, DevelopmentView } from '@app/contracts';
import { CURRENT_RELATIONS } from '../known-at/read-model-relations';

export interface DevelopmentViewRow {
  development_id: string;
  sequence: string;
  last_sequence: string;
  revision: number;
  recorded_at: Date;
  document: Development;
  retracted: { reason: string; sequence: number } | null;
  /** The canonical actor of each of its actors that was merged into another (canonicalActorIds). */
  canonical_ids?: Record<string, string> | null;
}

/**
 * SQL for the `canonical_ids` column of the developments aliased `developments`: the merged
 * actors among its actors and the actors they are now, as an object; null when none is.
 */
export function canonicalActorIds(
  developments: string,
  actorMerges = CURRENT_RELATIONS.actorMerges,
): string {
  return `(SELECT json_object_agg(m.actor_id, m.canonical_id)
             FROM ${actorMerges} m
            WHERE m.actor_id = ANY(${developments}.actor_ids) AND m.canonical_id <> m.actor_id
          ) AS canonical_ids`;
}

/**
 * The document with each merged actor shown as the actor it is now (in `actors` and in
 * `statements`), under the name the development gave it. The stored document is left as
 * the log has it, so an unmerge shows it as it was.
 */
export function withCanonicalActors(
  document: Development,
  canonicalIds: Record<string, string> | null | undefined,
): Development {
  if (!canonicalIds) return document;
  const canonical = (id: string) => canonicalIds[id] ?? id;
  return {
    ...document,
    actors: document.actors.map((actor) => ({ ...actor, id: canonical(actor.id) })),
    statements: document.statements.map((statement) => ({
      ...statement,
      actor: canonical(statement.actor),
    })),
  };
}

export const DEVELOPMENT_VIEW_COLUMNS =
  'development_id, sequence, last_sequence, revision, recorded_at, document, retracted';

export function toDevelopmentView(row: DevelopmentViewRow): DevelopmentView {
  return {
    developmentId: row.development_id,
    ...withCanonicalActors(row.document, row.canonical_ids),
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
  const documentJson = row.canonical_ids
    ? JSON.stringify(
        withCanonicalActors(JSON.parse(row.document_json) as Development, row.canonical_ids),
      )
    : row.document_json;
  const documentMembers = documentJson.slice(1, -1);
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
