import { Registry } from 'prom-client';
import { ProjectionsMetrics } from './projections.metrics';
import type { ProjectionStatus } from '@app/contracts';
import type { ProjectionsStatus } from './projections-status.service';

function projection(overrides: Partial<ProjectionStatus>): ProjectionStatus {
  return {
    name: 'timeline',
    status: 'live',
    position: 0,
    head: 0,
    lag: 0,
    rebuild: null,
    error: null,
    deadLetters: 0,
    lease: 'held',
    instance: 'host:1',
    activeInstance: 'host:1',
    ...overrides,
  };
}

describe('ProjectionsMetrics', () => {
  it('exports position, lag and stalled per projection from one report per scrape', async () => {
    const report = jest.fn(() =>
      Promise.resolve([
        projection({ name: 'timeline', status: 'stalled', position: 7, head: 12, lag: 5 }),
        projection({ name: 'positions', position: 12, head: 12 }),
      ]),
    );
    const registry = new Registry();
    new ProjectionsMetrics(registry, { report } as unknown as ProjectionsStatus);

    const text = await registry.metrics();

    expect(report).toHaveBeenCalledTimes(1);
    expect(text).toContain('newsline_projection_position{projection="timeline"} 7');
    expect(text).toContain('newsline_projection_lag{projection="timeline"} 5');
    expect(text).toContain('newsline_projection_stalled{projection="timeline"} 1');
    expect(text).toContain('newsline_projection_stalled{projection="positions"} 0');

    await registry.metrics();
    expect(report).toHaveBeenCalledTimes(2);
  });
});
