/** The log cannot be reached or did not confirm a write. */
export class LogUnavailableError extends Error {
  /**
   * True when a write was sent but its acknowledgement never came: it may or may not be
   * stored, and the caller must find out before answering.
   */
  readonly outcomeUnknown: boolean;

  constructor(message: string, options?: ErrorOptions & { outcomeUnknown?: boolean }) {
    super(message, options);
    this.name = 'LogUnavailableError';
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}
