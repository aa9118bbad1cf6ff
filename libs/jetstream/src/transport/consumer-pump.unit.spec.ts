import type { JsMsg } from '@nats-io/jetstream';
import { fakeJsMsg, FakeJsMsg } from '../testing/fake-js-msg';
import { ConsumerPump, ConsumerPumpOptions } from './consumer-pump';
import { ConsumerState } from './consumer-state';
import { Delivery } from './delivery';

async function until(what: string, condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('ConsumerPump', () => {
  let pump: ConsumerPump;
  let deliveries: Delivery[];
  let handled: number[][];
  let state: ConsumerState;
  let logger: { log: jest.Mock; error: jest.Mock; warn: jest.Mock };

  function startPump(overrides: Partial<ConsumerPumpOptions> = {}): void {
    pump = new ConsumerPump({
      name: 'projector',
      maxBatch: 10,
      routeOf: () => 'dev.>',
      openDelivery: () => {
        const delivery = new Delivery();
        deliveries.push(delivery);
        return Promise.resolve(delivery);
      },
      handle: (batch: JsMsg[]) => {
        handled.push(batch.map((message) => message.seq));
        return Promise.resolve();
      },
      consumerState: state,
      logger,
      ...overrides,
    });
    pump.start();
  }

  const current = () => deliveries[deliveries.length - 1];
  const deliver = (...messages: FakeJsMsg[]) => messages.forEach((m) => current().receive(m));

  beforeEach(() => {
    deliveries = [];
    handled = [];
    state = new ConsumerState();
    logger = { log: jest.fn(), error: jest.fn(), warn: jest.fn() };
  });

  afterEach(() => pump.stop());

  it('acknowledges the last message of a batch once its handler has finished', async () => {
    const handler = deferred();
    startPump({
      handle: (batch) => {
        handled.push(batch.map((message) => message.seq));
        return handler.promise;
      },
    });
    await until('a live consumer', () => state.status === 'live');
    const messages = [fakeJsMsg(1), fakeJsMsg(2), fakeJsMsg(3)];
    deliver(...messages);
    await until('the batch to be handed over', () => handled.length === 1);
    expect(handled).toEqual([[1, 2, 3]]);
    expect(messages[2].ack).not.toHaveBeenCalled();

    handler.resolve();
    await until('the acknowledgement', () => messages[2].ack.mock.calls.length === 1);
    // Ack policy "all": the last one acknowledges the batch.
    expect(messages[0].ack).not.toHaveBeenCalled();
    expect(messages[1].ack).not.toHaveBeenCalled();
  });

  it('retries a failing batch in place, reported stalled until it goes through', async () => {
    let failures = 2;
    startPump({
      handle: (batch) => {
        handled.push(batch.map((message) => message.seq));
        if (failures-- > 0) return Promise.reject(new Error('database down'));
        return Promise.resolve();
      },
    });
    await until('a delivery', () => deliveries.length === 1);
    const messages = [fakeJsMsg(1), fakeJsMsg(2)];
    deliver(...messages);
    await until('the first failure', () => state.status === 'stalled');
    expect(state.lastError).toBe('database down');
    expect(messages[1].working).toHaveBeenCalled();

    await until('the acknowledgement', () => messages[1].ack.mock.calls.length === 1);
    expect(handled).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(state.status).toBe('live');
    expect(logger.error).toHaveBeenCalledWith(
      'handling 2 messages from sequence 1 failed (attempt 2): database down',
    );
    expect(logger.log).toHaveBeenCalledWith('consumer projector recovered');
  });

  it('recreates the consumer from the checkpoint when a delivery number is skipped', async () => {
    startPump();
    await until('a delivery', () => deliveries.length === 1);
    const skipped = fakeJsMsg(3, 'news.dev.3', 3);
    const first = deliveries[0];
    first.receive(fakeJsMsg(1, 'news.dev.1', 1));
    first.receive(skipped);
    await until('a new delivery', () => deliveries.length === 2);
    expect(first.ended.aborted).toBe(true);
    expect(logger.error).toHaveBeenCalledWith(
      'consumer projector: delivery 2 never arrived; resuming from the checkpoint',
    );
    expect(skipped.ack).not.toHaveBeenCalled();

    deliver(fakeJsMsg(2, 'news.dev.2', 1), fakeJsMsg(3, 'news.dev.3', 2));
    await until('the batch', () => handled.length > 0);
    expect(handled.flat()).toEqual([2, 3]);
  });

  it('tries again to recreate a consumer that could not be', async () => {
    let refusals = 1;
    startPump({
      openDelivery: () => {
        if (refusals-- > 0) return Promise.reject(new Error('not connected to NATS'));
        const delivery = new Delivery();
        deliveries.push(delivery);
        return Promise.resolve(delivery);
      },
    });
    await until('the refusal', () => state.status === 'stalled');
    expect(state.lastError).toBe('not connected to NATS');
    await until('a delivery', () => deliveries.length === 1);
    expect(state.status).toBe('live');
  });

  it('stops after the batch in hand is handled and acknowledged', async () => {
    const handler = deferred();
    startPump({
      handle: (batch) => {
        handled.push(batch.map((message) => message.seq));
        return handler.promise;
      },
    });
    await until('a delivery', () => deliveries.length === 1);
    const message = fakeJsMsg(1);
    deliver(message);
    await until('the batch to be handed over', () => handled.length === 1);

    let stopped = false;
    const stopping = pump.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    handler.resolve();
    await stopping;
    expect(message.ack).toHaveBeenCalledTimes(1);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].ended.aborted).toBe(true);
  });

  it('cuts a pause short when stopped, and leaves the failing batch unacknowledged', async () => {
    startPump({ handle: () => Promise.reject(new Error('database down')) });
    await until('a delivery', () => deliveries.length === 1);
    const message = fakeJsMsg(1);
    deliver(message);
    await until('three failures', () => logger.error.mock.calls.length >= 3);
    const started = Date.now();
    await pump.stop();
    expect(Date.now() - started).toBeLessThan(200);
    expect(message.ack).not.toHaveBeenCalled();
  });

  it('stops while it waits for the lease', async () => {
    startPump({
      openDelivery: (signal) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason as Error)),
        ),
    });
    await pump.stop();
    expect(state.status).toBe('starting');
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('a restart ends the delivery, and the consumer is recreated from the checkpoint', async () => {
    startPump();
    await until('a live consumer', () => state.status === 'live');
    pump.restart();
    await until('a new delivery', () => deliveries.length === 2);
    expect(deliveries[0].ended.aborted).toBe(true);
    expect(logger.log).toHaveBeenCalledWith(
      'consumer projector: the consumer was restarted; resuming from the checkpoint',
    );
  });

  it('is not stalled while it waits for the lease again after a restart, even one cut mid-batch', async () => {
    const lease = deferred();
    let opened = 0;
    startPump({
      openDelivery: async () => {
        if (opened++ > 0) await lease.promise;
        const delivery = new Delivery();
        deliveries.push(delivery);
        return delivery;
      },
      handle: () => Promise.reject(new Error('the lease connection was released')),
    });
    await until('a delivery', () => deliveries.length === 1);
    deliver(fakeJsMsg(1));
    await until('a failure', () => state.status === 'stalled');
    pump.restart();
    await until('the delivery to end', () => deliveries[0].ended.aborted);
    await until('a standby', () => state.status === 'starting');
    expect(state.lastError).toBeNull();
    lease.resolve();
    await until('a second delivery', () => deliveries.length === 2);
  });

  it('a restart while a consumer is being opened ends the delivery it opens', async () => {
    const lease = deferred();
    startPump({
      openDelivery: async () => {
        await lease.promise;
        const delivery = new Delivery();
        deliveries.push(delivery);
        return delivery;
      },
    });
    pump.restart();
    lease.resolve();
    await until('a second delivery', () => deliveries.length === 2);
    expect(deliveries[0].endReason).toBe('the consumer was restarted');
    expect(deliveries[1].ended.aborted).toBe(false);
  });

  it('a restart gives up a batch that waits for another try', async () => {
    startPump({ handle: () => Promise.reject(new Error('database down')) });
    await until('a delivery', () => deliveries.length === 1);
    const message = fakeJsMsg(1);
    deliver(message);
    await until('a failure', () => state.status === 'stalled');
    pump.restart();
    await until('a new delivery', () => deliveries.length === 2);
    expect(message.ack).not.toHaveBeenCalled();
  });
});
