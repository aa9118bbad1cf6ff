import fc from 'fast-check';
import { ACTOR_SORTS, TOPIC_SORTS } from '@app/read-model';
import { NewslineUnderTest } from './newsline-under-test';

/**
 * What the contract makes of a parameter value: `valid` is answered, `invalid` is a 400 that
 * names the parameter, and `either` may be answered or refused, but never with a 5xx.
 */
export type Verdict = 'valid' | 'invalid' | 'either';

interface Judged {
  value: string;
  verdict: Verdict;
}

export interface QueryParameter extends Judged {
  name: string;
}

/** Whether the resource a path names exists; `malformed` is a path that is not valid URL text. */
type PathVerdict = 'found' | 'missing' | 'refused' | 'missingOrRefused' | 'either' | 'malformed';

const STATUSES_BY_PATH: Record<PathVerdict, number[]> = {
  found: [200],
  missing: [404],
  refused: [400],
  missingOrRefused: [400, 404],
  either: [200, 400, 404],
  malformed: [400],
};

export interface QueryCase {
  route: string;
  path: string;
  pathVerdict: PathVerdict;
  parameters: QueryParameter[];
}

export interface QueryRoute {
  name: string;
  /** Whether its answers come from the read model's rows, so some hostile query must get a 200. */
  readsRows: boolean;
  cases: fc.Arbitrary<QueryCase>;
}

/** What the seeded read model holds, so that queries name things that exist and reach SQL. */
export interface SeededReadModel {
  developmentIds: string[];
  occurredOn: string[];
  titleWords: string[];
  actorIds: string[];
  affiliations: string[];
  topics: string[];
  cursors: Record<'timeline' | 'actors' | 'topics' | 'duplicates', string[]>;
}

export async function readSeededModel(system: NewslineUnderTest): Promise<SeededReadModel> {
  const timeline = await system.getJson('/v1/timeline?limit=500');
  const actors = await system.getJson('/v1/actors?limit=500');
  const topics = await system.getJson('/v1/topics?limit=500');
  const nextCursors = async (paths: string[]) => {
    const cursors: string[] = [];
    for (const path of paths) {
      const { nextCursor } = await system.getJson<{ nextCursor: string | null }>(path);
      if (nextCursor) cursors.push(nextCursor);
    }
    return cursors;
  };
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))];
  return {
    developmentIds: timeline.items.map((item: { developmentId: string }) => item.developmentId),
    occurredOn: distinct(timeline.items.map((item: { occurredOn: string }) => item.occurredOn)),
    titleWords: distinct(timeline.items.map((item: { title: string }) => item.title.split(' ')[0])),
    actorIds: actors.items.map((actor: { id: string }) => actor.id),
    affiliations: distinct(actors.items.map((actor: { affiliation: string }) => actor.affiliation)),
    topics: topics.items.map((topic: { topic: string }) => topic.topic),
    cursors: {
      timeline: await nextCursors(['/v1/timeline?limit=1', '/v1/timeline?limit=1&order=desc']),
      actors: await nextCursors(ACTOR_SORTS.map((sort) => `/v1/actors?limit=1&sort=${sort}`)),
      topics: await nextCursors(TOPIC_SORTS.map((sort) => `/v1/topics?limit=1&sort=${sort}`)),
      duplicates: await nextCursors(['/v1/actors/duplicates?limit=1']),
    },
  };
}

/** Text that SQL, LIKE patterns, full-text queries or markup could take for syntax. */
const SYNTAX_LOOKING = [
  "' OR '1'='1",
  "'; DROP TABLE developments; --",
  '%',
  '_',
  '%_%',
  '\\',
  "\\'",
  '$1',
  '::text',
  '/* */',
  'a & b | !c',
  ':*',
  '(',
  '<->',
  '"',
  '<script>alert(1)</script>',
  'Зеленський',
  '😀',
  'e\u0301',
  '\u202eevil',
];

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);

