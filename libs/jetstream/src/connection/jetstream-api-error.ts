import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';

/** Whether `error` is the JetStream API's refusal with this code. */
export function isJetStreamApiError(error: unknown, code: JetStreamApiCodes): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}
