import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';

/** A canonical actor with every name and id it is known by. */
export interface VocabularyActor {
  /** The canonical id: merges resolved. */
  id: string;
  /** Its current name; its id when no development has named it (a merge target only). */
  name: string;
  /**
   * The other names developments gave it or any actor merged into it, and the ids of the
   * actors merged into it (a merged id no development named is known by its id alone).
   */
  aliases: string[];
  affiliation: string | null;
}

/** What drafts resolve names and topics against: the read model's actors and topics. */
export interface DraftingVocabulary {
  actors: VocabularyActor[];
  /** Topic slugs in use, most developments first. */
  topics: string[];
}

interface ActorRow {
  id: string;
  name: string | null;
  affiliation: string | null;
  names: string[] | null;
  mergedIds: string[] | null;
}

const S = READ_MODEL_SCHEMA;

/**
 * Every canonical actor with its names and merged ids, and the topics in use. Actors merged
 * into another are not listed: their names and ids are aliases of the actor they were merged
 * into. A merge target that no development named is listed under its id; an actor only
 * retracted developments named is left out.
 */
export async function queryDraftingVocabulary(sql: SqlExecutor): Promise<DraftingVocabulary> {
  const [actorRows, topicRows] = await Promise.all([
    sql.query<ActorRow>(
      `WITH given AS (
         SELECT canonical_actor_id AS id, array_agg(DISTINCT name) AS names
           FROM ${S}.development_actors GROUP BY canonical_actor_id),
       merged AS (
         SELECT canonical_id AS id, array_agg(actor_id ORDER BY actor_id) AS ids
           FROM ${S}.actor_merges WHERE actor_id <> canonical_id GROUP BY canonical_id)
       SELECT coalesce(a.id, m.id) AS id, a.name, a.affiliation, g.names, m.ids AS "mergedIds"
         FROM ${S}.actors a
         FULL JOIN merged m ON m.id = a.id
         LEFT JOIN given g ON g.id = coalesce(a.id, m.id)
        WHERE a.id IS NULL OR a.developments > 0 OR a.statements > 0 OR m.id IS NOT NULL
        ORDER BY 1`,
    ),
    sql.query<{ topic: string }>(
      `SELECT topic FROM ${S}.topics WHERE developments > 0 OR statements > 0
        ORDER BY developments DESC, topic`,
    ),
  ]);
  return {
    actors: actorRows.map(vocabularyActor),
    topics: topicRows.map((row) => row.topic),
  };
}

function vocabularyActor(row: ActorRow): VocabularyActor {
  const name = row.name ?? row.id;
  const aliases = new Set([...(row.names ?? []), ...(row.mergedIds ?? [])]);
  aliases.delete(name);
  return {
    id: row.id,
    name,
    aliases: [...aliases].sort(),
    affiliation: row.affiliation,
  };
}
