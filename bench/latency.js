// @ts-check
// node bench/latency.js [developments] [rates]: 202 -> visible alone. Loads `developments`
// (default 20,000) with the batch endpoint, lets the projector catch up, then measures
// 202 -> visible at each rate (default 250,500,1000,2000 developments/s) for BENCH_SECONDS
// (at most 5), each with what the projector did meanwhile: batches, their size, the time
// each took to apply, and the share of the time it spent applying. Run after `npm run build`.
const { startEnvironment } = require('./environment');
const { endToEndLatency } = require('./visibility');
const { batchIngest, printRows, projectorCatchUp, projectorCaughtUp } = require('./workload');

const DEVELOPMENTS = Number(process.argv[2] ?? 20000);
const RATES = (process.argv[3] ?? '250,500,1000,2000').split(',').map(Number);

async function main() {
  const env = await startEnvironment();
  try {
    const counter = { next: 0 };
    console.error(`loading ${DEVELOPMENTS} developments`);
    await batchIngest(env, counter, { developments: DEVELOPMENTS, inFlight: 4 });
    await projectorCatchUp(env);
    const results = [];
    for (const rate of RATES) {
      console.error(`202 -> visible at ${rate}/s`);
      results.push(await endToEndLatency(env, counter, rate));
      await projectorCaughtUp(env);
    }
    printRows(
      results.flatMap((r) => [
        [`202 -> visible at ${r.ratePerSecond}/s`, `p50 ${r.p50Ms} ms`, `p99 ${r.p99Ms} ms`],
        [
          '  the projector meanwhile',
          `${r.projector.batches} batches of ${r.projector.eventsPerBatch}`,
          `${r.projector.applyMsMean} ms each (p99 <= ${r.projector.applySecondsP99Within} s), ` +
            `applying ${Math.round(r.projector.busyShare * 100)}% of the time`,
        ],
      ]),
    );
    console.log(JSON.stringify({ developments: DEVELOPMENTS, results }));
  } finally {
    await env.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
