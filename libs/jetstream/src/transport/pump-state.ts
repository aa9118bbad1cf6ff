import type { JsMsg } from '@nats-io/jetstream';
import type { Delivery } from './delivery';

type RecreatingConsumer = { name: 'recreating-consumer'; failures: number };
type Handling = { name: 'handling'; delivery: Delivery; batch: JsMsg[]; failures: number };

/**
 * Where the consumer pump is. `failures` counts the failed tries in a row of what the state
 * does; a backing-off state waits `backoffDelay(attempt)` before trying `then` again.
 */
export type PumpState =
  | RecreatingConsumer
  | { name: 'fetching'; delivery: Delivery }
  | Handling
  | { name: 'backing-off'; attempt: number; then: RecreatingConsumer | Handling }
  | { name: 'stopped' };

/** What happened while the pump was in a state. */
export type PumpEvent =
  | { type: 'consumer-ready'; delivery: Delivery }
  | { type: 'consumer-failed'; error: unknown }
  | { type: 'batch-fetched'; batch: JsMsg[] }
  | { type: 'batch-handled' }
  | { type: 'handling-failed'; error: unknown }
  | { type: 'delivery-ended'; reason: string }
  | { type: 'backed-off' }
  | { type: 'stop-requested' };

export const INITIAL_PUMP_STATE: PumpState = { name: 'recreating-consumer', failures: 0 };

/** A delivery that ended is not resumed: a short pause, then a consumer from the checkpoint. */
const AFTER_DELIVERY_ENDED: PumpState = {
  name: 'backing-off',
  attempt: 0,
  then: { name: 'recreating-consumer', failures: 1 },
};

/** Every transition of the pump. */
export function nextPumpState(state: PumpState, event: PumpEvent): PumpState {
  if (state.name === 'stopped' || event.type === 'stop-requested') return { name: 'stopped' };
  switch (state.name) {
    case 'recreating-consumer':
      if (event.type === 'consumer-ready') return { name: 'fetching', delivery: event.delivery };
      if (event.type === 'consumer-failed') {
        return {
          name: 'backing-off',
          attempt: state.failures,
          then: { name: 'recreating-consumer', failures: state.failures + 1 },
        };
      }
      break;
    case 'fetching':
      if (event.type === 'batch-fetched') {
        return { name: 'handling', delivery: state.delivery, batch: event.batch, failures: 0 };
      }
      if (event.type === 'delivery-ended') return AFTER_DELIVERY_ENDED;
      break;
    case 'handling':
      if (event.type === 'batch-handled') return { name: 'fetching', delivery: state.delivery };
      if (event.type === 'handling-failed') {
        return {
          name: 'backing-off',
          attempt: state.failures,
          then: { ...state, failures: state.failures + 1 },
        };
      }
      break;
    case 'backing-off':
      if (event.type === 'backed-off') return state.then;
      if (event.type === 'delivery-ended') return AFTER_DELIVERY_ENDED;
      break;
  }
  throw new Error(`the consumer pump has no transition from ${state.name} on ${event.type}`);
}

/** The delivery a state holds messages of, if any. */
export function deliveryOf(state: PumpState): Delivery | undefined {
  if (state.name === 'fetching' || state.name === 'handling') return state.delivery;
  if (state.name === 'backing-off') return deliveryOf(state.then);
  return undefined;
}
