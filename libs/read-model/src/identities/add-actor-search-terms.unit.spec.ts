import { actorSearchTermRows } from './add-actor-search-terms';

describe('actorSearchTermRows', () => {
  it('gives each term of an id and its names once, from the first sequence that gave it', () => {
    const rows = actorSearchTermRows([
      { actorId: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', sequence: 9 },
      { actorId: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', sequence: 4 },
      { actorId: 'usa', name: 'United States', sequence: 5 },
    ]);
    expect(rows).toEqual([
      { term: 'volodymyr zelensky', actorId: 'volodymyr-zelensky', sequence: 4 },
      { term: 'zelensky', actorId: 'volodymyr-zelensky', sequence: 4 },
      { term: 'usa', actorId: 'usa', sequence: 5 },
      { term: 'united states', actorId: 'usa', sequence: 5 },
      { term: 'states', actorId: 'usa', sequence: 5 },
    ]);
  });

  it('keeps a name in another script under both of its forms', () => {
    const terms = actorSearchTermRows([{ actorId: 'умєров', name: 'Умєров' }]).map(
      (row) => row.term,
    );
    expect(terms).toEqual(['умєров', 'umierov']);
  });
});
