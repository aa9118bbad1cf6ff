import { JsMsg } from '@nats-io/jetstream';

/** A log message as handlers see it: its place in the log and its raw payload. */
export interface ReceivedMessage {
  sequence: number;
  subject: string;
  data: Uint8Array;
}

export function toReceivedMessage(message: JsMsg): ReceivedMessage {
  return { sequence: message.seq, subject: message.subject, data: message.data };
}
