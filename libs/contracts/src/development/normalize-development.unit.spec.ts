import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { inForm, propertySeed, unicodeText } from '../testing/unicode-forms';
import { DevelopmentInput, StatementInput } from './development.schema';
import { actorIdOf, normalizeDevelopment } from './normalize-development';
import { isIdSlug, slugify } from './slug';
import { validateDevelopment } from './validate-development';

const base: DevelopmentInput = { occurredOn: '2025-12-14', title: 'Berlin talks' };

function statement(actor: string, topic = 'peace-plan'): StatementInput {
  return { actor, topic, stance: 'support' };
}

function validSeed(): DevelopmentInput[] {
  const path = join(__dirname, '../../../../examples/developments.seed.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as unknown[]).map((body) => {
    const result = validateDevelopment(body);
    if (!result.ok) throw new Error(`invalid example: ${JSON.stringify(result.details)}`);
    return result.value;
  });
}

describe('actorIdOf', () => {
  it('is the slug of the name when it has one', () => {
    expect(actorIdOf('Volodymyr Zelensky')).toBe('volodymyr-zelensky');
    expect(actorIdOf('Зеленський')).toBe(slugify('Зеленський'));
  });

  it.each([['🙂'], ['!!!'], ['🇺🇦'], ['🙂 ']])('is never empty, even for %j', (name) => {
    expect(actorIdOf(name)).not.toBe('');
  });

  it('gives a stable id slug for a name without letters or digits', () => {
    expect(actorIdOf('🙂')).toBe(actorIdOf('🙂'));
    expect(isIdSlug(actorIdOf('🙂'))).toBe(true);
  });

  it('gives different names without letters different ids', () => {
    expect(actorIdOf('🙂')).not.toBe(actorIdOf('🙃'));
    expect(actorIdOf('🙂')).not.toBe(actorIdOf('🙂🙂'));
  });
});

describe('actorIdOf on names composed or decomposed', () => {
  it('gives the NFC and NFD spelling of a name without letters the same id', () => {
    const name = '\u2260'; // "≠", decomposed "=" + U+0338
    expect(inForm(name, 'NFD')).toBe('=\u0338');
    expect(actorIdOf(inForm(name, 'NFD'))).toBe(actorIdOf(name));
  });

  it('gives the NFC and NFD forms of any name the same id', () => {
    fc.assert(
      fc.property(unicodeText, (name) => {
        expect(actorIdOf(inForm(name, 'NFD'))).toBe(actorIdOf(inForm(name, 'NFC')));
      }),
      { seed: propertySeed('actor id of NFC and NFD forms') },
    );
  });
});

