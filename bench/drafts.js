// @ts-check
// npm run bench -- --drafts <article.txt> --gold <developments.json> --published-on <YYYY-MM-DD>
// Drafts from an article against a gold set: the developments a person drew from it. Starts
// the system, loads the gold developments (so that their actors, with their ids, are known),
// merges the places that stand for a party into it (moscow, the-kremlin, kremlin into russia
// by default; --merge <id>=<into>, repeatable, instead), then POSTs the article to /v1/drafts
// several times and compares the drafts with the gold set.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { startEnvironment, waitUntil } = require('./environment');
const { dataOf } = require('../scripts/typed-client');

const RUNS = Number(process.env.BENCH_DRAFT_RUNS ?? 9);
const DEFAULT_MERGES = [
  ['moscow', 'russia'],
  ['the-kremlin', 'russia'],
  ['kremlin', 'russia'],
];
const TARGETS = { datesRecalled: 11 / 12, pairRecall: 0.85, pairPrecision: 0.8, valid: 1, ms: 300 };

/** The contracts as the services run them: the validator of POST /v1/developments, slugs. */
function contracts() {
  const built = path.join(__dirname, '..', 'dist', 'apps', 'projector', 'libs', 'contracts', 'src');
  return require(built);
}

/**
 * @param {string[]} argv
 * @returns {{ article: string, gold: string, publishedOn: string, merges: string[][] }}
 */
function parseArguments(argv) {
  /** @type {Record<string, string>} */
  const named = {};
  /** @type {string[][]} */
  const merges = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) continue;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--merge') {
      const [id, into] = value.split('=');
      if (!id || !into) throw new Error(`--merge takes <id>=<into>, not ${value}`);
      merges.push([id, into]);
    } else named[flag.slice(2)] = value;
  }
  const { drafts: article, gold, 'published-on': publishedOn } = named;
  if (!article || !gold || !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn ?? '')) {
    throw new Error(
      'usage: npm run bench -- --drafts <article.txt> --gold <developments.json> --published-on <YYYY-MM-DD> [--merge <id>=<into> ...]',
    );
  }
  return { article, gold, publishedOn, merges: merges.length > 0 ? merges : DEFAULT_MERGES };
}

/** @param {{ occurredOn: string, occurredUntil?: string }} development */
const dateKey = ({ occurredOn, occurredUntil }) =>
  occurredUntil && occurredUntil !== occurredOn ? `${occurredOn}..${occurredUntil}` : occurredOn;

/**
 * The (date or period, canonical actor) pairs of developments, through the merges.
 * @param {any[]} developments
 * @param {Map<string, string>} canonical
 * @param {(name: string) => string} actorIdOf
 */
function pairsOf(developments, canonical, actorIdOf) {
  const pairs = new Set();
  for (const development of developments) {
    for (const actor of development.actors ?? []) {
      const id = actor.id ?? actorIdOf(actor.name);
      pairs.add(`${dateKey(development)} ${canonical.get(id) ?? id}`);
    }
  }
  return pairs;
}

/**
 * The stricter count: each gold development paired with at most one draft of the same date or
 * period (the pairs sharing the most actors first), and actors counted per development, so
 * that an actor found in one of two events of a day does not count for the other.
 * @param {any[]} drafts
 * @param {any[]} gold
 * @param {Map<string, string>} canonical
 * @param {(name: string) => string} actorIdOf
 */
function perDevelopment(drafts, gold, canonical, actorIdOf) {
  const actorsOf = (/** @type {any} */ development) =>
    new Set(
      (development.actors ?? []).map((/** @type {any} */ actor) => {
        const id = actor.id ?? actorIdOf(actor.name);
        return canonical.get(id) ?? id;
      }),
    );
  const candidates = [];
  for (const [g, goldDevelopment] of gold.entries()) {
    for (const [d, draft] of drafts.entries()) {
      if (dateKey(goldDevelopment) !== dateKey(draft)) continue;
      const wanted = actorsOf(goldDevelopment);
      const shared = [...actorsOf(draft)].filter((id) => wanted.has(id)).length;
      candidates.push({ g, d, shared });
    }
  }
  candidates.sort((a, b) => b.shared - a.shared || a.g - b.g || a.d - b.d);
  const pairedGold = new Set();
  const pairedDrafts = new Set();
  let hits = 0;
  for (const { g, d, shared } of candidates) {
    if (pairedGold.has(g) || pairedDrafts.has(d)) continue;
    pairedGold.add(g);
    pairedDrafts.add(d);
    hits += shared;
  }
  const expected = gold.reduce((sum, development) => sum + actorsOf(development).size, 0);
  const found = drafts.reduce((sum, development) => sum + actorsOf(development).size, 0);
  return {
    developmentsPaired: pairedGold.size,
    hits,
    found,
    expected,
    precision: found > 0 ? round(hits / found) : 0,
    recall: expected > 0 ? round(hits / expected) : 0,
  };
}

