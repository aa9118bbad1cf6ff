/** Subjects of the log. Every event of a development lives on that development's subject. */
export function developmentSubject(prefix: string, developmentId: string): string {
  return `${prefix}.dev.${developmentId}`;
}

/** All development subjects, for consumers. */
export function developmentSubjects(prefix: string): string {
  return `${prefix}.dev.>`;
}

/** Every subject of the stream. */
export function streamSubjects(prefix: string): string {
  return `${prefix}.>`;
}

/** Development subjects relative to the prefix, as transport handlers match them. */
export const DEVELOPMENT_EVENTS = 'dev.>';
