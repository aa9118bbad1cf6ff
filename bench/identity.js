// @ts-check
// Identity at scale: duplicate candidates among IDENTITY_ACTORS actors, some of them the same
// people under other spellings (transliterated, in Cyrillic, a surname alone).
// `node bench/identity.js` runs it alone; `npm run bench` runs it after the other figures.
const { performance } = require('node:perf_hooks');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { startEnvironment, waitUntil } = require('./environment');
const { dataOf, NDJSON_BODY } = require('../scripts/typed-client');

const ACTORS = Number(process.env.BENCH_IDENTITY_ACTORS ?? 10000);
const QUERY_RATE = Number(process.env.BENCH_QUERY_RATE ?? 100);
const ACTORS_PER_DEVELOPMENT = 5;
/** Actors whose candidates are asked for, spread over the whole list. */
const SAMPLE = 1000;

const FIRST_NAMES = [
  'Olena',
  'Andrii',
  'Mykola',
  'Iryna',
  'Taras',
  'Oksana',
  'Serhii',
  'Yulia',
  'Dmytro',
  'Natalia',
  'Petro',
  'Halyna',
  'Viktor',
  'Larysa',
  'Bohdan',
  'Kateryna',
  'Oleh',
  'Svitlana',
  'Roman',
  'Maria',
  'Anna',
  'Pavel',
  'Ivan',
  'Tatiana',
  'Jan',
  'Ewa',
  'Klaus',
  'Ingrid',
  'Pierre',
  'Claire',
];
const ONSETS = [
  'Bo',
  'Da',
  'Ko',
  'Ma',
  'Pe',
  'Sa',
  'Te',
  'Vo',
  'Zha',
  'Kry',
  'Lu',
  'Ne',
  'Or',
  'Ro',
  'Shev',
  'Tka',
  'Hry',
  'Yu',
  'Ze',
  'Pa',
];
const MIDDLES = [
  'len',
  'ro',
  'vy',
  'shen',
  'mar',
  'dan',
  'tov',
  'rin',
  'bor',
  'lat',
  'gul',
  'nyk',
  'pol',
  'fed',
  'mus',
  'ker',
  'dub',
  'hol',
  'zin',
  'bal',
];
const ENDINGS = ['ko', 'sky', 'ov', 'enko', 'chuk', 'in', 'yak', 'ych', 'ev', 'uk'];
/** Latin to Ukrainian Cyrillic, longest first: enough to write the generated names as outlets would. */
const CYRILLIC = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'є'],
  ['yi', 'ї'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['h', 'г'],
  ['g', 'ґ'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['y', 'и'],
  ['i', 'і'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['c', 'к'],
  ['j', 'й'],
  ['w', 'в'],
];

function toCyrillic(name) {
  let result = '';
  const lower = name.toLowerCase();
  for (let i = 0; i < lower.length;) {
    const pair = CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    if (!pair) {
      result += lower[i++];
      continue;
    }
    const upper = name[i] !== lower[i];
    result += upper ? pair[1].toUpperCase() : pair[1];
    i += pair[0].length;
  }
  return result;
}

/**
 * ACTORS names: distinct people, and for one in ten of them another spelling (Cyrillic, or
 * the surname alone) that a reader would merge.
 */
function actorNames() {
  const names = new Set();
  for (let n = 0; names.size < ACTORS; n++) {
    const surname =
      ONSETS[n % ONSETS.length] +
      MIDDLES[Math.floor(n / ONSETS.length) % MIDDLES.length] +
      ENDINGS[Math.floor(n / (ONSETS.length * MIDDLES.length)) % ENDINGS.length];
    const surnames = ONSETS.length * MIDDLES.length * ENDINGS.length;
    const first = FIRST_NAMES[(n + 7 * Math.floor(n / surnames)) % FIRST_NAMES.length];
    names.add(`${first} ${surname}`);
    if (n % 10 === 0) names.add(n % 20 === 0 ? toCyrillic(`${first} ${surname}`) : surname);
  }
  return [...names].slice(0, ACTORS);
}

async function postActors(env, names) {
  for (let start = 0; start < names.length; start += 1000 * ACTORS_PER_DEVELOPMENT) {
    const lines = [];
    for (let i = start; i < Math.min(names.length, start + 1000 * ACTORS_PER_DEVELOPMENT);) {
      const actors = names.slice(i, i + ACTORS_PER_DEVELOPMENT).map((name) => ({ name }));
      lines.push(
        JSON.stringify({
          idempotencyKey: `identity-${i}`,
          development: {
            occurredOn: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`,
            title: `Identity bench development ${i}`,
            actors,
          },
        }),
      );
      i += ACTORS_PER_DEVELOPMENT;
    }
    await dataOf(
      env.ingest.POST('/v1/developments/batch', { body: lines.join('\n'), ...NDJSON_BODY }),
    );
  }
}

function runAutocannon(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Candidates for SAMPLE actors picked in turn at a steady QUERY_RATE: a first pass over them
 * (names the server has not weighed yet), the same pass again (names it has parsed and
 * cached, as a server that has run a while has), then as fast as 16 connections ask.
 */
async function similarLatency(env, ids) {
  let next = 0;
  const requests = [
    {
      setupRequest: (request) => ({
        ...request,
        path: `/v1/actors/${encodeURIComponent(ids[next++ % ids.length])}/similar`,
      }),
    },
  ];
  const url = env.projectorUrl;
  const pass = Math.ceil(ids.length / QUERY_RATE);
  const steady = () =>
    runAutocannon({
      url,
      requests,
      connections: 4,
      overallRate: QUERY_RATE,
      amount: ids.length,
      duration: pass * 2,
    });
  const first = await steady();
  const again = await steady();
  const saturated = await runAutocannon({ url, requests, connections: 16, duration: pass });
  return {
    ratePerSecond: QUERY_RATE,
    sampledActors: ids.length,
    firstPass: { p50Ms: first.latency.p50, p99Ms: first.latency.p99 },
    p50Ms: again.latency.p50,
    p99Ms: again.latency.p99,
    maxRequestsPerSecond: Math.round(saturated.requests.average),
    saturatedP99Ms: saturated.latency.p99,
    non2xx: first.non2xx + again.non2xx + saturated.non2xx,
  };
}

/** The whole duplicates list: computed once after the read model moved, then paged from memory. */
async function duplicatesList(env) {
  const time = async () => {
    const started = performance.now();
    let pairs = 0;
    /** @type {string | undefined} */
    let cursor;
    do {
      const page = await dataOf(
        env.projector.GET('/v1/actors/duplicates', { params: { query: { limit: 500, cursor } } }),
      );
      pairs += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { pairs, ms: Math.round(performance.now() - started) };
  };
  const first = await time();
  const again = await time();
  return { pairs: first.pairs, firstMs: first.ms, cachedMs: again.ms };
}

/**
 * The planner's statistics as autovacuum leaves them within a minute of a bulk load: the
 * projector refreshes them itself only after 10,000 events, and these are 2,000.
 */
async function analyzeLikeAutovacuum(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE read_model.actors, read_model.actor_name_keys');
  } finally {
    await client.end();
  }
}

async function identityBench() {
  const env = await startEnvironment();
  try {
    await env.startProjector();
    const names = actorNames();
    await postActors(env, names);
    await waitUntil(
      'the projector to apply the identity developments',
      async () => {
        const status = await dataOf(env.projector.GET('/v1/projections'));
        return status.every((p) => p.lag === 0 && p.position > 0);
      },
      600000,
    );
    await analyzeLikeAutovacuum(env.databaseUrl);
    /** @type {string[]} */
    const actors = [];
    /** @type {string | undefined} */
    let cursor;
    do {
      const page = await dataOf(
        env.projector.GET('/v1/actors', { params: { query: { limit: 500, cursor } } }),
      );
      actors.push(...page.items.map((actor) => actor.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const step = Math.max(1, Math.floor(actors.length / SAMPLE));
    const sample = actors.filter((_, index) => index % step === 0).slice(0, SAMPLE);
    const similar = await similarLatency(env, sample);
    const duplicates = await duplicatesList(env);
    return { actors: actors.length, similar, duplicates };
  } finally {
    await env.stop();
  }
}

module.exports = { identityBench };

if (require.main === module) {
  identityBench()
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