/** @param {Set<string>} found @param {Set<string>} expected */
function overlap(found, expected) {
  const hits = [...found].filter((item) => expected.has(item)).length;
  return {
    hits,
    found: found.size,
    expected: expected.size,
    precision: found.size > 0 ? round(hits / found.size) : 0,
    recall: expected.size > 0 ? round(hits / expected.size) : 0,
  };
}

const round = (/** @type {number} */ value) => Number(value.toFixed(3));

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Compares an answer of POST /v1/drafts with the gold developments.
 * @param {any} answer
 * @param {any[]} gold
 * @param {Map<string, string>} canonical
 */
function evaluate(answer, gold, canonical) {
  const { actorIdOf, validateDevelopment } = contracts();
  const developments = answer.drafts.map((/** @type {any} */ draft) => draft.development);
  const goldDates = gold.map(dateKey);
  const draftDates = new Set(developments.map(dateKey));
  const invalid = developments
    .map((/** @type {any} */ development) => ({
      development,
      result: validateDevelopment(development),
    }))
    .filter((/** @type {any} */ { result }) => !result.ok);
  const goldPairs = pairsOf(gold, canonical, actorIdOf);
  const draftPairs = pairsOf(developments, canonical, actorIdOf);
  return {
    drafts: developments.length,
    unplaced: answer.unplaced.length,
    dates: {
      // Gold developments whose date or period some draft has, and drafts whose date or
      // period some gold development has.
      recalled: goldDates.filter((key) => draftDates.has(key)).length,
      gold: gold.length,
      recall: round(goldDates.filter((key) => draftDates.has(key)).length / gold.length),
      precision: round(
        developments.filter((/** @type {any} */ d) => goldDates.includes(dateKey(d))).length /
          Math.max(1, developments.length),
      ),
      distinct: overlap(draftDates, new Set(goldDates)),
    },
    pairs: overlap(draftPairs, goldPairs),
    perDevelopment: perDevelopment(developments, gold, canonical, actorIdOf),
    valid: {
      valid: developments.length - invalid.length,
      drafts: developments.length,
      share:
        developments.length > 0
          ? round((developments.length - invalid.length) / developments.length)
          : 1,
      problems: invalid.map((/** @type {any} */ { development, result }) => ({
        title: development.title,
        details: result.details,
      })),
    },
    missed: [...goldPairs].filter((pair) => !draftPairs.has(pair)).sort(),
    extra: [...draftPairs].filter((pair) => !goldPairs.has(pair)).sort(),
  };
}

/** @param {string[]} argv */
async function draftsBench(argv) {
  const options = parseArguments(argv);
  const text = fs.readFileSync(options.article, 'utf8');
  const gold = JSON.parse(fs.readFileSync(options.gold, 'utf8'));
  if (!Array.isArray(gold)) throw new Error(`${options.gold} is not a JSON array of developments`);
  const canonical = new Map(options.merges.map(([id, into]) => [id, into]));
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const env = await startEnvironment();
  try {
    await env.startProjector();
    console.error(
      `loading the ${gold.length} gold developments and ${options.merges.length} merges`,
    );
    const loaded = await dataOf(env.ingest.POST('/v1/developments/batch', { body: gold }));
    if (loaded.accepted + loaded.duplicates !== gold.length) {
      throw new Error(`the gold developments were not all recorded: ${JSON.stringify(loaded)}`);
    }
    for (const [actorId, into] of options.merges) {
      await dataOf(
        env.ingest.POST('/v1/actors/{actorId}/merge', {
          params: { path: { actorId } },
          body: { into, reason: 'a place that stands for the party' },
        }),
      );
    }
    await waitUntil(
      'the projector to apply the gold developments and merges',
      async () => {
        const status = await dataOf(env.projector.GET('/v1/projections'));
        return status.every((p) => p.lag === 0 && p.position > 0);
      },
      120000,
    );
    const request = { body: { text, publishedOn: options.publishedOn } };
    /** @type {number[]} */
    const times = [];
    /** @type {import('../libs/client/src').Drafts | undefined} */
    let answer;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      answer = await dataOf(env.projector.POST('/v1/drafts', request));
      times.push(performance.now() - started);
    }
    if (!answer) throw new Error('BENCH_DRAFT_RUNS must be at least 1');
    const evaluation = evaluate(answer, gold, canonical);
    const results = {
      machine,
      article: { file: options.article, characters: text.length, publishedOn: options.publishedOn },
      goldFile: options.gold,
      merges: options.merges.map(([id, into]) => `${id}=${into}`),
      ...evaluation,
      time: {
        runs: RUNS,
        medianMs: round(median(times)),
        firstMs: round(times[0]),
        minMs: round(Math.min(...times)),
        maxMs: round(Math.max(...times)),
      },
      drafted: answer.drafts.map((/** @type {any} */ draft) => ({
        date: dateKey(draft.development),
        actors: (draft.development.actors ?? []).map((/** @type {any} */ a) => a.id ?? a.name),
        title: draft.development.title,
        confidence: draft.confidence,
      })),
    };
    printTable(results);
    console.log(JSON.stringify(results));
    return results;
  } finally {
    await env.stop();
  }
}

