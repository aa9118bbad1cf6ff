import { fakeJsMsg } from '../testing/fake-js-msg';
import { Delivery } from './delivery';
import { deliveryOf, INITIAL_PUMP_STATE, nextPumpState, PumpEvent, PumpState } from './pump-state';

describe('nextPumpState', () => {
  const delivery = new Delivery();
  const batch = [fakeJsMsg(1), fakeJsMsg(2)];
  const error = new Error('boom');
  const recreating = (failures: number): Extract<PumpState, { name: 'recreating-consumer' }> => ({
    name: 'recreating-consumer',
    failures,
  });
  const handling = (failures: number): Extract<PumpState, { name: 'handling' }> => ({
    name: 'handling',
    delivery,
    batch,
    failures,
  });
  const afterDeliveryEnded: PumpState = {
    name: 'backing-off',
    attempt: 0,
    then: { name: 'recreating-consumer', failures: 1 },
  };

  it('starts by recreating the consumer', () => {
    expect(INITIAL_PUMP_STATE).toEqual(recreating(0));
  });

  it.each<[string, PumpState, PumpEvent, PumpState]>([
    [
      'a ready consumer is fetched from',
      recreating(3),
      { type: 'consumer-ready', delivery },
      { name: 'fetching', delivery },
    ],
    [
      'a consumer that cannot be recreated is tried again after a longer pause each time',
      recreating(2),
      { type: 'consumer-failed', error },
      { name: 'backing-off', attempt: 2, then: recreating(3) },
    ],
    [
      'a fetched batch is handled, with no failure yet',
      { name: 'fetching', delivery },
      { type: 'batch-fetched', batch },
      handling(0),
    ],
    [
      'a delivery that ends while fetching is not resumed: the consumer is recreated',
      { name: 'fetching', delivery },
      { type: 'delivery-ended', reason: 'delivery 3 never arrived' },
      afterDeliveryEnded,
    ],
    [
      'a handled batch is followed by the next one',
      handling(2),
      { type: 'batch-handled' },
      { name: 'fetching', delivery },
    ],
    [
      'a failed batch is handled again, in place, after a pause',
      handling(1),
      { type: 'handling-failed', error },
      { name: 'backing-off', attempt: 1, then: handling(2) },
    ],
    [
      'after the pause, the retried state comes back',
      { name: 'backing-off', attempt: 1, then: handling(2) },
      { type: 'backed-off' },
      handling(2),
    ],
    [
      'a delivery that ends while its batch waits for a retry is given up',
      { name: 'backing-off', attempt: 4, then: handling(5) },
      { type: 'delivery-ended', reason: 'the consumer was restarted' },
      afterDeliveryEnded,
    ],
  ])('%s', (_, state, event, next) => {
    expect(nextPumpState(state, event)).toEqual(next);
  });

  it.each<PumpState>([
    recreating(0),
    { name: 'fetching', delivery },
    handling(0),
    { name: 'backing-off', attempt: 0, then: recreating(1) },
    { name: 'stopped' },
  ])('stops from $name when asked', (state) => {
    expect(nextPumpState(state, { type: 'stop-requested' })).toEqual({ name: 'stopped' });
  });

  it('stays stopped whatever happens', () => {
    expect(nextPumpState({ name: 'stopped' }, { type: 'batch-handled' })).toEqual({
      name: 'stopped',
    });
  });

  it('refuses an event a state cannot meet', () => {
    expect(() => nextPumpState({ name: 'fetching', delivery }, { type: 'batch-handled' })).toThrow(
      'the consumer pump has no transition from fetching on batch-handled',
    );
    expect(() => nextPumpState(recreating(0), { type: 'backed-off' })).toThrow(
      /from recreating-consumer on backed-off/,
    );
  });
});

describe('deliveryOf', () => {
  const delivery = new Delivery();

  it('finds the delivery a state holds messages of, also behind a pause', () => {
    expect(deliveryOf({ name: 'fetching', delivery })).toBe(delivery);
    const handling: Extract<PumpState, { name: 'handling' }> = {
      name: 'handling',
      delivery,
      batch: [],
      failures: 0,
    };
    expect(deliveryOf(handling)).toBe(delivery);
    expect(deliveryOf({ name: 'backing-off', attempt: 0, then: handling })).toBe(delivery);
  });

  it('finds none while the consumer is being recreated or stopped', () => {
    const recreating: Extract<PumpState, { name: 'recreating-consumer' }> = {
      name: 'recreating-consumer',
      failures: 0,
    };
    expect(deliveryOf(recreating)).toBeUndefined();
    expect(deliveryOf({ name: 'backing-off', attempt: 0, then: recreating })).toBeUndefined();
    expect(deliveryOf({ name: 'stopped' })).toBeUndefined();
  });
});
