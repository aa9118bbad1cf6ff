import { actorNameKeys } from './actor-name-keys';
import { blockingKeys } from './blocking-keys';

const keysOf = (name: string) => blockingKeys(actorNameKeys(name).tokens);
const meet = (a: string, b: string) => keysOf(a).some((key) => keysOf(b).includes(key));

describe('blockingKeys', () => {
  it('gives each word and its first four letters', () => {
    expect(blockingKeys(['zalanski', 'ua'])).toEqual(['zalanski', '^zala', 'ua']);
  });

  it('lets a misspelling, a shortened form and a transliteration meet their name', () => {
    expect(meet('Volodymyr Zelenksy', 'Volodymyr Zelensky')).toBe(true);
    expect(meet('Kremlin', 'Кремль')).toBe(true);
    expect(meet('the Kremlin', 'Кремль')).toBe(true);
    expect(meet('Maroš Šefčovič', 'Марош Шефчович')).toBe(true);
  });
});
