// @ts-check
// The bare baselines newsline is compared with, measured on the same machine in the same
// run: (a) pipelined JetStream publishes, (b) a bare Fastify server doing one publish per
// request, (c) set-based PostgreSQL writes of the read-model rows.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { Client } = require('pg');
const { connect, headers: natsHeaders } = require('@nats-io/transport-node');
const { jetstream, jetstreamManager, StorageType } = require('@nats-io/jetstream');
const { waitUntil } = require('./environment');

// From the build, typed as their sources: the paths are computed so that type checks need no build.
const dist = path.join(__dirname, '..', 'dist', 'apps');
/** @returns {typeof import('../libs/contracts/src')} */
const contracts = () => require(path.join(dist, 'ingest/libs/contracts/src/index.js'));
/** @returns {typeof import('../libs/read-model/src')} */
const readModel = () => require(path.join(dist, 'projector/libs/read-model/src/index.js'));

/** The event ingest would append for `development`, keyed `key`. */
function recordedEvent(key, development) {
  const c = contracts();
  const valid = c.validateDevelopment(development);
  if (!valid.ok) throw new Error(`not a valid development: ${JSON.stringify(valid.details)}`);
  return c.newsEventRecorded({
    developmentId: c.developmentIdFor(key),
    idempotencyKey: key,
    development: c.normalizeDevelopment(valid.value),
  });
}

async function withBaselineStream(natsUrl, name, subjects, work) {
  const nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name, subjects: [subjects], storage: StorageType.File });
  try {
    return await work(jetstream(nc));
  } finally {
    await jsm.streams.delete(name).catch(() => undefined);
    await nc.close();
  }
}

