// @ts-check
'use strict';
// `npm run demo`: posts the example story to a running ingest, waits for the projector to
// catch up and prints queries to try. Safe to re-run: the same items come back as duplicates.

const fs = require('node:fs');
const path = require('node:path');
const { createIngestClient, createProjectorClient } = require('./typed-client');

const root = path.resolve(__dirname, '..');
const SEED_FILE = path.join(root, 'examples', 'developments.seed.json');
const VARIANTS_FILE = path.join(root, 'examples', 'actor-variants.json');
const VARIANTS_TOPIC = 'spelling-example';
const CANONICAL_ACTOR = 'volodymyr-zelensky';
const CATCH_UP_TIMEOUT_MS = 30_000;
const POLL_MS = 250;

const ingestUrl = (process.env.INGEST_URL || 'http://localhost:3000').replace(/\/+$/, '');
const projectorUrl = (process.env.PROJECTOR_URL || 'http://localhost:3001').replace(/\/+$/, '');
const readToken = process.env.READ_TOKEN || '';
const ingest = createIngestClient({ baseUrl: ingestUrl, token: process.env.INGEST_TOKEN });
const projector = createProjectorClient({ baseUrl: projectorUrl, token: readToken });

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`\ndemo: ${message}`);
  process.exit(1);
}

