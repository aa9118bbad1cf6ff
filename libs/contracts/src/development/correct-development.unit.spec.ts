import { correctDevelopment, Corrected } from './correct-development';
import { Development } from './development';
import { DevelopmentChanges } from './development.schema';
import { normalizeDevelopment } from './normalize-development';

const oneDay = normalizeDevelopment({
  occurredOn: '2025-12-14',
  title: 'Berlin talks',
  body: 'The delegations met.',
  location: 'Berlin',
  topics: ['peace-plan'],
  actors: [{ id: 'usa', name: 'United States' }],
  statements: [{ actor: 'Rustem Umerov', topic: 'security-guarantees', stance: 'support' }],
  source: { name: 'Die Zeit' },
});

const range = normalizeDevelopment({
  occurredOn: '2025-12-14',
  occurredUntil: '2025-12-16',
  title: 'Berlin talks',
});

/** The corrected development; fails if the correction was refused. */
function corrected(current: Development, changes: DevelopmentChanges): Development {
  const result = correctDevelopment(current, changes);
  if (!result.ok) throw new Error(`unexpectedly refused: ${JSON.stringify(result.details)}`);
  return result.development;
}

function refusedPaths(result: Corrected): string[] {
  return result.ok ? [] : result.details.map((detail) => detail.path);
}