describe('normalizeDevelopment', () => {
  describe('actors', () => {
    it('fills in a missing id with the slug of the name', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [{ name: 'Volodymyr Zelensky', affiliation: 'ukraine' }, { name: 'Зеленський' }],
      });
      expect(development.actors).toEqual([
        { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
        { id: 'зеленський', name: 'Зеленський' },
      ]);
    });

    it('keeps an id that was sent', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [{ id: 'usa', name: 'United States' }],
      });
      expect(development.actors).toEqual([{ id: 'usa', name: 'United States' }]);
    });

    it('gives an actor whose name has no letters a non-empty id', () => {
      const development = normalizeDevelopment({ ...base, actors: [{ name: '🙂' }] });
      expect(development.actors[0].id).toBe(actorIdOf('🙂'));
      expect(development.actors[0].id).not.toBe('');
    });

    it('adds no affiliation key to an actor sent without one', () => {
      const development = normalizeDevelopment({ ...base, actors: [{ name: 'Russia' }] });
      expect(development.actors[0]).not.toHaveProperty('affiliation');
    });

    it('keeps the first of actors sharing an explicit id', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [
          { id: 'usa', name: 'United States' },
          { id: 'usa', name: 'USA', affiliation: 'nato' },
        ],
      });
      expect(development.actors).toEqual([{ id: 'usa', name: 'United States' }]);
    });

    it('keeps the first of actors whose names slug to the same id', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [{ name: 'Volodymyr Zelensky' }, { name: 'volodymyr  zelensky' }],
      });
      expect(development.actors).toEqual([
        { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' },
      ]);
    });

    it('gives an empty list when no actors were sent', () => {
      expect(normalizeDevelopment(base).actors).toEqual([]);
    });
  });

  describe('statements', () => {
    const actors = [{ id: 'usa', name: 'United States' }];

    it("resolves an actor named by id to that actor's id", () => {
      const development = normalizeDevelopment({ ...base, actors, statements: [statement('usa')] });
      expect(development.statements[0].actor).toBe('usa');
    });

    it("resolves an actor named by name to that actor's id", () => {
      const development = normalizeDevelopment({
        ...base,
        actors,
        statements: [statement('United States')],
      });
      expect(development.statements[0].actor).toBe('usa');
    });

    it('resolves a reference by name and one by id to the same actor, added once', () => {
      const development = normalizeDevelopment({
        ...base,
        actors,
        statements: [statement('United States'), statement('usa')],
      });
      expect(development.statements.map((resolved) => resolved.actor)).toEqual(['usa', 'usa']);
      expect(development.actors).toEqual(actors);
    });

    it('resolves the name and the derived id of an actor sent without id to the same actor', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [{ name: 'Volodymyr Zelensky' }],
        statements: [statement('Volodymyr Zelensky'), statement('volodymyr-zelensky')],
      });
      expect(development.statements.map((resolved) => resolved.actor)).toEqual([
        'volodymyr-zelensky',
        'volodymyr-zelensky',
      ]);
      expect(development.actors).toHaveLength(1);
    });

    it('resolves a name whose slug is the id of a listed actor to that actor', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [{ id: 'rustem-umerov', name: 'Umerov' }],
        statements: [statement('Rustem Umerov')],
      });
      expect(development.statements[0].actor).toBe('rustem-umerov');
      expect(development.actors).toEqual([{ id: 'rustem-umerov', name: 'Umerov' }]);
    });

    it('resolves a name sent decomposed to the actor listed with it composed', () => {
      const development = normalizeDevelopment({
        ...base,
        actors: [{ id: 'zelensky', name: 'Зеленський' }],
        statements: [statement('Зеленський'.normalize('NFD'))],
      });
      expect(development.statements[0].actor).toBe('zelensky');
      expect(development.actors).toEqual([{ id: 'zelensky', name: 'Зеленський' }]);
    });

    it('adds an unlisted actor named composed and decomposed once, keeping its name as sent', () => {
      const decomposed = 'Зеленський'.normalize('NFD');
      const development = normalizeDevelopment({
        ...base,
        statements: [statement(decomposed), statement('Зеленський', 'security-guarantees')],
      });
      expect(development.actors).toEqual([{ id: 'зеленський', name: decomposed }]);
      expect(development.statements.map((resolved) => resolved.actor)).toEqual([
        'зеленський',
        'зеленський',
      ]);
    });

    it('resolves any name, sent in the other form, to the listed actor', () => {
      fc.assert(
        fc.property(unicodeText, fc.constantFrom('NFC', 'NFD'), (name, form) => {
          const listed = inForm(name, form === 'NFC' ? 'NFD' : 'NFC');
          const development = normalizeDevelopment({
            ...base,
            actors: [{ id: 'listed', name: listed }],
            statements: [statement(inForm(name, form))],
          });
          expect(development.statements[0].actor).toBe('listed');
          expect(development.actors).toEqual([{ id: 'listed', name: listed }]);
        }),
        { seed: propertySeed('statement actor of NFC and NFD names') },
      );
    });

    it('adds an actor that is not in actors, after the listed ones', () => {
      const development = normalizeDevelopment({
        ...base,
        actors,
        statements: [statement('Rustem Umerov')],
      });
      expect(development.actors).toEqual([
        { id: 'usa', name: 'United States' },
        { id: 'rustem-umerov', name: 'Rustem Umerov' },
      ]);
      expect(development.statements[0].actor).toBe('rustem-umerov');
    });

    it('adds an unlisted actor only once when several statements name it', () => {
      const development = normalizeDevelopment({
        ...base,
        statements: [statement('Rustem Umerov'), statement('Rustem Umerov', 'security-guarantees')],
      });
      expect(development.actors).toEqual([{ id: 'rustem-umerov', name: 'Rustem Umerov' }]);
    });

    it('adds an unlisted actor whose name has no letters with a non-empty id', () => {
      const development = normalizeDevelopment({ ...base, statements: [statement('🙂')] });
      expect(development.actors).toEqual([{ id: actorIdOf('🙂'), name: '🙂' }]);
      expect(development.statements[0].actor).toBe(actorIdOf('🙂'));
    });

    it('keeps stance, quote and summary exactly, and adds no absent keys', () => {
      const development = normalizeDevelopment({
        ...base,
        statements: [
          {
            actor: 'A',
            topic: 'peace-plan',
            stance: 'conditional',
            quote: ' “Only with guarantees” ',
            summary: 'Summary <b>bold</b>',
          },
          { actor: 'A', topic: 'peace-plan', stance: 'oppose' },
        ],
      });
      expect(development.statements[0]).toEqual({
        actor: 'a',
        topic: 'peace-plan',
        stance: 'conditional',
        quote: ' “Only with guarantees” ',
        summary: 'Summary <b>bold</b>',
      });
      expect(development.statements[1]).not.toHaveProperty('quote');
      expect(development.statements[1]).not.toHaveProperty('summary');
    });

    it('gives an empty list when no statements were sent', () => {
      expect(normalizeDevelopment(base).statements).toEqual([]);
    });
  });

  describe('topics', () => {
    it('removes duplicates, keeping the first occurrence order', () => {
      const development = normalizeDevelopment({
        ...base,
        topics: ['peace-plan', 'sanctions', 'peace-plan', 'reconstruction', 'sanctions'],
      });
      expect(development.topics).toEqual(['peace-plan', 'sanctions', 'reconstruction']);
    });

    it("adds statements' topics after the listed ones, once each", () => {
      const development = normalizeDevelopment({
        ...base,
        topics: ['peace-plan'],
        statements: [
          statement('A', 'security-guarantees'),
          statement('B', 'peace-plan'),
          statement('C', 'security-guarantees'),
        ],
      });
      expect(development.topics).toEqual(['peace-plan', 'security-guarantees']);
    });

    it('gives an empty list when there are no topics and no statements', () => {
      expect(normalizeDevelopment(base).topics).toEqual([]);
    });
  });

  describe('text is kept exactly as sent', () => {
    it('does not trim or otherwise change the title, body, location or names', () => {
      const input: DevelopmentInput = {
        ...base,
        title: '  Berlin talks\n',
        body: "<p>“Quoted” — '; DROP TABLE x; -- 🙂</p>  ",
        location: ' Берлін ',
        actors: [{ name: '  Volodymyr Zelensky ' }],
      };
      const development = normalizeDevelopment(input);
      expect(development.title).toBe('  Berlin talks\n');
      expect(development.body).toBe(input.body);
      expect(development.location).toBe(' Берлін ');
      expect(development.actors[0].name).toBe('  Volodymyr Zelensky ');
    });

    it('passes occurredOn, occurredUntil and source through', () => {
      const source = { name: 'Die Zeit', url: 'https://example.org/a' };
      const development = normalizeDevelopment({
        ...base,
        occurredUntil: '2025-12-15',
        source,
      });
      expect(development.occurredOn).toBe('2025-12-14');
      expect(development.occurredUntil).toBe('2025-12-15');
      expect(development.source).toEqual(source);
    });

    it('adds no keys for optional fields that were not sent', () => {
      const development = normalizeDevelopment(base);
      for (const key of ['body', 'location', 'source']) {
        expect(development).not.toHaveProperty(key);
      }
    });
  });

  describe('occurredUntil', () => {
    it('is filled with occurredOn for a single day sent without it', () => {
      expect(normalizeDevelopment(base).occurredUntil).toBe('2025-12-14');
    });

    it('keeps a later day that was sent', () => {
      expect(normalizeDevelopment({ ...base, occurredUntil: '2026-01-02' }).occurredUntil).toBe(
        '2026-01-02',
      );
    });

    it('keeps the same day that was sent', () => {
      expect(normalizeDevelopment({ ...base, occurredUntil: '2025-12-14' })).toEqual(
        normalizeDevelopment(base),
      );
    });
  });

  it('normalizes the example of API.md', () => {
    const development = normalizeDevelopment({
      occurredOn: '2025-12-14',
      occurredUntil: '2025-12-15',
      title: 'Berlin talks on the 20-point peace plan',
      topics: ['peace-plan', 'security-guarantees'],
      actors: [
        { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
        { id: 'usa', name: 'United States' },
      ],
      statements: [
        {
          actor: 'Rustem Umerov',
          topic: 'peace-plan',
          stance: 'support',
          quote: 'The conversation was productive',
        },
      ],
    });
    expect(development).toEqual({
      occurredOn: '2025-12-14',
      occurredUntil: '2025-12-15',
      title: 'Berlin talks on the 20-point peace plan',
      topics: ['peace-plan', 'security-guarantees'],
      actors: [
        { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
        { id: 'usa', name: 'United States' },
        { id: 'rustem-umerov', name: 'Rustem Umerov' },
      ],
      statements: [
        {
          actor: 'rustem-umerov',
          topic: 'peace-plan',
          stance: 'support',
          quote: 'The conversation was productive',
        },
      ],
    });
  });

  it('is deterministic and leaves its input untouched', () => {
    const input: DevelopmentInput = {
      ...base,
      topics: ['peace-plan', 'peace-plan'],
      actors: [{ name: 'United States' }],
      statements: [statement('Rustem Umerov', 'sanctions')],
    };
    const before = structuredClone(input);
    const first = normalizeDevelopment(input);
    expect(normalizeDevelopment(input)).toEqual(first);
    expect(input).toEqual(before);
  });

  describe.each(validSeed().map((development) => [development.title, development]))(
    'example development %j',
    (_title, input) => {
      const development = normalizeDevelopment(input);

      it('names an actor of the development in every statement', () => {
        const ids = development.actors.map((actor) => actor.id);
        for (const resolved of development.statements) expect(ids).toContain(resolved.actor);
      });

      it('lists the topic of every statement', () => {
        for (const resolved of development.statements) {
          expect(development.topics).toContain(resolved.topic);
        }
      });

      it('has unique actor ids and topics', () => {
        const ids = development.actors.map((actor) => actor.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(development.topics).size).toBe(development.topics.length);
      });

      it('keeps the explicit actor ids', () => {
        for (const actor of input.actors ?? []) {
          if (actor.id) expect(development.actors.map((a) => a.id)).toContain(actor.id);
        }
      });
    },
  );
});
