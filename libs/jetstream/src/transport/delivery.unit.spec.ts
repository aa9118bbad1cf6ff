import type { ConsumerNotification, JsMsg } from '@nats-io/jetstream';
import { fakeJsMsg } from '../testing/fake-js-msg';
import { consumerIsGone, Delivery } from './delivery';

describe('Delivery', () => {
  const byTopLevel = (message: JsMsg) => message.subject.split('.')[1];
  const sequences = (batch: JsMsg[] | null) => batch?.map((message) => message.seq) ?? null;

  it('hands out what arrived, in delivery order, at most `max` at a time', async () => {
    const delivery = new Delivery();
    for (const seq of [1, 2, 3, 4, 5]) delivery.receive(fakeJsMsg(seq));
    expect(sequences(await delivery.nextBatch(3, byTopLevel))).toEqual([1, 2, 3]);
    expect(sequences(await delivery.nextBatch(3, byTopLevel))).toEqual([4, 5]);
  });

  it('never puts messages of different routes in one batch', async () => {
    const delivery = new Delivery();
    delivery.receive(fakeJsMsg(1, 'news.dev.a'));
    delivery.receive(fakeJsMsg(2, 'news.dev.b'));
    delivery.receive(fakeJsMsg(3, 'news.actor.x'));
    delivery.receive(fakeJsMsg(4, 'news.dev.c'));
    expect(sequences(await delivery.nextBatch(10, byTopLevel))).toEqual([1, 2]);
    expect(sequences(await delivery.nextBatch(10, byTopLevel))).toEqual([3]);
    expect(sequences(await delivery.nextBatch(10, byTopLevel))).toEqual([4]);
  });

  it('waits for a message when none is buffered', async () => {
    const delivery = new Delivery();
    const next = delivery.nextBatch(10, byTopLevel);
    setImmediate(() => delivery.receive(fakeJsMsg(7)));
    expect(sequences(await next)).toEqual([7]);
  });

  it('counts received messages not handed out yet as waiting', async () => {
    const delivery = new Delivery();
    for (const seq of [1, 2, 3]) delivery.receive(fakeJsMsg(seq));
    await delivery.nextBatch(1, byTopLevel);
    expect(delivery.waiting.map((message) => message.seq)).toEqual([2, 3]);
  });

  it('ends when a delivery number is skipped, and hands out nothing more', async () => {
    const delivery = new Delivery();
    delivery.receive(fakeJsMsg(1, 'news.dev.a', 1));
    delivery.receive(fakeJsMsg(2, 'news.dev.b', 2));
    delivery.receive(fakeJsMsg(4, 'news.dev.d', 4));
    delivery.receive(fakeJsMsg(5, 'news.dev.e', 5));
    expect(delivery.ended.aborted).toBe(true);
    expect(delivery.endReason).toBe('delivery 3 never arrived');
    // Buffered ones included: the next consumer delivers them again from the checkpoint.
    expect(await delivery.nextBatch(10, byTopLevel)).toBeNull();
  });

  it('takes the first delivery number as it comes (a consumer starting after the checkpoint)', async () => {
    const delivery = new Delivery();
    delivery.receive(fakeJsMsg(40, 'news.dev.a', 1));
    delivery.receive(fakeJsMsg(41, 'news.dev.a', 2));
    expect(delivery.ended.aborted).toBe(false);
    expect(sequences(await delivery.nextBatch(10, byTopLevel))).toEqual([40, 41]);
  });

  it('wakes a waiting batch with nothing once it is ended, and keeps the first reason', async () => {
    const delivery = new Delivery();
    const next = delivery.nextBatch(10, byTopLevel);
    delivery.end('the consumer was restarted');
    delivery.end('the consumer is stopping');
    expect(await next).toBeNull();
    expect(delivery.endReason).toBe('the consumer was restarted');
    delivery.receive(fakeJsMsg(1));
    expect(delivery.waiting).toEqual([]);
  });

  it('can be closed whether or not it has ended', async () => {
    const delivery = new Delivery();
    await delivery.close();
    expect(delivery.ended.aborted).toBe(true);
    await delivery.close();
  });
});

describe('consumerIsGone', () => {
  it.each<[ConsumerNotification, boolean]>([
    [{ type: 'heartbeats_missed', count: 1 }, false],
    [{ type: 'heartbeats_missed', count: 2 }, true],
    [{ type: 'consumer_not_found', name: 'projector', stream: 'LOG', count: 1 }, true],
    [{ type: 'consumer_deleted', code: 409, description: 'consumer deleted' }, true],
    [{ type: 'stream_not_found', name: 'LOG' }, true],
    [{ type: 'no_responders', code: 503 }, false],
    [{ type: 'reset', name: 'projector' }, false],
  ])('%j -> %s', (notification, gone) => {
    expect(consumerIsGone(notification)).toBe(gone);
  });
});