const judged = (verdict: Verdict, values: string[]): fc.Arbitrary<Judged> =>
  fc.constantFrom(...values).map((value) => ({ value, verdict }));

function values(valid: string[], invalid: string[], either: string[] = []): fc.Arbitrary<Judged> {
  return fc.oneof(
    { weight: 4, arbitrary: judged('valid', valid) },
    { weight: 1, arbitrary: judged('invalid', invalid) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        anyText.map((value): Judged => ({ value, verdict: 'either' })),
        ...(either.length > 0 ? [judged('either', either)] : []),
      ),
    },
  );
}

const count = (max: number) =>
  values(
    ['1', '2', String(Math.min(50, max)), String(max)],
    ['0', '-0', '-1', String(max + 1), '1.5', 'abc', '', '1e309', 'NaN', 'Infinity'].concat([
      '9007199254740993',
      '99999999999999999999',
      '5\u0000',
      "5' OR '1'='1",
    ]),
    ['007', '1e1', '0x10', ' 5', '+5', '5.0'],
  );

const encodeCursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** Cursors this API issued, cursors forged to decode, and strings that are no cursor at all. */
function cursors(issued: string[], forged: fc.Arbitrary<unknown[]>): fc.Arbitrary<Judged> {
  return fc.oneof(
    ...(issued.length > 0 ? [judged('either', issued)] : []),
    forged.map((parts): Judged => ({ value: encodeCursor(parts), verdict: 'either' })),
    judged('invalid', ['not-a-cursor', '', 'W10', '%%%', 'null']),
  );
}

const forgedKeyset = (sorts: readonly string[]) =>
  fc.tuple(
    fc.constantFrom(...sorts),
    fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER)),
    fc.string({ unit: 'binary' }),
  );

function parameterValues(seeded: SeededReadModel) {
  const date = values(
    [...seeded.occurredOn, '1900-01-01', '2100-12-31', '2024-02-29'],
    ['2025-02-30', '2023-02-29', '2025-13-01', '1900-00-01', '2025-12-1', '20251201', ''].concat([
      ' 2025-12-01',
      '2025-12-01T00:00:00Z',
      "2025-12-01' OR '1'='1",
      '2025-12-01\u0000',
    ]),
    ['0100-01-01', '9999-12-31'],
  );
  const actorId = values(
    [...seeded.actorIds, 'nobody-known', 'володимир-зеленський', 'e\u0301', '0'],
    ['Vladimir-Putin', '', 'a b', 'a--b', '-a', "putin' OR '1'='1", 'putin\u0000', 'a_b', 'a/b'],
  );
  const topicSlug = values(
    [...seeded.topics, 'no-such-topic', '0'],
    ['Peace-Plan', 'peace_plan', '', '-a', 'a--b', "peace-plan' OR '1'='1", 'peace\u0000', 'мир'],
    ['x'.repeat(65)],
  );
  return {
    date,
    actorId,
    topicSlug,
    q: values(
      [...seeded.titleWords, ...SYNTAX_LOOKING, 'x'.repeat(500)],
      ['', 'x'.repeat(501), 'a\u0000b'],
    ),
    order: values(['asc', 'desc'], ['ASC', '', 'up', "asc' --", 'asc\u0000']),
    includeRetracted: values(['true', 'false'], ['TRUE', '1', 'yes', '', 'true\u0000']),
    affiliation: values(
      [...seeded.affiliations, 'nowhere'],
      ['Ukraine', '', 'a b', "ukraine' --", 'a\u0000'],
    ),
    /** The positions route's topic is free text of 1 to 64 characters. */
    positionsTopic: values(
      [...seeded.topics, 'no-such-topic', ...SYNTAX_LOOKING],
      ['', 'x'.repeat(65)],
      ['peace-plan\u0000'],
    ),
    sort: (sorts: readonly string[]) =>
      values([...sorts], ['Name', '', "name' --", 'id', 'name\u0000', 'random']),
    knownAt: fc.oneof(
      judged('either', ['1', '0', '-1', '99999999999', '2025-12-16T08:00:00Z', '2025-12-16']),
      anyText.map((value): Judged => ({ value, verdict: 'either' })),
    ),
    timelineCursor: cursors(
      seeded.cursors.timeline,
      fc.tuple(
        fc.oneof(fc.constantFrom(...seeded.occurredOn, '9999-12-31'), fc.string()),
        fc.oneof(fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER)),
        fc.constantFrom('asc', 'desc', 'up'),
      ),
    ),
    actorsCursor: cursors(seeded.cursors.actors, forgedKeyset(ACTOR_SORTS)),
    topicsCursor: cursors(seeded.cursors.topics, forgedKeyset(TOPIC_SORTS)),
    duplicatesCursor: cursors(seeded.cursors.duplicates, forgedKeyset(['duplicates'])),
  };
}

