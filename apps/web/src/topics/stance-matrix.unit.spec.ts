import type { TopicPositions } from '@app/client';
import { buildStanceMatrix } from './stance-matrix';

const putin = { id: 'vladimir-putin', name: 'Vladimir Putin' };
const umerov = { id: 'rustem-umerov', name: 'Rustem Umerov' };
const zelensky = { id: 'зеленський', name: 'Зеленський' };

describe('buildStanceMatrix', () => {
  const topics: TopicPositions[] = [
    {
      topic: 'peace-plan',
      positions: [
        { actor: putin, stance: 'neutral', since: '2025-12-19', developmentId: 'd1' },
        { actor: umerov, stance: 'support', since: '2025-12-14', developmentId: 'd2' },
      ],
    },
    { topic: 'sanctions', positions: [] },
    {
      topic: 'security-guarantees',
      positions: [
        { actor: zelensky, stance: 'conditional', since: '2025-12-15', developmentId: 'd3' },
      ],
    },
  ];
  const matrix = buildStanceMatrix(topics);

  it('has a column per topic with positions, in the given order', () => {
    expect(matrix.topics).toEqual(['peace-plan', 'security-guarantees']);
    expect(matrix.topicsWithoutPositions).toEqual(['sanctions']);
  });

  it('has a row per actor, by name, whatever the script', () => {
    expect(matrix.rows.map((row) => row.actor.name)).toEqual([
      'Rustem Umerov',
      'Vladimir Putin',
      'Зеленський',
    ]);
  });

  it("holds each actor's stance on each topic, and nothing where there is none", () => {
    const putinRow = matrix.rows.find((row) => row.actor.id === 'vladimir-putin')!;
    expect(putinRow.cells).toEqual([
      { topic: 'peace-plan', stance: 'neutral', since: '2025-12-19', developmentId: 'd1' },
      null,
    ]);
    const zelenskyRow = matrix.rows.find((row) => row.actor.id === 'зеленський')!;
    expect(zelenskyRow.cells.map((cell) => cell?.stance ?? null)).toEqual([null, 'conditional']);
  });

  it('is empty without positions', () => {
    expect(buildStanceMatrix([])).toEqual({ topics: [], topicsWithoutPositions: [], rows: [] });
  });
});
