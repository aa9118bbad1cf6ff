/**
 * Collects the values of a query built piece by piece, after the values of the relations it
 * reads (`ReadModelRelations.parameters`); `bind` returns the placeholder.
 */
export function queryParameters(first: readonly unknown[] = []): {
  values: unknown[];
  bind: (value: unknown) => string;
} {
  const values: unknown[] = [...first];
  return { values, bind: (value) => `$${values.push(value)}` };
}