/** @param {any} error a failed fetch's error */
function describeFetchError(error) {
  const cause = error && error.cause;
  if (cause && cause.code) return cause.code;
  if (cause && cause.message) return cause.message;
  return error && error.message ? error.message : String(error);
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * @param {string} file
 * @returns {import('../libs/client/src').DevelopmentInput[]}
 */
function loadDevelopments(file) {
  let items;
  try {
    items = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path.relative(root, file)}: ${/** @type {Error} */ (error).message}`);
  }
  if (!Array.isArray(items) || items.length === 0) {
    fail(`${path.relative(root, file)} must be a non-empty JSON array of developments`);
  }
  return items;
}

/** An error body as text, for messages. */
function bodyText(/** @type {unknown} */ body) {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * The data of the projector's answer to `request`; fails unless it is a 2xx.
 * @template Data
 * @param {string} request such as `GET /v1/projections`, for messages
 * @param {Promise<import('../libs/client/src').Answer<Data>>} answer
 * @returns {Promise<Data>}
 */
async function read(request, answer) {
  let result;
  try {
    result = await answer;
  } catch (error) {
    fail(`cannot reach the projector at ${projectorUrl} (${describeFetchError(error)})`);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    fail(`${request} answered ${response.status}: ${bodyText(error).slice(0, 500)}`);
  }
  return /** @type {Data} */ (data);
}

/**
 * Merges `actorId` into `into`; a merge made by an earlier run answers 200 and changes nothing.
 * @param {string} actorId
 * @param {string} into
 * @param {string} reason
 */
async function merge(actorId, into, reason) {
  let answer;
  try {
    answer = await ingest.POST('/v1/actors/{actorId}/merge', {
      params: { path: { actorId } },
      body: { into, reason },
      signal: globalThis.AbortSignal.timeout(15_000),
    });
  } catch (error) {
    fail(`cannot reach ingest at ${ingestUrl} (${describeFetchError(error)})`);
  }
  const { data, error, response } = answer;
  if (!data) {
    fail(
      `merging ${actorId} into ${into} answered ${response.status}: ${bodyText(error).slice(0, 500)}`,
    );
  }
  return data;
}

/** @param {string} topic */
async function printTopicPositions(topic) {
  const { positions } = await read(
    `GET /v1/topics/${topic}/positions`,
    projector.GET('/v1/topics/{topic}/positions', {
      params: { path: { topic } },
      signal: globalThis.AbortSignal.timeout(10_000),
    }),
  );
  for (const p of positions) {
    console.log(
      `  ${p.actor.id.padEnd(24)} ${p.stance.padEnd(12)} since ${p.since}  (${p.actor.name})`,
    );
  }
}

/**
 * One person under three spellings splits a position in three; the duplicate candidates name
 * the other spellings, and merging them gives one actor with one current stance.
 */
async function identityExample() {
  const variants = loadDevelopments(VARIANTS_FILE);
  console.log(`\nOne person, three spellings (${path.relative(root, VARIANTS_FILE)}):\n`);
  const posted = [];
  for (const [index, item] of variants.entries()) {
    posted.push(await post(item, index, variants.length));
  }
  await waitForProjector(Math.max(0, ...posted.map((r) => r.sequence || 0)));
  const similar = await read(
    `GET /v1/actors/${CANONICAL_ACTOR}/similar`,
    projector.GET('/v1/actors/{actorId}/similar', {
      params: { path: { actorId: CANONICAL_ACTOR } },
      signal: globalThis.AbortSignal.timeout(10_000),
    }),
  );
  const likely = similar.candidates.filter((candidate) => candidate.likely);
  if (similar.actor.aliases.length === 0) {
    console.log(`\nPositions on ${VARIANTS_TOPIC}, one row per spelling:`);
    await printTopicPositions(VARIANTS_TOPIC);
  }
  console.log(
    `\nLikely duplicates of ${CANONICAL_ACTOR} (GET /v1/actors/${CANONICAL_ACTOR}/similar):`,
  );
  for (const candidate of likely) {
    const { id, name } = candidate.actor;
    console.log(`  ${id}  "${name}"  score ${candidate.score}  ${candidate.reasons.join(', ')}`);
  }
  for (const { id } of similar.actor.aliases) console.log(`  ${id}  already merged`);
  let lastSequence = 0;
  for (const candidate of likely) {
    const reason = `the same person (${candidate.reasons.join(', ')})`;
    const outcome = await merge(candidate.actor.id, CANONICAL_ACTOR, reason);
    lastSequence = Math.max(lastSequence, outcome.sequence);
    console.log(
      `  merged ${candidate.actor.id} into ${CANONICAL_ACTOR} (sequence ${outcome.sequence})`,
    );
  }
  await waitForProjector(lastSequence);
  console.log(`\nPositions on ${VARIANTS_TOPIC} after the merges, one row for one person:`);
  await printTopicPositions(VARIANTS_TOPIC);
  console.log(
    `\nThe log still holds each development as it was recorded; undo a merge with\n` +
      `  curl -X DELETE ${ingestUrl}/v1/actors/<id>/merge`,
  );
}

/**
 * @param {import('../libs/client/src').DevelopmentInput} item
 * @param {number} index
 * @param {number} total
 */
async function post(item, index, total) {
  let answer;
  try {
    answer = await ingest.POST('/v1/developments', {
      body: item,
      signal: globalThis.AbortSignal.timeout(15_000),
    });
  } catch (error) {
    fail(
      `cannot reach ingest at ${ingestUrl} (${describeFetchError(error)}).\n` +
        'Is it running? Start it with "npm start" (or "docker compose up"), ' +
        'or point INGEST_URL at it.',
    );
  }
  const { data, error, response } = answer;
  const label = `[${String(index + 1).padStart(String(total).length)}/${total}]`;
  if (data) {
    const outcome = response.status === 202 ? 'accepted ' : 'duplicate';
    console.log(`${label} ${response.status} ${outcome} ${data.developmentId}  ${item.title}`);
    return { status: response.status, developmentId: data.developmentId, sequence: data.sequence };
  }
  let hint = '';
  if (response.status === 401) hint = '\nSet INGEST_TOKEN to the token ingest was started with.';
  if (response.status === 503) {
    const retry = response.headers.get('retry-after');
    hint = `\nThe log (NATS JetStream) is unreachable${retry ? `; retry after ${retry} s` : ''}.`;
  }
  fail(
    `ingest answered ${response.status} ${response.statusText} for item ${index + 1} ` +
      `("${item.title}"):\n${bodyText(error).slice(0, 2000)}${hint}`,
  );
}

/**
 * Polls the projections until each has applied the whole log; returns what it last saw.
 * @param {number} minPosition
 * @returns {Promise<{ ok: true } | { ok: false, last: string }>}
 */
async function waitForProjector(minPosition) {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  let last = 'no answer';
  for (;;) {
    try {
      const {
        data: projections,
        error,
        response,
      } = await projector.GET('/v1/projections', {
        signal: globalThis.AbortSignal.timeout(5000),
      });
      if (projections && projections.length > 0) {
        const behind = projections.filter((p) => p.lag !== 0 || p.position < minPosition);
        if (behind.length === 0) return { ok: true };
        last = behind
          .map((p) => `${p.name} ${p.status}, position ${p.position}/${p.head}, lag ${p.lag}`)
          .join('; ');
      } else if (projections) {
        last = 'no projections listed';
      } else {
        last = `${response.status} ${response.statusText}: ${bodyText(error).slice(0, 300)}`;
      }
    } catch (error) {
      last = `cannot reach ${projectorUrl} (${describeFetchError(error)})`;
    }
    if (Date.now() >= deadline) return { ok: false, last };
    await sleep(POLL_MS);
  }
}

/** @param {string} url */
function curl(url) {
  const auth = readToken ? ' -H "Authorization: Bearer $READ_TOKEN"' : '';
  return `  curl -s${auth} '${url}'`;
}

async function main() {
  const items = loadDevelopments(SEED_FILE);
  console.log(`Posting ${items.length} developments from examples/ to ${ingestUrl}\n`);
  const results = [];
  for (const [index, item] of items.entries()) {
    results.push(await post(item, index, items.length));
  }
  const accepted = results.filter((r) => r.status === 202).length;
  const duplicates = results.length - accepted;
  console.log(
    `\n${accepted} accepted, ${duplicates} duplicate${duplicates === 1 ? '' : 's'}` +
      (duplicates === results.length ? ' (already loaded: nothing new was written)' : ''),
  );

  const minPosition = Math.max(
    0,
    ...results.map((r) => (typeof r.sequence === 'number' ? r.sequence : 0)),
  );
  process.stdout.write(`Waiting for the projector at ${projectorUrl} to catch up... `);
  const caughtUp = await waitForProjector(minPosition);
  if (caughtUp.ok) {
    console.log('done (lag 0).');
  } else {
    console.log('not yet.');
    console.warn(
      `demo: could not confirm within ${CATCH_UP_TIMEOUT_MS / 1000} s that the projector ` +
        `has caught up (${caughtUp.last}); the queries below may show partial results.`,
    );
  }

  const firstId = results[0].developmentId;
  console.log('\nOpen in a browser:');
  console.log(
    `  ${projectorUrl}/                           the timeline, updating live as you post`,
  );
  console.log(`  ${projectorUrl}/#/topics                   every actor's stance per topic`);
  console.log(`  ${projectorUrl}/#/actors/volodymyr-zelensky one actor's stances over time`);
  console.log(`  ${projectorUrl}/#/status                   projections, lag, rebuilds`);
  console.log(`  ${ingestUrl}/docs and ${projectorUrl}/docs   the API (OpenAPI)`);
  console.log('\nOr ask the API:');
  console.log(curl(`${projectorUrl}/v1/timeline`));
  console.log(curl(`${projectorUrl}/v1/timeline?actor=volodymyr-zelensky`));
  console.log(curl(`${projectorUrl}/v1/timeline?topic=peace-plan&order=desc`));
  console.log(curl(`${projectorUrl}/v1/developments/${firstId}`));
  console.log(curl(`${projectorUrl}/v1/projections`));
  console.log(curl(`${projectorUrl}/v1/actors/duplicates`));

  await identityExample();
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
