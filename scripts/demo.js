'use strict';
// `npm run demo`: posts the example story to a running ingest, waits for the projector to
// catch up and prints queries to try. Safe to re-run: the same items come back as duplicates.

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SEED_FILE = path.join(root, 'examples', 'developments.seed.json');
const VARIANTS_FILE = path.join(root, 'examples', 'actor-variants.json');
const VARIANTS_TOPIC = 'spelling-example';
const CANONICAL_ACTOR = 'volodymyr-zelensky';
const CATCH_UP_TIMEOUT_MS = 30_000;
const POLL_MS = 250;

const ingestUrl = (process.env.INGEST_URL || 'http://localhost:3000').replace(/\/+$/, '');
const projectorUrl = (process.env.PROJECTOR_URL || 'http://localhost:3001').replace(/\/+$/, '');
const ingestToken = process.env.INGEST_TOKEN || '';
const readToken = process.env.READ_TOKEN || '';

function fail(message) {
  console.error(`\ndemo: ${message}`);
  process.exit(1);
}

function describeFetchError(error) {
  const cause = error && error.cause;
  if (cause && cause.code) return cause.code;
  if (cause && cause.message) return cause.message;
  return error && error.message ? error.message : String(error);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function loadDevelopments(file) {
  let items;
  try {
    items = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path.relative(root, file)}: ${error.message}`);
  }
  if (!Array.isArray(items) || items.length === 0) {
    fail(`${path.relative(root, file)} must be a non-empty JSON array of developments`);
  }
  return items;
}

function ingestHeaders() {
  const headers = { 'Content-Type': 'application/json' };
  if (ingestToken) headers.Authorization = `Bearer ${ingestToken}`;
  return headers;
}

async function readJson(route) {
  const headers = readToken ? { Authorization: `Bearer ${readToken}` } : {};
  let response;
  try {
    response = await fetch(`${projectorUrl}${route}`, {
      headers,
      signal: globalThis.AbortSignal.timeout(10_000),
    });
  } catch (error) {
    fail(`cannot reach the projector at ${projectorUrl} (${describeFetchError(error)})`);
  }
  const text = await response.text();
  if (!response.ok) fail(`GET ${route} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Merges `actorId` into `into`; a merge made by an earlier run answers 200 and changes nothing. */
async function merge(actorId, into, reason) {
  let response;
  try {
    response = await fetch(`${ingestUrl}/v1/actors/${encodeURIComponent(actorId)}/merge`, {
      method: 'POST',
      headers: ingestHeaders(),
      body: JSON.stringify({ into, reason }),
      signal: globalThis.AbortSignal.timeout(15_000),
    });
  } catch (error) {
    fail(`cannot reach ingest at ${ingestUrl} (${describeFetchError(error)})`);
  }
  const text = await response.text();
  if (response.status !== 202 && response.status !== 200) {
    fail(`merging ${actorId} into ${into} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text);
}

async function printTopicPositions(topic) {
  const { positions } = await readJson(`/v1/topics/${topic}/positions`);
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
  const similar = await readJson(`/v1/actors/${CANONICAL_ACTOR}/similar`);
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

async function post(item, index, total) {
  let response;
  try {
    response = await fetch(`${ingestUrl}/v1/developments`, {
      method: 'POST',
      headers: ingestHeaders(),
      body: JSON.stringify(item),
      signal: globalThis.AbortSignal.timeout(15_000),
    });
  } catch (error) {
    fail(
      `cannot reach ingest at ${ingestUrl} (${describeFetchError(error)}).\n` +
        'Is it running? Start it with "npm start" (or "docker compose up"), ' +
        'or point INGEST_URL at it.',
    );
  }
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const label = `[${String(index + 1).padStart(String(total).length)}/${total}]`;
  if ((response.status === 202 || response.status === 200) && body && body.developmentId) {
    const outcome = response.status === 202 ? 'accepted ' : 'duplicate';
    console.log(`${label} ${response.status} ${outcome} ${body.developmentId}  ${item.title}`);
    return { status: response.status, developmentId: body.developmentId, sequence: body.sequence };
  }
  let hint = '';
  if (response.status === 401) hint = '\nSet INGEST_TOKEN to the token ingest was started with.';
  if (response.status === 503) {
    const retry = response.headers.get('retry-after');
    hint = `\nThe log (NATS JetStream) is unreachable${retry ? `; retry after ${retry} s` : ''}.`;
  }
  fail(
    `ingest answered ${response.status} ${response.statusText} for item ${index + 1} ` +
      `("${item.title}"):\n${text.slice(0, 2000)}${hint}`,
  );
}

/** Polls the projections until each has applied the whole log; returns what it last saw. */
async function waitForProjector(minPosition) {
  const headers = readToken ? { Authorization: `Bearer ${readToken}` } : {};
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  let last = 'no answer';
  for (;;) {
    try {
      const response = await fetch(`${projectorUrl}/v1/projections`, {
        headers,
        signal: globalThis.AbortSignal.timeout(5000),
      });
      const text = await response.text();
      if (response.ok) {
        const projections = JSON.parse(text);
        if (Array.isArray(projections) && projections.length > 0) {
          const behind = projections.filter(
            (p) => p.lag !== 0 || (typeof p.position === 'number' && p.position < minPosition),
          );
          if (behind.length === 0) return { ok: true };
          last = behind
            .map((p) => `${p.name} ${p.status}, position ${p.position}/${p.head}, lag ${p.lag}`)
            .join('; ');
        } else {
          last = 'no projections listed';
        }
      } else {
        last = `${response.status} ${response.statusText}: ${text.slice(0, 300)}`;
      }
    } catch (error) {
      last = `cannot reach ${projectorUrl} (${describeFetchError(error)})`;
    }
    if (Date.now() >= deadline) return { ok: false, last };
    await sleep(POLL_MS);
  }
}

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
