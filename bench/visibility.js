// @ts-check
// 202 -> visible: how long after ingest accepts a development it arrives on the projector's
// event stream, at a steady rate, with what the projector did meanwhile.
const { Buffer } = require('node:buffer');
const http = require('node:http');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const hdr = require('hdr-histogram-js');
const { waitUntil } = require('./environment');
const { batchesBetween, readBatchMetrics } = require('./projector-metrics');
const { SECONDS, development } = require('./workload');

/**
 * POSTs a development with node:http on kept-alive connections (far cheaper per request than
 * `fetch`); resolves with the status.
 * @param {string} url
 * @param {http.Agent} agent
 * @param {number} index
 * @returns {Promise<number>}
 */
function postDevelopment(url, agent, index) {
  const body = JSON.stringify(development(index));
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': `bench-${index}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Time from ingest accepting a development to it being readable, at `rate` developments/s
 * for at most 5 s. The projector's event stream (`GET /v1/stream`) sends each event once
 * the transactions that applied it commit, so its arrival is the moment the development
 * became visible. It is timed from the `recordedAt` ingest stamps just before publishing
 * (so a little before its 202) to the arrival at a follower on a worker thread, so that
 * neither the load generator's nor the follower's event loop, busy on the same two cores,
 * adds its own delay. Posts leave at even intervals, on node:http.
 */
async function endToEndLatency(env, counter, rate) {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60000000,
    numberOfSignificantValueDigits: 3,
  });
  const total = Math.round(rate * Math.min(SECONDS, 5));
  const follower = new Worker(path.join(__dirname, 'stream-follower.js'), {
    workerData: { projectorUrl: env.projectorUrl },
  });
  await new Promise((resolve, reject) => {
    follower.once('message', resolve);
    follower.once('error', reject);
  });
  follower.on('message', (/** @type {{ latenciesMs?: number[] }} */ message) => {
    for (const ms of message.latenciesMs ?? []) {
      histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
    }
  });
  const metricsBefore = await readBatchMetrics(env.projectorUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = `${env.ingestUrl}/v1/developments`;
  const interval = 1000 / rate;
  const started = Date.now();
  /** @type {Promise<number>[]} */
  const posts = [];
  for (let n = 0; n < total; n++) {
    const wait = started + n * interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    posts.push(postDevelopment(url, agent, counter.next++));
  }
  const statuses = await Promise.all(posts);
  const sentSeconds = (Date.now() - started) / 1000;
  agent.destroy();
  const accepted = statuses.filter((status) => status === 202).length;
  await waitUntil(
    'every development to be visible',
    () => histogram.totalCount >= accepted,
    600000,
  );
  const projector = batchesBetween(metricsBefore, await readBatchMetrics(env.projectorUrl));
  follower.postMessage('stop');
  await follower.terminate();
  return {
    ratePerSecond: Math.round(rate),
    achievedPerSecond: Math.round(total / sentSeconds),
    samples: histogram.totalCount,
    rejected: total - accepted,
    projector,
    p50Ms: Number((histogram.getValueAtPercentile(50) / 1000).toFixed(1)),
    p99Ms: Number((histogram.getValueAtPercentile(99) / 1000).toFixed(1)),
  };
}

module.exports = { endToEndLatency };
