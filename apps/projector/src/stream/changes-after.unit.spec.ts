import type { PositionChange } from '@app/contracts';
import { byEvent } from './changes-after';

const change = (sequence: number, topic: string) => ({ sequence, topic }) as PositionChange;

describe('byEvent', () => {
  it('groups consecutive changes by their event, in order', () => {
    const changes = [change(3, 'a'), change(3, 'b'), change(5, 'a'), change(8, 'c')];
    expect(byEvent(changes)).toEqual([
      { sequence: 3, changes: [changes[0], changes[1]] },
      { sequence: 5, changes: [changes[2]] },
      { sequence: 8, changes: [changes[3]] },
    ]);
    expect(byEvent([])).toEqual([]);
  });
});
