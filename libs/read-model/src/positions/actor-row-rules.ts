/**
 * The rules that make an actor's row out of the development actor rows that name it, in SQL:
 * the projection keeps the current rows by them, and known-at answers put past rows together
 * by them. `rows` is a relation of development actor rows (development_id, actor_id,
 * canonical_actor_id, name, affiliation, occurred_on, sequence).
 */

/**
 * Per canonical actor among `rows`, the name it goes by: one given under its own id before
 * one given under an alias, a name given before a bare reference, then the newest; the actor
 * id settles a tie within one development (qualified: a bare `actor_id` in ORDER BY would
 * name the output column, the canonical id). Columns as the actor rows name them. With
 * `alsoBy`, columns of `rows`, per canonical actor and value of those (and they are selected).
 */
export function bestName(rows: string, alsoBy: readonly string[] = []): string {
  const keys = groupKeys(alsoBy);
  return `SELECT DISTINCT ON (r.canonical_actor_id${keys}) r.canonical_actor_id AS actor_id${keys},
                 r.name, r.actor_id = r.canonical_actor_id AS name_own,
                 r.name <> r.actor_id AS name_given, r.occurred_on AS named_on,
                 r.sequence AS named_sequence
            FROM ${rows} r
           ORDER BY r.canonical_actor_id${keys}, r.actor_id = r.canonical_actor_id DESC,
                    r.name <> r.actor_id DESC, r.occurred_on DESC, r.sequence DESC, r.actor_id`;
}

/** Per canonical actor among `rows` (and value of the columns `alsoBy`), the newest affiliation given. */
export function latestAffiliation(rows: string, alsoBy: readonly string[] = []): string {
  const keys = groupKeys(alsoBy);
  return `SELECT DISTINCT ON (r.canonical_actor_id${keys}) r.canonical_actor_id AS actor_id${keys},
                 r.affiliation, r.occurred_on AS affiliated_on, r.sequence AS affiliated_sequence
            FROM ${rows} r WHERE r.affiliation IS NOT NULL
           ORDER BY r.canonical_actor_id${keys}, r.occurred_on DESC, r.sequence DESC, r.actor_id`;
}

const groupKeys = (columns: readonly string[]) => columns.map((column) => `, r.${column}`).join('');

/** Whether the name of `candidate` comes before that of `kept` in bestName's order. */
export const isBetterName = (candidate: string, kept: string) =>
  `(${candidate}.name_own, ${candidate}.name_given, ${candidate}.named_on, ${candidate}.named_sequence)
   > (${kept}.name_own, ${kept}.name_given, ${kept}.named_on, ${kept}.named_sequence)`;

/** Whether `candidate` gives an affiliation newer than that of `kept` (which may have none). */
export const isNewerAffiliation = (candidate: string, kept: string) =>
  `${candidate}.affiliation IS NOT NULL AND (${kept}.affiliation IS NULL
   OR (${candidate}.affiliated_on, ${candidate}.affiliated_sequence)
      > (${kept}.affiliated_on, ${kept}.affiliated_sequence))`;
