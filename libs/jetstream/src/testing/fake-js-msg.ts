import type { JsMsg } from '@nats-io/jetstream';

export type FakeJsMsg = Omit<JsMsg, 'ack' | 'working'> & { ack: jest.Mock; working: jest.Mock };

/** A delivered log message, as much of it as the transport reads, with spies on its acks. */
export function fakeJsMsg(
  seq: number,
  subject = `news.dev.${seq}`,
  deliverySequence = seq,
): FakeJsMsg {
  return {
    seq,
    subject,
    data: new TextEncoder().encode(`{"seq":${seq}}`),
    info: { deliverySequence },
    ack: jest.fn(),
    working: jest.fn(),
  } as unknown as FakeJsMsg;
}
