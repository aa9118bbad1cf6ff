/** SQLSTATE classes and codes that mean "the database cannot serve now", not "bad query". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P|55000$|3D000$)/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|not currently accepting connections/i;

/** Whether an error thrown by a query means PostgreSQL is unreachable or refusing us. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_SQLSTATE.test(code)) return true;
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError instanceof Error && driverError !== error) {
    if (isDatabaseUnavailable(driverError)) return true;
  }
  return UNAVAILABLE_MESSAGE.test(error.message);
}
