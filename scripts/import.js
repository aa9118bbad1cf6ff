// @ts-check
// npm run import -- FILE.ndjson: records every development of an NDJSON file through the
// batch endpoint, a few batches in flight, with a progress bar and a final summary. Ids come
// from the content (or the line's idempotencyKey), so running it again after a failure
// records nothing twice. Exits non-zero if any line was invalid or could not be stored.
const fs = require('node:fs');
const readline = require('node:readline');
const { Buffer } = require('node:buffer');
const cliProgress = require('cli-progress');
const { createIngestClient, NDJSON_BODY } = require('./typed-client');

const MAX_ITEMS = 1000;
const MAX_BYTES = 8 * 1024 * 1024;
const IN_FLIGHT = 4;
const MAX_ATTEMPTS = 8;
const SHOWN_PROBLEMS = 20;

const file = process.argv[2];
const base = process.env.INGEST_URL ?? `http://localhost:${process.env.INGEST_PORT ?? 3000}`;
const ingest = createIngestClient({ baseUrl: base, token: process.env.INGEST_TOKEN });

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`import: ${message}`);
  process.exit(1);
}

if (!file) fail('usage: npm run import -- FILE.ndjson');
let size;
try {
  size = fs.statSync(file).size;
} catch (error) {
  fail(`cannot read ${file}: ${/** @type {Error} */ (error).message}`);
}

const totals = { accepted: 0, duplicates: 0, invalid: 0, unstored: 0 };
/** @type {string[]} */
const problems = [];
const bar = new cliProgress.SingleBar(
  {
    format: ' {bar} {percentage}% | {lines} lines | {rate} developments/s | ETA {eta_formatted}',
    hideCursor: true,
  },
  cliProgress.Presets.shades_classic,
);
const started = Date.now();
let lines = 0;
let bytesDone = 0;

/**
 * @typedef {{ line: number, text: string }} Line
 * @typedef {{ items: Line[], bytes: number }} Batch
 */

/**
 * @param {number} line
 * @param {string} message
 */
function note(line, message) {
  problems.push(`line ${line}: ${message}`);
}

/**
 * Sends one batch; retries what the log could not take yet. Resolves when every item has an answer.
 * @param {Batch} batch
 */
async function send(batch) {
  let pending = batch.items;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const {
      data: answer,
      error,
      response,
    } = await post(pending.map((item) => item.text).join('\n'));
    if (answer) {
      /** @type {Line[]} */
      const retry = [];
      answer.results.forEach((result, index) => {
        const item = pending[index];
        if (result.status === 'accepted') totals.accepted++;
        else if (result.status === 'duplicate') totals.duplicates++;
        else if (result.status === 'invalid') {
          totals.invalid++;
          for (const detail of result.details) {
            const message = detail.message.replace(/^line \d+ /, '');
            note(item.line, detail.path ? `${detail.path}: ${message}` : message);
          }
        } else retry.push(item);
      });
      pending = retry;
    } else if (![429, 503].includes(response.status) || attempt >= MAX_ATTEMPTS) {
      totals.unstored += pending.length;
      note(pending[0].line, `batch refused (${response.status}): ${error?.message ?? ''}`);
      pending = [];
    }
    if (pending.length > 0) {
      if (attempt >= MAX_ATTEMPTS) {
        totals.unstored += pending.length;
        note(pending[0].line, `${pending.length} developments could not be stored; run again`);
        break;
      }
      const retryAfter = Number(response.headers.get('retry-after') ?? 1);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(30, retryAfter * attempt) * 1000),
      );
    }
  }
  bytesDone += batch.bytes;
  bar.update(Math.min(size, bytesDone), { lines, rate: rate() });
}

/**
 * POST /v1/developments/batch with NDJSON lines; tries again while ingest cannot be reached.
 * @param {string} lines
 */
async function post(lines) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ingest.POST('/v1/developments/batch', { body: lines, ...NDJSON_BODY });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) {
        bar.stop();
        const { cause, message } = /** @type {Error & { cause?: { code?: string } }} */ (error);
        fail(`cannot reach ingest at ${base} (${cause?.code ?? message}); run again`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function rate() {
  const seconds = (Date.now() - started) / 1000;
  return seconds > 0 ? Math.round((totals.accepted + totals.duplicates) / seconds) : 0;
}

async function main() {
  bar.start(Math.max(1, size), 0, { lines: 0, rate: 0 });
  const input = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Infinity,
  });
  /** @type {Set<Promise<void>>} */
  const inFlight = new Set();
  /** @type {Batch} */
  let batch = { items: [], bytes: 0 };
  const flush = async () => {
    if (batch.items.length === 0) return;
    /** @type {Promise<void>} */
    const sending = send(batch).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    batch = { items: [], bytes: 0 };
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for await (const text of input) {
    lines++;
    const bytes = Buffer.byteLength(text) + 1;
    if (text.trim() === '') {
      bytesDone += bytes;
      continue;
    }
    if (batch.items.length >= MAX_ITEMS || batch.bytes + bytes > MAX_BYTES) await flush();
    batch.items.push({ line: lines, text });
    batch.bytes += bytes;
  }
  await flush();
  await Promise.all(inFlight);
  bar.update(size, { lines, rate: rate() });
  bar.stop();

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${file}: ${lines} lines in ${seconds} s: ${totals.accepted} recorded, ` +
      `${totals.duplicates} already recorded, ${totals.invalid} invalid, ${totals.unstored} not stored`,
  );
  for (const problem of problems.slice(0, SHOWN_PROBLEMS)) console.error(`  ${problem}`);
  if (problems.length > SHOWN_PROBLEMS) {
    console.error(`  ... and ${problems.length - SHOWN_PROBLEMS} more`);
  }
  if (totals.invalid > 0 || totals.unstored > 0) process.exit(1);
}

void main();