/** Percent-encoded as a client would (a lone surrogate has no UTF-8, so it is replaced first). */
const segment = (text: string) => encodeURIComponent(text.toWellFormed());

/** Escapes that decode to no text: bad UTF-8, an overlong form, a truncated escape. */
const MALFORMED_SEGMENTS = ['%ED%A0%80', '%C0%AF', '%FF', '%E0%A4%A', '%', '%zz'];

const hostileSegment = fc
  .oneof(anyText, fc.constantFrom(...SYNTAX_LOOKING, '\u0000', 'a\u0000b', ' ', '%00'))
  // Empty, `.` and `..` segments would name another route, not a hostile id.
  .filter((text) => !['', '.', '..'].includes(text));

interface PathCase {
  path: string;
  pathVerdict: PathVerdict;
}

function paths(
  template: string,
  found: string[],
  missing: fc.Arbitrary<string>,
  hostile: PathVerdict,
): fc.Arbitrary<PathCase> {
  const at = (id: string) => template.replace('{}', id);
  return fc.oneof(
    ...(found.length > 0
      ? [
          {
            weight: 4,
            arbitrary: fc
              .constantFrom(...found)
              .map((id): PathCase => ({ path: at(segment(id)), pathVerdict: 'found' })),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: missing.map((id): PathCase => ({ path: at(segment(id)), pathVerdict: 'missing' })),
    },
    {
      weight: 1,
      arbitrary: hostileSegment.map((id): PathCase => ({
        path: at(segment(id)),
        pathVerdict: hostile,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...MALFORMED_SEGMENTS)
        .map((raw): PathCase => ({ path: at(raw), pathVerdict: 'malformed' })),
    },
  );
}

/** A path that always names something. */
const fixed = (path: string) => fc.constant<PathCase>({ path, pathVerdict: 'found' });

type ParameterValues = Record<string, fc.Arbitrary<Judged>>;

/** Names no route takes, some of them special to JavaScript objects. */
const unknownParameter = fc.record({
  name: fc.constantFrom('unknownParameter', '__proto__', 'constructor', 'limit[]', ''),
  value: fc.constantFrom('1', ''),
  verdict: fc.constant<Verdict>('either'),
});

/** The parameter in one query out of eight. */
const rarely = (parameter: fc.Arbitrary<QueryParameter>) =>
  fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: parameter });

interface RouteOptions {
  readsRows?: boolean;
  repeatable?: string[];
  /** Parameters sent only now and then, so that most queries can be answered. */
  rare?: ParameterValues;
}

function route(
  name: string,
  path: fc.Arbitrary<PathCase>,
  parameters: ParameterValues,
  { readsRows = true, repeatable = [], rare = {} }: RouteOptions = {},
): QueryRoute {
  const names = Object.keys(parameters);
  const named = (parameter: string) => (value: Judged) => ({ name: parameter, ...value });
  const common = fc
    .subarray(names, { maxLength: Math.min(3, names.length) })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((parameter) =>
          fc
            .array(parameters[parameter], {
              minLength: 1,
              maxLength: repeatable.includes(parameter) ? 3 : 1,
            })
            .map((judgedValues) => judgedValues.map(named(parameter))),
        ),
      ),
    )
    .map((groups) => groups.flat());
  const occasional = fc
    .tuple(
      rarely(unknownParameter),
      ...Object.entries(rare).map(([parameter, values]) => rarely(values.map(named(parameter)))),
    )
    .map((extras) => extras.filter((extra): extra is QueryParameter => extra !== null));
  const cases = fc
    .record({ path, parameters: common, extras: occasional })
    .map(({ path: { path: concrete, pathVerdict }, parameters: chosen, extras }): QueryCase =>
      withCrossChecks({
        route: name,
        path: concrete,
        pathVerdict,
        parameters: [...chosen, ...extras],
      }),
    );
  return { name, readsRows, cases };
}

