import type { ActorView } from '@app/contracts';
import { likelyDuplicates } from './likely-duplicates';

function actor(id: string, name: string, affiliation: string | null = null): ActorView {
  return {
    id,
    name,
    affiliation,
    developments: 1,
    statements: 0,
    firstSeenOn: '2025-12-01',
    lastSeenOn: '2025-12-01',
  };
}

const ACTORS = [
  actor('volodymyr-zelensky', 'Volodymyr Zelensky', 'ukraine'),
  actor('володимир-зеленський', 'Володимир Зеленський', 'ukraine'),
  actor('olena-zelenska', 'Olena Zelenska', 'ukraine'),
  actor('donald-trump', 'Donald Trump', 'usa'),
  actor('donald-trump-jr', 'Donald Trump Jr.', 'usa'),
  actor('donald-tusk', 'Donald Tusk', 'poland'),
  actor('kremlin', 'Kremlin'),
  actor('кремль', 'Кремль'),
  actor('volodymyr-zelenksy', 'Volodymyr Zelenksy'),
];

describe('likelyDuplicates', () => {
  const pairs = likelyDuplicates(ACTORS);
  const ids = pairs.map((pair) => pair.actors.map((a) => a.id).join(' + '));

  it('finds transliterations, shortened forms and misspellings, and no look-alikes', () => {
    expect([...ids].sort()).toEqual(
      [
        'volodymyr-zelensky + володимир-зеленський',
        'volodymyr-zelenksy + volodymyr-zelensky',
        'volodymyr-zelenksy + володимир-зеленський',
        'kremlin + кремль',
      ].sort(),
    );
  });

  it('orders pairs best first, then by their ids, each pair in id order', () => {
    const scores = pairs.map((pair) => pair.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const pair of pairs) expect(pair.actors[0].id < pair.actors[1].id).toBe(true);
    expect(likelyDuplicates([...ACTORS].reverse())).toEqual(pairs);
  });
});
