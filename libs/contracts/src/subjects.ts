/** Subjects of the log. Every event of a development lives on that development's subject. */
export function developmentSubject(prefix: string, developmentId: string): string {
  return `${prefix}.dev.${developmentId}`;
}

/** All development subjects. */
export function developmentSubjects(prefix: string): string {
  return `${prefix}.dev.>`;
}

/**
 * An actor's identity events (merges) live on the actor's own subject. Ids are slugs of any
 * script; the token is the id percent-encoded as UTF-8 (an ASCII id stays as it is), so the
 * subject is ASCII and holds no `.`, `*` or `>`.
 */
export function actorSubject(prefix: string, actorId: string): string {
  return `${prefix}.actor.${encodeURIComponent(actorId)}`;
}

/** Every subject of the stream. */
export function streamSubjects(prefix: string): string {
  return `${prefix}.>`;
}

/**
 * Every subject below the prefix, as transport handlers match them. The projections take the
 * log whole, so one batch holds developments and merges together, in log order.
 */
export const LOG_EVENTS = '>';