/** A window that ends before it starts is no single parameter's fault: it may be refused. */
function withCrossChecks(query: QueryCase): QueryCase {
  const from = query.parameters.find((parameter) => parameter.name === 'from');
  const to = query.parameters.find((parameter) => parameter.name === 'to');
  if (from?.verdict !== 'valid' || to?.verdict !== 'valid' || from.value <= to.value) return query;
  return {
    ...query,
    parameters: query.parameters.map((parameter) =>
      parameter === to ? { ...parameter, verdict: 'either' } : parameter,
    ),
  };
}

/** Every query route of API.md, each with the parameters it documents. */
export function queryRoutes(seeded: SeededReadModel): QueryRoute[] {
  const p = parameterValues(seeded);
  const knownAt = { rare: { knownAt: p.knownAt } };
  const missingSlug = fc.constantFrom('nobody-known', 'no-such-topic', 'ні-кого');
  const actorPath = (suffix: string) =>
    paths(`/v1/actors/{}${suffix}`, seeded.actorIds, missingSlug, 'missingOrRefused');
  const uppercaseDevelopmentId = fc.constantFrom(...seeded.developmentIds).map((id): PathCase => ({
    path: `/v1/developments/${id.toUpperCase()}`,
    pathVerdict: 'either',
  }));
  return [
    route(
      'timeline',
      fixed('/v1/timeline'),
      {
        from: p.date,
        to: p.date,
        actor: p.actorId,
        topic: p.topicSlug,
        q: p.q,
        order: p.order,
        limit: count(500),
        cursor: p.timelineCursor,
        includeRetracted: p.includeRetracted,
      },
      { repeatable: ['actor', 'topic'], ...knownAt },
    ),
    route(
      'development',
      fc.oneof(
        {
          weight: 6,
          arbitrary: paths('/v1/developments/{}', seeded.developmentIds, fc.uuid(), 'refused'),
        },
        { weight: 1, arbitrary: uppercaseDevelopmentId },
      ),
      {},
      knownAt,
    ),
    route(
      'actors',
      fixed('/v1/actors'),
      {
        sort: p.sort(ACTOR_SORTS),
        affiliation: p.affiliation,
        limit: count(500),
        cursor: p.actorsCursor,
      },
      knownAt,
    ),
    route('actor', actorPath(''), {}, knownAt),
    route(
      'actor positions',
      actorPath('/positions'),
      { topic: p.positionsTopic, asOf: p.date, historyLimit: count(1000) },
      knownAt,
    ),
    route('similar actors', actorPath('/similar'), { limit: count(50) }),
    route('duplicate actors', fixed('/v1/actors/duplicates'), {
      limit: count(500),
      cursor: p.duplicatesCursor,
    }),
    route(
      'topics',
      fixed('/v1/topics'),
      { sort: p.sort(TOPIC_SORTS), limit: count(500), cursor: p.topicsCursor },
      knownAt,
    ),
    route(
      'topic positions',
      paths('/v1/topics/{}/positions', seeded.topics, missingSlug, 'missingOrRefused'),
      { asOf: p.date },
      knownAt,
    ),
    route(
      'rebuild',
      paths('/v1/rebuilds/{}', [], fc.uuid(), 'missingOrRefused'),
      {},
      {
        readsRows: false,
      },
    ),
  ];
}

