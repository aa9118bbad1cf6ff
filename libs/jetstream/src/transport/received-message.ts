import { JsMsg } from '@nats-io/jetstream';

/** A log message as handlers see it: decoded metadata, raw payload. */
export interface ReceivedMessage {
  sequence: number;
  subject: string;
  headers: Record<string, string>;
  data: Uint8Array;
  deliveryCount: number;
}

export function toReceivedMessage(message: JsMsg): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [name, values] of message.headers ?? []) headers[name] = values[0] ?? '';
  return {
    sequence: message.seq,
    subject: message.subject,
    headers,
    data: message.data,
    deliveryCount: message.info.deliveryCount,
  };
}
