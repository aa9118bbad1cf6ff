import { actorNameKeys, ActorSimilarity, compareActors } from '@app/contracts';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import { ACTOR_COLUMNS, ActorDetail, ActorView, getActor } from '../positions/query-actors';

export interface ActorCandidate extends ActorSimilarity {
  actor: ActorView;
}

export interface SimilarActors {
  actor: ActorDetail;
  candidates: ActorCandidate[];
}

/** At most this many actors sharing a word or trigrams with the name are compared. */
const MAX_COMPARED = 400;

/**
 * Actors that may be the same as `actorId` (as merges stand: never one already merged with
 * it), best first. Candidates are the actors whose name shares a folded word with one of
 * its names, or whose folded name is trigram-similar to its own (pg_trgm); each is then
 * weighed by compareActors. Null for an unknown actor.
 */
export async function querySimilarActors(
  sql: SqlExecutor,
  actorId: string,
  limit: number,
): Promise<SimilarActors | null> {
  const actor = await getActor(sql, actorId);
  if (!actor) return null;
  const names = [actor.name, ...actor.aliases.map((alias) => alias.name)];
  const keys = names.map(actorNameKeys);
  const candidates = await sql.query<ActorView>(
    `SELECT ${ACTOR_COLUMNS}
       FROM ${READ_MODEL_SCHEMA}.actors a
      WHERE a.id <> $3 AND a.name IN (
        SELECT k.name FROM ${READ_MODEL_SCHEMA}.actor_name_keys k
         WHERE k.tokens && $1::text[] OR k.full_key % $2)
      LIMIT ${MAX_COMPARED}`,
    [[...new Set(keys.flatMap((key) => key.tokens))], keys[0].full, actor.id],
  );
  return { actor, candidates: bestCandidates(actor, names, candidates, limit) };
}

/** Each candidate weighed against the best-matching of the actor's names, best first. */
function bestCandidates(
  actor: ActorView,
  names: readonly string[],
  candidates: readonly ActorView[],
  limit: number,
): ActorCandidate[] {
  return candidates
    .map((candidate) => {
      const facts = { id: candidate.id, name: candidate.name, affiliation: candidate.affiliation };
      const similarity = names
        .map((name) => compareActors({ id: actor.id, name, affiliation: actor.affiliation }, facts))
        .reduce((best, next) => (next.score > best.score ? next : best));
      return { actor: candidate, ...similarity };
    })
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || (a.actor.id < b.actor.id ? -1 : 1))
    .slice(0, limit);
}
