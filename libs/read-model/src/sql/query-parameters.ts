/** Collects the values of a query built piece by piece; `bind` returns the placeholder. */
export function queryParameters(): { values: unknown[]; bind: (value: unknown) => string } {
  const values: unknown[] = [];
  return { values, bind: (value) => `$${values.push(value)}` };
}
