/** A value of a hash query, trimmed; undefined when it is missing or blank. */
export function nonEmpty(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
