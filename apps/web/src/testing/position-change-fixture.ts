import type { PositionChange } from '../changes/position-change';

/** A change as GET /v1/changes returns it, with what a test does not care about filled in. */
export function aChange(fields: Partial<PositionChange> & { sequence: number }): PositionChange {
  return {
    recordedAt: '2026-12-07T10:00:00.000Z',
    recordedBy: 'alice',
    eventType: 'NewsEventRecorded',
    developmentId: '1c1f3b8e-8d52-5bd4-9d1e-3b7c2f1a0e11',
    actor: { id: 'rustem-umerov', name: 'Rustem Umerov' },
    topic: 'peace-plan',
    before: null,
    after: { stance: 'support', since: '2025-12-14' },
    ...fields,
  };
}
