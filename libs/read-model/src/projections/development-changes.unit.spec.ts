import {
  Development,
  developmentIdFor,
  DevelopmentInput,
  newsEventCorrected,
  newsEventRecorded,
  newsEventRetracted,
  normalizeDevelopment,
} from '@app/contracts';
import { DevelopmentChange, developmentChanges } from './development-changes';
import type { ProjectedEvent } from './projection';

function context(sequence: number) {
  return {
    now: () => new Date(Date.UTC(2025, 11, 16, 8, 0, sequence)),
    newId: () => `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
  };
}

function developmentOf(title: string, input: Partial<DevelopmentInput> = {}): Development {
  return normalizeDevelopment({ occurredOn: '2025-12-14', title, ...input });
}

function recorded(sequence: number, key: string, development = developmentOf(key)) {
  const data = { developmentId: developmentIdFor(key), idempotencyKey: key, development };
  return { sequence, event: newsEventRecorded(data, context(sequence)) } satisfies ProjectedEvent;
}

function corrected(sequence: number, key: string, revision: number, development: Development) {
  const data = { developmentId: developmentIdFor(key), revision, changed: ['title'], development };
  return { sequence, event: newsEventCorrected(data, context(sequence)) } satisfies ProjectedEvent;
}

function retracted(sequence: number, key: string, reason = 'duplicate') {
  const data = { developmentId: developmentIdFor(key), reason };
  return { sequence, event: newsEventRetracted(data, context(sequence)) } satisfies ProjectedEvent;
}

const a = developmentIdFor('a');
const b = developmentIdFor('b');
const c = developmentIdFor('c');

describe('developmentChanges', () => {
  it('makes no changes of no events', () => {
    expect(developmentChanges([])).toEqual([]);
  });

  it('folds a recording, a correction and a retraction in one batch into one change', () => {
    const fixed = developmentOf('a, corrected');
    const events = [recorded(4, 'a'), corrected(6, 'a', 2, fixed), retracted(9, 'a', 'wrong')];
    expect(developmentChanges(events)).toEqual<DevelopmentChange[]>([
      {
        developmentId: a,
        recorded: { sequence: 4, recordedAt: '2025-12-16T08:00:04.000Z' },
        development: fixed,
        developmentSequence: 6,
        revision: 2,
        retracted: { reason: 'wrong', sequence: 9 },
        lastSequence: 9,
      },
    ]);
  });

  it('makes a plain recording a change with its own development and sequence', () => {
    const [change] = developmentChanges([recorded(3, 'a')]);
    expect(change).toEqual<DevelopmentChange>({
      developmentId: a,
      recorded: { sequence: 3, recordedAt: '2025-12-16T08:00:03.000Z' },
      development: developmentOf('a'),
      developmentSequence: 3,
      revision: 1,
      retracted: null,
      lastSequence: 3,
    });
  });

  it('keeps the order in which developments first appear, with each one’s last sequence', () => {
    const events = [
      recorded(1, 'b'),
      recorded(2, 'a'),
      corrected(3, 'b', 2, developmentOf('b2')),
      recorded(4, 'c'),
      retracted(5, 'a'),
    ];
    const changes = developmentChanges(events);
    expect(changes.map((change) => change.developmentId)).toEqual([b, a, c]);
    expect(changes.map((change) => change.lastSequence)).toEqual([3, 5, 4]);
  });

  it('takes the revision of the last correction of a development recorded in an earlier batch, with recorded null', () => {
    const last = developmentOf('a, third revision');
    const events = [corrected(10, 'a', 2, developmentOf('a, second')), corrected(12, 'a', 3, last)];
    expect(developmentChanges(events)).toEqual<DevelopmentChange[]>([
      {
        developmentId: a,
        recorded: null,
        development: last,
        developmentSequence: 12,
        revision: 3,
        retracted: null,
        lastSequence: 12,
      },
    ]);
  });

  it('leaves the development null when the batch only retracts it', () => {
    expect(developmentChanges([retracted(7, 'a', 'withdrawn')])).toEqual<DevelopmentChange[]>([
      {
        developmentId: a,
        recorded: null,
        development: null,
        developmentSequence: 7,
        revision: null,
        retracted: { reason: 'withdrawn', sequence: 7 },
        lastSequence: 7,
      },
    ]);
  });

  it('keeps the development of a correction made before a retraction in the same batch', () => {
    const fixed = developmentOf('a, corrected');
    const [change] = developmentChanges([corrected(5, 'a', 2, fixed), retracted(6, 'a')]);
    expect(change.development).toEqual(fixed);
    expect(change.developmentSequence).toBe(5);
  });

  describe('does not depend on where the batch is split', () => {
    const stream: ProjectedEvent[] = [
      recorded(1, 'a'),
      recorded(
        2,
        'b',
        developmentOf('b', { statements: [{ actor: 'X', topic: 't', stance: 'support' }] }),
      ),
      corrected(3, 'a', 2, developmentOf('a, second')),
      corrected(4, 'b', 2, developmentOf('b, second', { occurredUntil: '2025-12-20' })),
      corrected(5, 'a', 3, developmentOf('a, third')),
      retracted(6, 'b', 'duplicate'),
      corrected(7, 'a', 4, developmentOf('a, fourth')),
    ];

    /** What a projection keeps of a development: later batches override what they set. */
    function stored(changes: DevelopmentChange[][], developmentId: string) {
      let document: Development | null = null;
      let revision = 0;
      let retraction: DevelopmentChange['retracted'] = null;
      let lastSequence = 0;
      for (const change of changes.flat()) {
        if (change.developmentId !== developmentId) continue;
        revision = change.revision ?? revision;
        document = change.development ?? document;
        retraction = change.retracted ?? retraction;
        lastSequence = change.lastSequence;
      }
      return { document, revision, retraction, lastSequence };
    }

    it.each(stream.map((_event, index) => [index]))(
      'folding events before and from index %i separately gives what folding them together gives',
      (split) => {
        const together = [developmentChanges(stream)];
        const apart = [
          developmentChanges(stream.slice(0, split)),
          developmentChanges(stream.slice(split)),
        ];
        for (const id of [a, b]) expect(stored(apart, id)).toEqual(stored(together, id));
      },
    );

    it('ends with the last correction of each development', () => {
      const together = [developmentChanges(stream)];
      expect(stored(together, a)).toEqual({
        document: developmentOf('a, fourth'),
        revision: 4,
        retraction: null,
        lastSequence: 7,
      });
      expect(stored(together, b).document?.title).toBe('b, second');
      expect(stored(together, b).retraction).toEqual({ reason: 'duplicate', sequence: 6 });
    });
  });
});
