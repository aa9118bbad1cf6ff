import { searchTerms } from '@app/contracts';
import type { TransactionSql } from '../projections/projection';

/** An actor id and a name a development gave it. */
export interface NamedActor {
  actorId: string;
  name: string;
  /** The log sequence of the event that named it so. */
  sequence?: number;
}

export interface ActorSearchTermRow {
  term: string;
  actorId: string;
  sequence: number;
}

/** The rows of actor_search_terms for actor ids and their names, each once. */
export function actorSearchTermRows(actors: readonly NamedActor[]): ActorSearchTermRow[] {
  // Each term once per actor, from the first event that gave it.
  const termsById = new Map<string, Map<string, number>>();
  for (const { actorId, name, sequence = 0 } of actors) {
    let terms = termsById.get(actorId);
    if (!terms) {
      terms = new Map();
      termsById.set(actorId, terms);
    }
    for (const term of [...searchTerms(actorId), ...searchTerms(name)]) {
      terms.set(term, Math.min(terms.get(term) ?? sequence, sequence));
    }
  }
  return [...termsById].flatMap(([actorId, terms]) =>
    [...terms].map(([term, sequence]) => ({ term, actorId, sequence })),
  );
}

/**
 * Stores the search terms of actor ids and names, for prefix search, each with the first
 * sequence that gave it (whatever order developments are applied in).
 */
export function addActorSearchTerms(sql: TransactionSql, actors: readonly NamedActor[]): void {
  const rows = actorSearchTermRows(actors);
  if (rows.length === 0) return;
  sql.send(
    `INSERT INTO actor_search_terms (term, actor_id, sequence)
     SELECT r.term, r."actorId", r.sequence
       FROM jsonb_to_recordset($1::jsonb) AS r(term text, "actorId" text, sequence bigint)
     ON CONFLICT (term, actor_id) DO UPDATE SET sequence = least(actor_search_terms.sequence, excluded.sequence)
       WHERE excluded.sequence < actor_search_terms.sequence`,
    [JSON.stringify(rows)],
  );
}
