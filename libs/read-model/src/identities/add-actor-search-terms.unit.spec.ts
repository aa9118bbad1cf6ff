import { actorSearchTermRows } from './add-actor-search-terms';

describe('actorSearchTermRows', () => {
  it('gives each term of an id and its names once', () => {
    const rows = actorSearchTermRows([
      { actorId: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' },
      { actorId: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' },
      { actorId: 'usa', name: 'United States' },
    ]);
    expect(rows).toEqual([
      { term: 'volodymyr zelensky', actorId: 'volodymyr-zelensky' },
      { term: 'zelensky', actorId: 'volodymyr-zelensky' },
      { term: 'usa', actorId: 'usa' },
      { term: 'united states', actorId: 'usa' },
      { term: 'states', actorId: 'usa' },
    ]);
  });

  it('keeps a name in another script under both of its forms', () => {
    const terms = actorSearchTermRows([{ actorId: 'умєров', name: 'Умєров' }]).map(
      (row) => row.term,
    );
    expect(terms).toEqual(['умєров', 'umierov']);
  });
});
