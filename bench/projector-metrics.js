// @ts-check
// What the projector did during a stretch of a run, from its own Prometheus metrics: how
// many batches, how large, how long each took to apply, and the share of the time it spent
// applying. Read before and after the stretch; the difference is the stretch's.

const APPLY_SECONDS = 'newsline_projector_apply_seconds';
const BATCH_EVENTS = 'newsline_projector_batch_events';

/**
 * The projector's batch histograms, as `name_suffix{le}` -> value.
 * @param {string} projectorUrl
 */
async function readBatchMetrics(projectorUrl) {
  const text = await (await fetch(`${projectorUrl}/metrics`)).text();
  /** @type {Map<string, number>} */
  const values = new Map();
  for (const line of text.split('\n')) {
    const match =
      /^(newsline_projector_(?:apply_seconds|batch_events)_\w+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const le = /le="([^"]+)"/.exec(match[2] ?? '')?.[1];
    values.set(le ? `${match[1]}{${le}}` : match[1], Number(match[3]));
  }
  return { at: process.hrtime.bigint(), values };
}

/**
 * The upper bound of the bucket holding the given quantile of a histogram's increase.
 * @param {Map<string, number>} before
 * @param {Map<string, number>} after
 * @param {string} name
 * @param {number} quantile
 */
function bucketQuantile(before, after, name, quantile) {
  const buckets = [...after.keys()]
    .filter((key) => key.startsWith(`${name}_bucket{`))
    .map((key) => ({
      le: key.slice(name.length + 8, -1),
      count: (after.get(key) ?? 0) - (before.get(key) ?? 0),
    }))
    .sort((a, b) => (a.le === '+Inf' ? 1 : b.le === '+Inf' ? -1 : Number(a.le) - Number(b.le)));
  const total = buckets[buckets.length - 1]?.count ?? 0;
  const bucket = buckets.find((candidate) => candidate.count >= quantile * total);
  return bucket ? bucket.le : null;
}

/**
 * @param {Awaited<ReturnType<typeof readBatchMetrics>>} before
 * @param {Awaited<ReturnType<typeof readBatchMetrics>>} after
 */
function batchesBetween(before, after) {
  const delta = (/** @type {string} */ key) =>
    (after.values.get(key) ?? 0) - (before.values.get(key) ?? 0);
  const batches = delta(`${APPLY_SECONDS}_count`);
  const applySeconds = delta(`${APPLY_SECONDS}_sum`);
  const events = delta(`${BATCH_EVENTS}_sum`);
  const seconds = Number(after.at - before.at) / 1e9;
  const le = (/** @type {string} */ name, /** @type {number} */ q) =>
    bucketQuantile(before.values, after.values, name, q);
  return {
    batches,
    eventsPerBatch: batches > 0 ? Number((events / batches).toFixed(1)) : null,
    applyMsMean: batches > 0 ? Number(((applySeconds / batches) * 1000).toFixed(1)) : null,
    applySecondsP99Within: le(APPLY_SECONDS, 0.99),
    eventsPerBatchP99Within: le(BATCH_EVENTS, 0.99),
    busyShare: Number((applySeconds / seconds).toFixed(2)),
  };
}

module.exports = { readBatchMetrics, batchesBetween };
