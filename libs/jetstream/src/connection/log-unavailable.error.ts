/** The log cannot be reached or did not confirm a write; nothing may be claimed as recorded. */
export class LogUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LogUnavailableError';
  }
}