describe('correctDevelopment', () => {
  describe('replaces only the fields given', () => {
    it('a new title leaves every other field as it was', () => {
      expect(corrected(oneDay, { title: 'Berlin talks, day one' })).toEqual({
        ...oneDay,
        title: 'Berlin talks, day one',
      });
    });

    it('a new body and location leave title, dates, actors and statements alone', () => {
      expect(corrected(oneDay, { body: 'Corrected.', location: 'Geneva' })).toEqual({
        ...oneDay,
        body: 'Corrected.',
        location: 'Geneva',
      });
    });

    it('a new source replaces the whole source', () => {
      expect(corrected(oneDay, { source: { url: 'https://example.org/b' } }).source).toEqual({
        url: 'https://example.org/b',
      });
    });

    it('does not change the development it corrects', () => {
      const before = structuredClone(oneDay);
      corrected(oneDay, { title: 'Changed', occurredOn: '2025-12-20', topics: ['sanctions'] });
      expect(oneDay).toEqual(before);
    });
  });

  describe('dates', () => {
    it('moves a one-day development and keeps it one day long', () => {
      const moved = corrected(oneDay, { occurredOn: '2025-12-20' });
      expect(moved.occurredOn).toBe('2025-12-20');
      expect(moved.occurredUntil).toBe('2025-12-20');
    });

    it('moves a one-day development to an earlier day and keeps it one day long', () => {
      const moved = corrected(oneDay, { occurredOn: '2025-12-01' });
      expect([moved.occurredOn, moved.occurredUntil]).toEqual(['2025-12-01', '2025-12-01']);
    });

    it('keeps the end of a range whose start moves within it', () => {
      const moved = corrected(range, { occurredOn: '2025-12-15' });
      expect([moved.occurredOn, moved.occurredUntil]).toEqual(['2025-12-15', '2025-12-16']);
    });

    it('extends a one-day development into a range when given occurredUntil', () => {
      const extended = corrected(oneDay, { occurredUntil: '2025-12-15' });
      expect([extended.occurredOn, extended.occurredUntil]).toEqual(['2025-12-14', '2025-12-15']);
    });

    it('moves a range when given both dates', () => {
      const moved = corrected(range, { occurredOn: '2025-12-20', occurredUntil: '2025-12-21' });
      expect([moved.occurredOn, moved.occurredUntil]).toEqual(['2025-12-20', '2025-12-21']);
    });

    it('refuses to move the start of a range past its end, naming occurredOn', () => {
      const result = correctDevelopment(range, { occurredOn: '2025-12-17' });
      expect(result.ok).toBe(false);
      expect(refusedPaths(result)).toEqual(['occurredOn']);
    });

    it('accepts moving the start of a range onto its end', () => {
      const moved = corrected(range, { occurredOn: '2025-12-16' });
      expect([moved.occurredOn, moved.occurredUntil]).toEqual(['2025-12-16', '2025-12-16']);
    });

    it('refuses an occurredUntil before occurredOn, naming occurredUntil', () => {
      const result = correctDevelopment(oneDay, { occurredUntil: '2025-12-13' });
      expect(result).toEqual({
        ok: false,
        details: [
          {
            path: 'occurredUntil',
            message: 'must leave occurredUntil (2025-12-13) on or after occurredOn (2025-12-14)',
          },
        ],
      });
    });

    it('names occurredUntil when both dates are given in the wrong order', () => {
      const result = correctDevelopment(range, {
        occurredOn: '2025-12-20',
        occurredUntil: '2025-12-19',
      });
      expect(refusedPaths(result)).toEqual(['occurredUntil']);
    });
  });

  describe('statements, actors and topics are normalized like a new development', () => {
    it("resolves a statement naming an existing actor by name to that actor's id", () => {
      const development = corrected(oneDay, {
        statements: [{ actor: 'United States', topic: 'peace-plan', stance: 'oppose' }],
      });
      expect(development.statements).toEqual([
        { actor: 'usa', topic: 'peace-plan', stance: 'oppose' },
      ]);
      expect(development.actors.filter((actor) => actor.id === 'usa')).toHaveLength(1);
    });

    it("resolves a statement naming an actor a statement added by that actor's id", () => {
      const development = corrected(oneDay, {
        statements: [{ actor: 'rustem-umerov', topic: 'peace-plan', stance: 'neutral' }],
      });
      expect(development.statements[0].actor).toBe('rustem-umerov');
      expect(development.actors.map((actor) => actor.id)).toEqual(['usa', 'rustem-umerov']);
    });

    it("adds a new statement's actor and topic", () => {
      const development = corrected(oneDay, {
        statements: [{ actor: 'Keir Starmer', topic: 'sanctions', stance: 'support' }],
      });
      expect(development.actors).toContainEqual({ id: 'keir-starmer', name: 'Keir Starmer' });
      expect(development.topics).toContain('sanctions');
      expect(development.statements).toEqual([
        { actor: 'keir-starmer', topic: 'sanctions', stance: 'support' },
      ]);
    });

    it("keeps the topics of the development's statements when topics are replaced", () => {
      const development = corrected(oneDay, { topics: ['reconstruction'] });
      expect(development.topics).toEqual(['reconstruction', 'security-guarantees']);
    });

    it('gives new actors their ids and removes duplicates', () => {
      const development = corrected(oneDay, {
        actors: [{ name: 'Ukraine' }, { id: 'usa', name: 'United States' }, { name: 'ukraine' }],
      });
      expect(development.actors.slice(0, 2)).toEqual([
        { id: 'ukraine', name: 'Ukraine' },
        { id: 'usa', name: 'United States' },
      ]);
    });
  });

  describe('keeps what the log can hold and what statements name', () => {
    it('keeps the name of an actor a statement still names when actors are replaced', () => {
      const development = corrected(oneDay, { actors: [{ name: 'Ukraine' }] });
      expect(development.actors).toEqual([
        { id: 'ukraine', name: 'Ukraine' },
        { id: 'rustem-umerov', name: 'Rustem Umerov' },
      ]);
    });

    it('keeps the name of a dropped actor that new statements name by id', () => {
      const development = corrected(oneDay, {
        actors: [{ name: 'Ukraine' }],
        statements: [{ actor: 'usa', topic: 'sanctions', stance: 'oppose' }],
      });
      expect(development.actors).toContainEqual({ id: 'usa', name: 'United States' });
      expect(development.actors).not.toContainEqual({ id: 'rustem-umerov', name: 'Rustem Umerov' });
    });

    it('refuses a correction that would leave more topics than the log reader accepts', () => {
      let development = oneDay;
      for (let i = 0; i < 68; i++) {
        development = corrected(development, {
          statements: [{ actor: 'usa', topic: `t${i}`, stance: 'support' }],
        });
      }
      expect(development.topics).toHaveLength(70);
      const result = correctDevelopment(development, {
        statements: [{ actor: 'usa', topic: 'one-more', stance: 'support' }],
      });
      expect(refusedPaths(result)).toEqual(['topics']);
      expect(corrected(development, { topics: ['peace-plan'] }).topics).toEqual([
        'peace-plan',
        't67',
      ]);
    });
  });
});
