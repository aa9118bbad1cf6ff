import { Development, normalizeDevelopment } from '../development';
import { developmentIdFor } from '../ids';
import { LoggedEvent } from './decode-event';
import {
  DevelopmentState,
  evolve,
  foldDevelopment,
  InvalidDevelopmentStreamError,
  revisionSetBy,
} from './development-state';
import { newsEventCorrected } from './news-event-corrected';
import { newsEventRecorded } from './news-event-recorded';
import { newsEventRetracted } from './news-event-retracted';

const developmentId = developmentIdFor('order-1');

function context(sequence: number) {
  return {
    now: () => new Date(Date.UTC(2025, 11, 16, 8, 0, sequence)),
    newId: () => `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
  };
}

const original = normalizeDevelopment({ occurredOn: '2025-12-14', title: 'Berlin talks' });

function recorded(sequence: number, development: Development = original): LoggedEvent {
  const data = { developmentId, idempotencyKey: 'order-1', development };
  return { sequence, event: newsEventRecorded(data, context(sequence)) };
}

function correctedTo(sequence: number, revision: number, title: string): LoggedEvent {
  const development = { ...original, title };
  const data = { developmentId, revision, changed: ['title'], development };
  return { sequence, event: newsEventCorrected(data, context(sequence)) };
}

function retracted(sequence: number, reason = 'duplicate'): LoggedEvent {
  return { sequence, event: newsEventRetracted({ developmentId, reason }, context(sequence)) };
}

describe('foldDevelopment', () => {
  const stream = [
    recorded(3),
    correctedTo(7, 2, 'Berlin talks, day one'),
    correctedTo(12, 3, 'Berlin talks, day one of two'),
    retracted(20, 'reported twice'),
  ];

  it('folds recorded -> corrected -> corrected -> retracted into the final state', () => {
    expect(foldDevelopment(stream)).toEqual<DevelopmentState>({
      developmentId,
      development: { ...original, title: 'Berlin talks, day one of two' },
      revision: 3,
      retracted: { reason: 'reported twice', sequence: 20 },
      sequence: 3,
      lastSequence: 20,
    });
  });

  it('takes the development of the last correction, not of an earlier one', () => {
    expect(foldDevelopment(stream.slice(0, 3))?.development.title).toBe(
      'Berlin talks, day one of two',
    );
  });

  it('leaves a retraction the content of the last correction', () => {
    expect(foldDevelopment(stream)?.development).toEqual(
      foldDevelopment(stream.slice(0, 3))?.development,
    );
  });

  it('is revision 1, not retracted, right after the recording', () => {
    expect(foldDevelopment([recorded(3)])).toEqual<DevelopmentState>({
      developmentId,
      development: original,
      revision: 1,
      retracted: null,
      sequence: 3,
      lastSequence: 3,
    });
  });

  it('is null without events', () => {
    expect(foldDevelopment([])).toBeNull();
  });

  it('gives the same state event by event through evolve', () => {
    let state: DevelopmentState | null = null;
    for (const logged of stream) state = evolve(state, logged);
    expect(state).toEqual(foldDevelopment(stream));
  });

  it('does not change the state it is given', () => {
    const state = foldDevelopment([recorded(3)])!;
    const before = structuredClone(state);
    evolve(state, correctedTo(7, 2, 'Changed'));
    evolve(state, retracted(8));
    expect(state).toEqual(before);
  });

  describe('refuses a stream that breaks the rules', () => {
    it('a correction before the recording', () => {
      const events = [correctedTo(2, 2, 'Too early'), recorded(3)];
      expect(() => foldDevelopment(events)).toThrow(InvalidDevelopmentStreamError);
      expect(() => foldDevelopment(events)).toThrow(`${developmentId} before it was recorded`);
    });

    it('a retraction before the recording', () => {
      expect(() => foldDevelopment([retracted(2)])).toThrow(InvalidDevelopmentStreamError);
    });

    it('a second recording', () => {
      const events = [recorded(3), correctedTo(4, 2, 'x'), recorded(5)];
      expect(() => foldDevelopment(events)).toThrow(InvalidDevelopmentStreamError);
      expect(() => foldDevelopment(events)).toThrow(`${developmentId} recorded twice`);
    });

    it('an event after the retraction', () => {
      const events = [recorded(3), retracted(4), correctedTo(5, 2, 'Too late')];
      expect(() => foldDevelopment(events)).toThrow(`${developmentId} after its retraction`);
      expect(() => foldDevelopment([recorded(3), retracted(4), retracted(5)])).toThrow(
        InvalidDevelopmentStreamError,
      );
    });

    it('makes InvalidDevelopmentStreamError an Error', () => {
      expect(new InvalidDevelopmentStreamError('x')).toBeInstanceOf(Error);
    });
  });
});

describe('revisionSetBy', () => {
  const recording = newsEventRecorded(
    { developmentId, idempotencyKey: 'order-1', development: original },
    context(3),
  );
  const correction = (revision: number) =>
    newsEventCorrected(
      { developmentId, revision, changed: ['title'], development: original },
      context(revision + 5),
    );

  it('is 1 for the recording', () => {
    expect(revisionSetBy(recording)).toBe(1);
  });

  it('is the revision a correction carries', () => {
    expect(revisionSetBy(correction(2))).toBe(2);
    expect(revisionSetBy(correction(5))).toBe(5);
  });

  it('is the revision the fold leaves the development at', () => {
    const last = correction(3);
    const stream = [recording, correction(2), last].map((event, index) => ({
      sequence: index + 1,
      event,
    }));
    expect(foldDevelopment(stream)?.revision).toBe(revisionSetBy(last));
  });
});
