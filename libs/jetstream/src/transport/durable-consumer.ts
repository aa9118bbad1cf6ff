import { AckPolicy, Consumer, DeliverPolicy, JetStreamApiCodes } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { isJetStreamApiError, NatsConnection } from '../connection';

export interface DurableConsumerSpec {
  durableName: string;
  filterSubject: string;
  /** Messages delivered and not acknowledged yet, at most. */
  maxAckPending: number;
  ackWaitMs: number;
}

/**
 * (Re)creates the durable consumer to deliver from just after `resumeAfter`, what was
 * applied. Whatever it had delivered before (to a process that died, or across a lost
 * connection) would otherwise come back only after ack_wait, behind newer messages, and be
 * skipped as already applied: starting from the checkpoint keeps delivery in log order.
 */
export async function recreateDurableConsumer(
  connection: NatsConnection,
  spec: DurableConsumerSpec,
  resumeAfter: number,
): Promise<Consumer> {
  const jsm = connection.jetStreamManager();
  const stream = connection.streamName;
  await jsm.consumers.delete(stream, spec.durableName).catch((error: unknown) => {
    if (!isJetStreamApiError(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
  });
  await jsm.consumers.add(stream, {
    durable_name: spec.durableName,
    filter_subject: spec.filterSubject,
    ack_policy: AckPolicy.All,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
    ...(resumeAfter > 0
      ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: resumeAfter + 1 }
      : { deliver_policy: DeliverPolicy.All }),
  });
  return connection.jetStream().consumers.get(stream, spec.durableName);
}