/** @param {any} r */
function targets(r) {
  return [
    [
      `recall of dates >= 11 of 12`,
      `${r.dates.recalled} of ${r.dates.gold}`,
      r.dates.recalled / r.dates.gold >= TARGETS.datesRecalled,
    ],
    [
      `recall of (date, actor) pairs >= 85%`,
      percent(r.pairs.recall),
      r.pairs.recall >= TARGETS.pairRecall,
    ],
    [
      `precision of (date, actor) pairs >= 80%`,
      percent(r.pairs.precision),
      r.pairs.precision >= TARGETS.pairPrecision,
    ],
    [`drafts valid as input: 100%`, percent(r.valid.share), r.valid.share >= TARGETS.valid],
    [
      `time for the article < 300 ms (median of ${r.time.runs})`,
      `${r.time.medianMs} ms`,
      r.time.medianMs < TARGETS.ms,
    ],
  ].map(([name, value, met]) => ({ name, value, met }));
}

const percent = (/** @type {number} */ share) => `${(share * 100).toFixed(1)}%`;

/** @param {any} r */
function printTable(r) {
  const rows = [
    ['drafts', `${r.drafts}`, `${r.unplaced} passages unplaced`],
    [
      'dates (or periods) of the gold developments drafted',
      `${r.dates.recalled} of ${r.dates.gold}`,
      `recall ${percent(r.dates.recall)}, precision ${percent(r.dates.precision)} of drafts; distinct dates ${r.dates.distinct.hits} of ${r.dates.distinct.expected}`,
    ],
    [
      '(date or period, canonical actor) pairs',
      `recall ${percent(r.pairs.recall)}`,
      `precision ${percent(r.pairs.precision)}: ${r.pairs.hits} found of ${r.pairs.expected} gold, ${r.pairs.found} drafted`,
    ],
    [
      'the same, per development (a draft per gold development)',
      `recall ${percent(r.perDevelopment.recall)}`,
      `precision ${percent(r.perDevelopment.precision)}: ${r.perDevelopment.hits} of ${r.perDevelopment.expected} gold actors, ${r.perDevelopment.found} drafted; ${r.perDevelopment.developmentsPaired} of ${r.dates.gold} developments paired`,
    ],
    [
      'drafts valid as POST /v1/developments input',
      percent(r.valid.share),
      `${r.valid.valid} of ${r.valid.drafts}`,
    ],
    [
      'POST /v1/drafts, the whole article',
      `median ${r.time.medianMs} ms`,
      `first ${r.time.firstMs} ms, min ${r.time.minMs} ms, max ${r.time.maxMs} ms over ${r.time.runs} runs`,
    ],
  ];
  r.targets = targets(r);
  console.log(
    `\n${r.machine.cores} x ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ${r.article.characters} characters published ${r.article.publishedOn}\n`,
  );
  for (const [name, figure, detail] of rows)
    console.log(`${name.padEnd(58)} ${figure.padEnd(20)} ${detail}`);
  console.log('\ndrafted');
  for (const draft of r.drafted)
    console.log(`  ${draft.date.padEnd(24)} ${draft.actors.join(', ')}`);
  if (r.missed.length > 0) console.log(`\nmissed gold pairs: ${r.missed.join('; ')}`);
  if (r.extra.length > 0) console.log(`pairs not in the gold set: ${r.extra.join('; ')}`);
  console.log('\ntargets');
  for (const target of r.targets) {
    console.log(
      `${target.name.padEnd(58)} ${String(target.value).padEnd(20)} ${target.met ? 'met' : 'NOT met'}`,
    );
  }
  console.log('');
}

module.exports = { draftsBench, evaluate };

if (require.main === module) {
  draftsBench(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
