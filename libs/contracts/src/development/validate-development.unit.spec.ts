import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationDetail } from '../errors';
import { validateChanges, validateDevelopment } from './validate-development';

/** The example of API.md, "The development (input)". */
const apiExample = {
  occurredOn: '2025-12-14',
  occurredUntil: '2025-12-15',
  title: 'Berlin talks on the 20-point peace plan',
  body: 'The Ukrainian delegation led by Zelensky held talks with the United States...',
  location: 'Berlin',
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
      summary: 'Some progress was achieved',
    },
  ],
  source: { name: 'Die Zeit', url: 'https://example.org/a', publishedAt: '2025-12-16T08:00:00Z' },
};

const seed = JSON.parse(
  readFileSync(join(__dirname, '../../../../examples/developments.seed.json'), 'utf8'),
) as Array<Record<string, unknown>>;

const minimal = { occurredOn: '2025-12-14', title: 'Berlin talks' };

function detailsOf(body: unknown): ValidationDetail[] {
  const result = validateDevelopment(body);
  return result.ok ? [] : result.details;
}

describe('validateDevelopment', () => {
  describe('valid developments', () => {
    it('accepts the full example of API.md and returns it unchanged', () => {
      expect(validateDevelopment(apiExample)).toEqual({ ok: true, value: apiExample });
    });

    it('accepts the example of API.md parsed from JSON text', () => {
      expect(validateDevelopment(JSON.parse(JSON.stringify(apiExample))).ok).toBe(true);
    });

    it('has all 12 example developments to check', () => {
      expect(seed).toHaveLength(12);
    });

    it.each(seed.map((development, index) => [index, development.title, development]))(
      'accepts example development #%i (%s)',
      (_index, _title, development) => {
        expect(detailsOf(development)).toEqual([]);
      },
    );
  });

  describe('the body must be one JSON object', () => {
    it.each([
      ['an array', []],
      ['an array of developments', [minimal]],
      ['a string', 'Berlin talks'],
      ['null', null],
      ['a number', 42],
      ['a boolean', true],
      ['undefined', undefined],
    ])('rejects %s', (_what, body) => {
      expect(validateDevelopment(body)).toEqual({
        ok: false,
        details: [{ path: '', message: 'must be a JSON object' }],
      });
    });
  });

  describe('unknown fields', () => {
    it.each([
      ['at the top level', { ...minimal, importance: 5 }, 'importance'],
      ['in an actor', { ...minimal, actors: [{ name: 'A', role: 'x' }] }, 'actors[0].role'],
      [
        'in a statement',
        {
          ...minimal,
          statements: [
            { actor: 'A', topic: 't', stance: 'support' },
            { actor: 'A', topic: 't', stance: 'support', confidence: 1 },
          ],
        },
        'statements[1].confidence',
      ],
      ['in the source', { ...minimal, source: { author: 'x' } }, 'source.author'],
    ])('rejects one %s with its path', (_where, body, path) => {
      expect(detailsOf(body)).toEqual([{ path, message: 'is not a known field' }]);
    });

    it('rejects a misspelling of a known field', () => {
      expect(detailsOf({ ...minimal, occuredUntil: '2025-12-15' })).toEqual([
        { path: 'occuredUntil', message: 'is not a known field' },
      ]);
    });

    it('lists every unknown field of an object', () => {
      expect(detailsOf({ ...minimal, a: 1, b: 2 })).toEqual([
        { path: 'a', message: 'is not a known field' },
        { path: 'b', message: 'is not a known field' },
      ]);
    });

    it.each([['__proto__'], ['constructor'], ['prototype'], ['toString'], ['hasOwnProperty']])(
      'rejects %j parsed from JSON at the top level',
      (key) => {
        const body: unknown = JSON.parse(
          `{"occurredOn":"2025-12-14","title":"Berlin talks",${JSON.stringify(key)}:{"polluted":true}}`,
        );
        expect(detailsOf(body)).toEqual([{ path: key, message: 'is not a known field' }]);
      },
    );

    it.each([
      [
        'an actor',
        '{"actors":[{"name":"A","__proto__":{"polluted":true}}]}',
        'actors[0].__proto__',
      ],
      [
        'a statement',
        '{"statements":[{"actor":"A","topic":"t","stance":"support","constructor":1}]}',
        'statements[0].constructor',
      ],
      ['the source', '{"source":{"__proto__":{"polluted":true}}}', 'source.__proto__'],
    ])('rejects a prototype key parsed from JSON in %s', (_where, json, path) => {
      const nested = JSON.parse(json) as Record<string, unknown>;
      expect(detailsOf({ ...minimal, ...nested })).toEqual([
        { path, message: 'is not a known field' },
      ]);
    });

    it('does not pollute Object.prototype while checking a __proto__ key', () => {
      validateDevelopment(JSON.parse('{"occurredOn":"2025-12-14","__proto__":{"polluted":1}}'));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('details', () => {
    it('lists all problems at once, each with its path', () => {
      const body = {
        title: '   ',
        occurredUntil: '2025-02-30',
        topics: ['peace-plan', 'Not A Slug'],
        actors: [{ name: 'A' }, { name: '', id: 'USA' }],
        statements: [
          { actor: 'A', topic: 'peace-plan', stance: 'support' },
          { actor: 'A', topic: 'peace plan', stance: 'maybe', quote: 'q'.repeat(2001) },
        ],
        source: { url: 'ftp://example.org', publishedAt: 'yesterday' },
        extra: true,
      };
      expect(
        detailsOf(body)
          .map((detail) => detail.path)
          .sort(),
      ).toEqual(
        [
          'occurredOn',
          'occurredUntil',
          'title',
          'topics[1]',
          'actors[1].name',
          'actors[1].id',
          'statements[1].topic',
          'statements[1].stance',
          'statements[1].quote',
          'source.url',
          'source.publishedAt',
          'extra',
        ].sort(),
      );
    });

    it('reports a statement problem at a path like statements[0].stance', () => {
      const body = { ...minimal, statements: [{ actor: 'A', topic: 't', stance: 'maybe' }] };
      expect(detailsOf(body).map((detail) => detail.path)).toEqual(['statements[0].stance']);
    });

    it('gives every problem a human message', () => {
      const details = detailsOf({ title: '', topics: ['X'], source: { url: 'x' } });
      expect(details.map((detail) => detail.path)).toEqual([
        'occurredOn',
        'title',
        'topics[0]',
        'source.url',
      ]);
      for (const detail of details) {
        expect(detail).toEqual({ path: expect.any(String), message: expect.any(String) });
        expect(detail.message.length).toBeGreaterThan(0);
      }
    });

    it('says "is required" for a missing field, not for one that is present but null', () => {
      expect(detailsOf({ title: 'x' })).toEqual([{ path: 'occurredOn', message: 'is required' }]);
      const [detail] = detailsOf({ occurredOn: null, title: 'x' });
      expect(detail.path).toBe('occurredOn');
      expect(detail.message).not.toBe('is required');
    });

    it('says "is required" for a missing field of a nested object', () => {
      expect(detailsOf({ ...minimal, actors: [{ id: 'usa' }] })).toEqual([
        { path: 'actors[0].name', message: 'is required' },
      ]);
    });
  });
});

describe('validateDevelopment reports every problem at once', () => {
  it('checks occurredUntil >= occurredOn even when other fields are invalid', () => {
    const result = validateDevelopment({
      occurredOn: '2025-12-15',
      occurredUntil: '2025-12-14',
      title: 5,
      statements: [{ actor: 'a', topic: 't', stance: 'x' }],
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.details.map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'statements[0].stance', 'occurredUntil']),
    );
  });

  it('measures the title after trimming, for the maximum as for the minimum', () => {
    expect(
      validateDevelopment({ occurredOn: '2025-12-15', title: ` ${'a'.repeat(300)} ` }).ok,
    ).toBe(true);
  });

  it('says a missing stance is required', () => {
    const result = validateDevelopment({
      occurredOn: '2025-12-15',
      title: 't',
      statements: [{ actor: 'a', topic: 't' }],
    });
    expect(result).toEqual({
      ok: false,
      details: [{ path: 'statements[0].stance', message: 'is required' }],
    });
  });
});

describe('validateChanges', () => {
  function changeDetails(body: unknown): ValidationDetail[] {
    const result = validateChanges(body);
    return result.ok ? [] : result.details;
  }

  it('accepts one field and returns exactly it', () => {
    expect(validateChanges({ title: 'Berlin talks, day one' })).toEqual({
      ok: true,
      value: { title: 'Berlin talks, day one' },
    });
  });

  it('accepts any subset of fields, none of them required', () => {
    const changes = {
      occurredUntil: '2025-12-16',
      statements: [{ actor: 'Rustem Umerov', topic: 'peace-plan', stance: 'oppose' }],
      source: { url: 'https://example.org/b' },
    };
    expect(validateChanges(changes)).toEqual({ ok: true, value: changes });
  });

  it('refuses an empty object with the path ""', () => {
    expect(validateChanges({})).toEqual({
      ok: false,
      details: [{ path: '', message: 'must change at least one field' }],
    });
  });

  it.each([
    ['at the top level', { title: 'x', importance: 5 }, 'importance'],
    ['in an actor', { actors: [{ name: 'A', role: 'x' }] }, 'actors[0].role'],
    ['in the source', { source: { author: 'x' } }, 'source.author'],
  ])('refuses an unknown field %s with its path', (_where, body, path) => {
    expect(changeDetails(body)).toEqual([{ path, message: 'is not a known field' }]);
  });

  it('refuses a misspelled field sent alone: unknown, and nothing left to change', () => {
    expect(changeDetails({ occuredOn: '2025-12-15' })).toEqual([
      { path: 'occuredOn', message: 'is not a known field' },
      { path: '', message: 'must change at least one field' },
    ]);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title', 'must not be empty'],
    [
      'a day that does not exist',
      { occurredOn: '2025-02-30' },
      'occurredOn',
      'must be a calendar date YYYY-MM-DD that exists',
    ],
    [
      'a topic that is not a slug',
      { topics: ['Peace Plan'] },
      'topics[0]',
      'must be a slug: lowercase a-z, 0-9 and single hyphens',
    ],
    [
      'an unknown stance',
      { statements: [{ actor: 'A', topic: 't', stance: 'maybe' }] },
      'statements[0].stance',
      'must be one of support, oppose, conditional, neutral',
    ],
  ])('refuses %s, naming the field', (_what, body, path, message) => {
    expect(changeDetails(body)).toEqual([{ path, message }]);
  });

  it('refuses a field given as null rather than leaving it out', () => {
    expect(changeDetails({ title: null }).map((detail) => detail.path)).toEqual(['title']);
  });

  it('lists every problem at once', () => {
    expect(changeDetails({ title: '', location: 5, extra: true }).map((d) => d.path)).toEqual(
      expect.arrayContaining(['title', 'location', 'extra']),
    );
  });

  it.each([
    ['an array', []],
    ['an array of changes', [{ title: 'x' }]],
    ['a string', 'title'],
    ['null', null],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s, which is not an object', (_what, body) => {
    expect(validateChanges(body)).toEqual({
      ok: false,
      details: [{ path: '', message: 'must be a JSON object' }],
    });
  });
});
