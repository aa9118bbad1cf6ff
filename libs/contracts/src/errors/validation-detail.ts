/** One problem with a request, as it appears in an error response's `details`. */
export interface ValidationDetail {
  path: string;
  message: string;
  /** For a merge refused as a conflict: the actor to merge into instead. */
  canonical?: string;
}

/** `['statements', 0, 'stance']` -> `statements[0].stance`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((formatted, segment) => {
    if (typeof segment === 'number') return `${formatted}[${segment}]`;
    const name = String(segment);
    return formatted === '' ? name : `${formatted}.${name}`;
  }, '');
}
