// @ts-check
// node bench/apply-batches.js [events] [batch sizes]: the projections alone, no NATS and no
// HTTP. Applies the same recordings to a fresh database once per batch size and per way of
// sending a batch (pipelined, as the projector does, or one statement at a time), and prints
// events/s for each. Run after `npm run build`.
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { DataSource } = require('typeorm');
const { development } = require('./workload');
const { writeAmplification, writeAmplificationRow } = require('./write-amplification');

const dist = path.join(__dirname, '..', 'dist', 'apps');
/** @type {typeof import('../libs/read-model/src')} */
const readModel = require(path.join(dist, 'projector/libs/read-model/src/index.js'));
const contracts = require(path.join(dist, 'ingest/libs/contracts/src/index.js'));
const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

const EVENTS = Number(process.argv[2] ?? 20000);
const BATCH_SIZES = (process.argv[3] ?? '10,100,500').split(',').map(Number);

/** @param {number} count */
function recordings(count) {
  return Array.from({ length: count }, (_, i) => {
    const valid = contracts.validateDevelopment(development(i));
    if (!valid.ok) throw new Error(`not a valid development: ${JSON.stringify(valid.details)}`);
    const event = contracts.newsEventRecorded({
      developmentId: contracts.developmentIdFor(`apply-${i}`),
      idempotencyKey: `apply-${i}`,
      development: contracts.normalizeDevelopment(valid.value),
    });
    return { sequence: i + 1, event };
  });
}

/**
 * Events/s, and with `amplification` the writes per event PostgreSQL counted.
 * @param {'pipelined' | 'one at a time'} way
 * @param {number} batchSize
 * @param {ReturnType<typeof recordings>} events
 * @param {{ amplification?: boolean }} [options]
 */
async function measure(way, batchSize, events, { amplification = false } = {}) {
  const url = `${PG_BASE}newsline_apply_${randomBytes(4).toString('hex')}`;
  await readModel.ensureDatabase(url);
  const dataSource = await new DataSource(readModel.readModelDataSourceOptions(url)).initialize();
  const pool = readModel.pipelinedPool(url);
  try {
    await readModel.migrateExclusively(dataSource);
    const target = way === 'pipelined' ? readModel.pipelinedTransactions(pool) : dataSource;
    const started = process.hrtime.bigint();
    for (let start = 0; start < events.length; start += batchSize) {
      await readModel.applyBatch(
        target,
        readModel.PROJECTIONS,
        events.slice(start, start + batchSize),
      );
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const writes = amplification ? await writeAmplification(url, events.length) : undefined;
    return { eventsPerSecond: Math.round(events.length / seconds), writes };
  } finally {
    await pool.end();
    await dataSource.destroy();
    await readModel.dropDatabase(url);
  }
}

async function main() {
  const events = recordings(EVENTS);
  console.log(`${EVENTS} recordings into a fresh read model, events/s`);
  for (const [i, batchSize] of BATCH_SIZES.entries()) {
    const last = i === BATCH_SIZES.length - 1;
    const pipelined = await measure('pipelined', batchSize, events, { amplification: last });
    const oneAtATime = await measure('one at a time', batchSize, events);
    console.log(
      `batches of ${String(batchSize).padEnd(5)} pipelined ${String(pipelined.eventsPerSecond).padEnd(6)} one statement at a time ${oneAtATime.eventsPerSecond}`,
    );
    if (pipelined.writes) {
      const [name, figure, detail] = writeAmplificationRow(pipelined.writes);
      console.log(
        `${name.replace('while catching up', `in batches of ${batchSize}`)}: ${figure}; ${detail}`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
