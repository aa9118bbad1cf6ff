/**
 * SQLSTATE classes of errors that depend on the data alone, so the same statement fails the
 * same way every time: 22 data exception (e.g. text PostgreSQL cannot store), 23 integrity
 * constraint violation, 54 program limit exceeded (e.g. an index row too large).
 */
const DATA_DEPENDENT_CLASS = /^(22|23|54)[0-9A-Z]{3}$/;

/** The SQLSTATE and message when PostgreSQL refused the data itself; null otherwise. */
export function refusedByDatabase(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DATA_DEPENDENT_CLASS.test(code)) {
    return { code, message: error.message };
  }
  const driverError = (error as { driverError?: unknown }).driverError;
  return driverError instanceof Error && driverError !== error
    ? refusedByDatabase(driverError)
    : null;
}
