// Writes as a careful client sends them: every write has an Idempotency-Key, and a write that
// failed or went unanswered is sent again with the same key, with backoff, a few times. A
// retry goes to another ingest when there is one, as a load balancer would send it.
const { performance } = require('node:perf_hooks');
const { sleep } = require('./waiting');

const { AbortSignal } = globalThis;

const ATTEMPTS = 5;
const REQUEST_TIMEOUT_MS = 30000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 4000;

/** The ingest says so when an unavailable log may or may not have taken the write. */
const OUTCOME_UNKNOWN = /may or may not/;

/**
 * Whether an attempt's answer settles the write. Everything else is retried: no answer, 5xx,
 * 429, and 409 `conflict` (the development kept changing under concurrent edits).
 */
function settles(answer) {
  if (answer.status === null) return false;
  if (answer.status === 429 || answer.status >= 500) return false;
  return !(answer.status === 409 && answer.body?.error === 'conflict');
}

/**
 * Whether the attempt may have recorded something the client was not told about: no answer
 * (other than a refused connection, which reached no one), a 5xx that does not say nothing was
 * recorded.
 */
function mayHaveRecorded(answer) {
  if (answer.status === null) return answer.error !== 'ECONNREFUSED';
  if (answer.status >= 500) {
    return answer.status !== 503 || OUTCOME_UNKNOWN.test(answer.body?.message ?? '');
  }
  return false;
}

class IngestClient {
  constructor({ ingests, token, random, onLatency }) {
    this.ingests = ingests;
    this.token = token;
    this.random = random;
    this.onLatency = onLatency;
  }

  /**
   * Sends `request` ({method, path, body, key, headers}) until an answer settles it or the
   * attempts run out. Returns every attempt and the final answer (with its body).
   */
  async write(request) {
    const attempts = [];
    let target = this.random.integer(0, this.ingests.length - 1);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const ingest = this.pick(target++);
      const answer = await this.send(ingest, request);
      const { status, ms, error } = answer;
      attempts.push({
        ingest: ingest.name,
        status,
        ms,
        error,
        mayHaveRecorded: mayHaveRecorded(answer),
      });
      if (settles(answer) || attempt === ATTEMPTS) return { attempts, final: answer };
      const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
      await sleep(backoff * this.random.between(0.5, 1.5));
    }
    throw new Error('unreachable');
  }

  /** The ingest at `index`, or the next one that is running (a balancer's health check). */
  pick(index) {
    for (let offset = 0; offset < this.ingests.length; offset++) {
      const ingest = this.ingests[(index + offset) % this.ingests.length];
      if (ingest.isRunning) return ingest;
    }
    return this.ingests[index % this.ingests.length];
  }

  async send(ingest, { method, path, body, key, headers = {} }) {
    const started = performance.now();
    try {
      const response = await fetch(`${ingest.url}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          'idempotency-key': key,
          authorization: `Bearer ${this.token}`,
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      this.onLatency(ms);
      let parsed = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: the status says enough
      }
      return { status: response.status, ms: Math.round(ms), body: parsed };
    } catch (error) {
      const code = error.name === 'TimeoutError' ? 'timeout' : (error.cause?.code ?? error.name);
      return { status: null, ms: Math.round(performance.now() - started), error: code };
    }
  }
}

module.exports = { IngestClient };
