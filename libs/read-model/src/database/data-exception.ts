/**
 * Whether PostgreSQL refused a value given to a query (SQLSTATE class 22, data exception:
 * U+0000 in text, a number out of range, a value of the wrong type).
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code.startsWith('22');
}
