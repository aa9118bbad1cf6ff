import { actorNameKeys, blockingKeys, compareActors } from '@app/contracts';
import type { ActorCandidate, ActorView, SimilarActors } from '@app/contracts';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import type { SqlExecutor } from '../projections/projection';
import { ACTOR_COLUMNS, getActor } from '../positions/query-actors';

/** At most this many actors sharing a word with the actor's last word are compared, */
const MAX_COMPARED = 200;
/** and this many more sharing only its first letters (misspellings, shortened forms). */
const MAX_BY_PREFIX = 50;

const KEYS = `${READ_MODEL_SCHEMA}.actor_name_keys`;

/**
 * Actors that may be the same as `actorId` (as merges stand: never one already merged with
 * it), best first. Candidates are the actors whose name shares a blocking key (a folded
 * word, or its first letters) with the last word of one of its names, found by index;
 * each is then weighed by compareActors. Null for an unknown actor.
 */
export async function querySimilarActors(
  sql: SqlExecutor,
  actorId: string,
  limit: number,
): Promise<SimilarActors | null> {
  const actor = await getActor(sql, actorId);
  if (!actor) return null;
  const names = [actor.name, ...actor.aliases.map((alias) => alias.name)];
  // By the last word (usually the surname): a first name is shared by too many people.
  // Whole words before prefixes, when there are more candidates than are compared.
  const keys = blockingKeys(names.flatMap((name) => actorNameKeys(name).tokens.slice(-1)));
  const candidates = await sql.query<ActorView>(
    `SELECT ${ACTOR_COLUMNS}
       FROM ${READ_MODEL_SCHEMA}.actors a
      WHERE a.id <> $3 AND a.name = ANY(ARRAY(
        (SELECT k.name FROM ${KEYS} k WHERE k.key = ANY($1::text[]) LIMIT ${MAX_COMPARED})
        UNION ALL
        (SELECT k.name FROM ${KEYS} k WHERE k.key = ANY($2::text[]) LIMIT ${MAX_BY_PREFIX})))`,
    [
      keys.filter((key) => !key.startsWith('^')),
      keys.filter((key) => key.startsWith('^')),
      actor.id,
    ],
  );
  return { actor, candidates: bestCandidates(actor, candidates, limit) };
}

/**
 * Each candidate weighed against the actor's name, best first. Its aliases' names find
 * candidates but do not weigh them: a surname alone among them would make every namesake
 * likely.
 */
function bestCandidates(
  actor: ActorView,
  candidates: readonly ActorView[],
  limit: number,
): ActorCandidate[] {
  const facts = (a: ActorView) => ({ id: a.id, name: a.name, affiliation: a.affiliation });
  return candidates
    .map((candidate) => ({ actor: candidate, ...compareActors(facts(actor), facts(candidate)) }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || (a.actor.id < b.actor.id ? -1 : 1))
    .slice(0, limit);
}