/** (a) The envelopes ingest would write, published straight from a client, 1,000 in flight. */
async function pipelinedPublishes(natsUrl, count, development) {
  const events = Array.from({ length: count }, (_, i) =>
    recordedEvent(`baseline-a-${i}`, development(i)),
  );
  return withBaselineStream(natsUrl, 'BASELINE_A', 'baseline.a.>', async (js) => {
    const started = process.hrtime.bigint();
    const inFlight = new Set();
    for (const event of events) {
      const headers = natsHeaders();
      headers.set('Newsline-Event-Type', event.type);
      headers.set('Newsline-Schema-Version', String(event.schemaVersion));
      headers.set('Newsline-Correlation-Id', event.correlationId);
      const publish = js
        .publish(`baseline.a.${event.data.developmentId}`, JSON.stringify(event), {
          msgID: event.eventId,
          expect: { lastSubjectSequence: 0 },
          headers,
        })
        .finally(() => inFlight.delete(publish));
      inFlight.add(publish);
      if (inFlight.size >= 1000) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { messages: count, messagesPerSecond: Math.round(count / seconds) };
  });
}

/** (b) A bare Fastify server, one awaited publish per request, under the same load. */
async function bareHttpPublish(natsUrl, port, load) {
  return withBaselineStream(natsUrl, 'BASELINE_B', 'baseline.http.>', async () => {
    const server = spawn(process.execPath, [path.join(__dirname, 'bare-server.js')], {
      env: { ...process.env, NATS_URL: natsUrl, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // Not a newsline service, so no typed client: a plain fetch.
    const url = `http://127.0.0.1:${port}/v1/developments`;
    try {
      await waitUntil('the bare server', async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        return response.status === 202;
      });
      return await load(url);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });
}

/**
 * (c) The rows the projections keep for `count` developments, written with plain SQL into
 * empty tables shaped like the read model's (no indexes while loading, as a rebuild does),
 * then the actor and topic rows by GROUP BY, then the indexes. Rows are built (by the
 * projections' own row functions) before the clock starts: this is PostgreSQL's part alone.
 */
async function setBasedWrites(databaseUrl, count, development) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const schema = 'baseline_sql';
  const tables = [
    'developments',
    'development_events',
    'statements',
    'development_actors',
    'development_topics',
    'actors',
    'topics',
    'actor_name_keys',
  ];
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    for (const table of tables) {
      await client.query(
        `CREATE TABLE ${schema}.${table} (LIKE read_model.${table} INCLUDING DEFAULTS INCLUDING GENERATED)`,
      );
    }
    const { rows: indexes } = await client.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'read_model' AND tablename = ANY($1)`,
      [tables],
    );
    // The rows the projections derive from the events, by their own row functions.
    const rows = readModel();
    const batches = [];
    const namesSeen = new Set();
    for (let start = 0; start < count; start += 5000) {
      const events = [];
      for (let i = start; i < Math.min(count, start + 5000); i++) {
        events.push({ sequence: i + 1, event: recordedEvent(`baseline-c-${i}`, development(i)) });
      }
      const changes = rows.developmentChanges(events);
      const { counted } = rows.positionChanges(changes);
      const names = rows
        .developmentActorRows(counted)
        .map((row) => row.name)
        .filter((name) => !namesSeen.has(name) && namesSeen.add(name));
      const batch = {
        nameKeys: names.flatMap((name) =>
          contracts()
            .blockingKeys(contracts().actorNameKeys(name).tokens)
            .map((key) => ({ key, name })),
        ),
        developments: rows.newDevelopmentRows(changes),
        events: rows.developmentEventRows(events),
        statements: rows.statementRows(counted),
        actors: rows.developmentActorRows(counted),
        topics: rows.developmentTopicRows(counted),
      };
      batches.push(
        Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, JSON.stringify(v)])),
      );
    }
    const started = process.hrtime.bigint();
    for (const batch of batches) {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${schema}.developments (development_id, sequence, last_sequence, revision, occurred_on, occurred_end, recorded_at, topics, actor_ids, document)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(development_id uuid, sequence bigint, last_sequence bigint, revision integer, occurred_on date, occurred_end date, recorded_at timestamptz, topics text[], actor_ids text[], document jsonb)`,
        [batch.developments],
      );
      await client.query(
        `INSERT INTO ${schema}.development_events SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(sequence bigint, development_id uuid, type text, event_id uuid, recorded_at timestamptz, recorded_by text)`,
        [batch.events],
      );
      await client.query(
        `INSERT INTO ${schema}.statements (development_id, statement_index, actor_id, canonical_actor_id, topic, stance, quote, summary, occurred_on, sequence, valid_from)
         SELECT r.development_id, r.statement_index, r.actor_id, r.actor_id, r.topic, r.stance, r.quote, r.summary, r.occurred_on, r.sequence, r.sequence
           FROM jsonb_to_recordset($1::jsonb) AS r(development_id uuid, statement_index integer, actor_id text, topic text, stance text, quote text, summary text, occurred_on date, sequence bigint)`,
        [batch.statements],
      );
      await client.query(
        `INSERT INTO ${schema}.development_actors (development_id, actor_id, canonical_actor_id, name, affiliation, occurred_on, sequence, valid_from)
         SELECT r.development_id, r.actor_id, r.actor_id, r.name, r.affiliation, r.occurred_on, r.sequence, r.sequence
           FROM jsonb_to_recordset($1::jsonb) AS r(development_id uuid, actor_id text, name text, affiliation text, occurred_on date, sequence bigint)`,
        [batch.actors],
      );
      await client.query(
        `INSERT INTO ${schema}.actor_name_keys (key, name)
         SELECT r.key, r.name FROM jsonb_to_recordset($1::jsonb) AS r(key text, name text)
         ON CONFLICT DO NOTHING`,
        [batch.nameKeys],
      );
      await client.query(
        `INSERT INTO ${schema}.development_topics (development_id, topic, occurred_on, occurred_end, valid_from)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(development_id uuid, topic text, occurred_on date, occurred_end date, sequence bigint)`,
        [batch.topics],
      );
      await client.query('COMMIT');
    }
    await client.query(
      `INSERT INTO ${schema}.actors (id, name, name_given, named_on, named_sequence, developments, statements, first_seen_on, last_seen_on, valid_from)
       SELECT actor_id, (array_agg(name ORDER BY occurred_on DESC, sequence DESC))[1], true, max(occurred_on), max(sequence),
              count(*), 0, min(occurred_on), max(occurred_on), max(valid_from)
         FROM ${schema}.development_actors GROUP BY actor_id`,
    );
    await client.query(
      `INSERT INTO ${schema}.topics (topic, developments, statements, first_seen_on, last_seen_on, valid_from)
       SELECT topic, count(*), 0, min(occurred_on), max(occurred_on), max(valid_from)
         FROM ${schema}.development_topics GROUP BY topic`,
    );
    for (const { indexdef } of indexes) {
      await client.query(indexdef.replace(' ON read_model.', ` ON ${schema}.`));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      events: count,
      seconds: Number(seconds.toFixed(1)),
      eventsPerSecond: Math.round(count / seconds),
    };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

module.exports = { pipelinedPublishes, bareHttpPublish, setBasedWrites };