/**
 * Hostile queries every run makes, whatever the seed: text PostgreSQL cannot store (NUL) in
 * ids and parameters that reach it, cursors that decode but carry a key of the wrong type,
 * and escapes that decode to no text.
 */
export function knownHostileQueries(seeded: SeededReadModel): QueryCase[] {
  const actorId = segment(seeded.actorIds[0]);
  const parameter = (name: string, value: string, verdict: Verdict = 'valid') => ({
    name,
    value,
    verdict,
  });
  const forged = (...parts: unknown[]) => parameter('cursor', encodeCursor(parts), 'either');
  const found = (route: string, path: string, ...parameters: QueryParameter[]): QueryCase => ({
    route,
    path,
    pathVerdict: 'found',
    parameters,
  });
  const unknownId = (route: string, path: string): QueryCase => ({
    route,
    path,
    pathVerdict: 'missingOrRefused',
    parameters: [],
  });
  const malformed = (route: string, path: string): QueryCase => ({
    route,
    path,
    pathVerdict: 'malformed',
    parameters: [],
  });
  return [
    unknownId('actor', '/v1/actors/a%00b'),
    unknownId('actor positions', '/v1/actors/%00/positions'),
    unknownId('similar actors', '/v1/actors/a%00b/similar'),
    unknownId('topic positions', '/v1/topics/a%00b/positions'),
    found(
      'actor positions',
      `/v1/actors/${actorId}/positions`,
      parameter('topic', 'peace-plan\u0000', 'either'),
    ),
    found('actors', '/v1/actors', parameter('sort', 'activity'), forged('activity', 'abc', 'x')),
    found('actors', '/v1/actors', parameter('sort', 'recent'), forged('recent', 'not-a-date', 'x')),
    found(
      'actors',
      '/v1/actors',
      parameter('sort', 'recent'),
      forged('recent', Number.MAX_SAFE_INTEGER, 'x'),
    ),
    found('actors', '/v1/actors', parameter('sort', 'name'), forged('name', 'a\u0000', 'x')),
    found('topics', '/v1/topics', parameter('sort', 'activity'), forged('activity', 'abc', 'x')),
    found('topics', '/v1/topics', forged('topic', 1, '\u0000')),
    found('duplicate actors', '/v1/actors/duplicates', forged('duplicates', 'a\u0000', 'x')),
    found('timeline', '/v1/timeline', forged('2025-12-01', Number.MAX_SAFE_INTEGER, 'asc')),
    malformed('actor', '/v1/actors/%ED%A0%80'),
    malformed('development', '/v1/developments/%'),
    malformed('topic positions', '/v1/topics/%C0%AF/positions'),
  ];
}

export function queryUrl(query: QueryCase): string {
  const search = new URLSearchParams(
    query.parameters.map(({ name, value }): [string, string] => [name, value]),
  ).toString();
  return search ? `${query.path}?${search}` : query.path;
}

/** The statuses the contract allows for a query: any invalid parameter makes it a 400. */
export function expectedStatuses(query: QueryCase): number[] {
  if (query.parameters.some((parameter) => parameter.verdict === 'invalid')) return [400];
  const byPath = STATUSES_BY_PATH[query.pathVerdict];
  if (!query.parameters.some((parameter) => parameter.verdict === 'either')) return byPath;
  // A sequence the projection has not reached yet is 409 not_yet_known; at an earlier one, what
  // exists now may not have existed yet (404).
  const knownAt = query.parameters.some((parameter) => parameter.name === 'knownAt')
    ? [404, 409]
    : [];
  return [...new Set([...byPath, 400, ...knownAt])];
}

/** The parameters a 400 must name in its details (a malformed path is refused before them). */
export function invalidParameterNames(query: QueryCase): string[] {
  if (query.pathVerdict === 'malformed') return [];
  return [
    ...new Set(
      query.parameters
        .filter((parameter) => parameter.verdict === 'invalid')
        .map((parameter) => parameter.name),
    ),
  ];
}
