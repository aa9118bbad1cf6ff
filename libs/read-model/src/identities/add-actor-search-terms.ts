import { searchTerms } from '@app/contracts';
import type { SqlExecutor } from '../projections/projection';

/** An actor id and a name a development gave it. */
export interface NamedActor {
  actorId: string;
  name: string;
}

export interface ActorSearchTermRow {
  term: string;
  actorId: string;
}

/** The rows of actor_search_terms for actor ids and their names, each once. */
export function actorSearchTermRows(actors: readonly NamedActor[]): ActorSearchTermRow[] {
  const termsById = new Map<string, Set<string>>();
  for (const { actorId, name } of actors) {
    let terms = termsById.get(actorId);
    if (!terms) {
      terms = new Set(searchTerms(actorId));
      termsById.set(actorId, terms);
    }
    for (const term of searchTerms(name)) terms.add(term);
  }
  return [...termsById].flatMap(([actorId, terms]) =>
    [...terms].map((term) => ({ term, actorId })),
  );
}

/** Stores the search terms of actor ids and names not seen before, for prefix search. */
export async function addActorSearchTerms(
  sql: SqlExecutor,
  actors: readonly NamedActor[],
): Promise<void> {
  const rows = actorSearchTermRows(actors);
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO actor_search_terms (term, actor_id)
     SELECT r.term, r."actorId" FROM jsonb_to_recordset($1::jsonb) AS r(term text, "actorId" text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
