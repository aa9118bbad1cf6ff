// Steady write load on ingest: single posts, batches, corrections, retractions, merges and
// unmerges, from a few writers each keeping its own pace. Every write is recorded.
const { IngestClient } = require('./ingest-client');
const { development, correction, ACTOR_IDS, UNSEEN_ACTOR_IDS } = require('./content');
const { sleep } = require('./waiting');

const WRITERS = 8;
const KINDS = { post: 50, batch: 8, correction: 22, retraction: 6, merge: 14 };

/** The final answer's class: what a client was told. */
function answerClass(status) {
  if (status === null) return 'unanswered';
  return `${Math.floor(status / 100)}xx`;
}

/**
 * Whether the write is in the log: `recorded` (a 2xx said so), `refused` (nothing was stored)
 * or `unknown` (an attempt may have stored it and no later answer says). A retry with the same
 * key answers 2xx when an earlier attempt was stored, so a 4xx after a lost answer settles it;
 * an unmerge has no key, and its retry after a lost answer can only say `not_merged`.
 */
function outcomeOf(kind, { attempts, final }) {
  if (final.status !== null && final.status >= 200 && final.status < 300) return 'recorded';
  const ambiguous = attempts.some((attempt) => attempt.mayHaveRecorded);
  if (!ambiguous) return 'refused';
  const keyless = kind === 'unmerge' && final.body?.error === 'not_merged';
  if (final.status !== null && final.status < 500 && !keyless) return 'refused';
  return 'unknown';
}

class Load {
  constructor({ ingests, token, random, runId, ratePerSecond, figures, writeLog }) {
    this.random = random;
    this.runId = runId;
    this.periodMs = (1000 * WRITERS) / ratePerSecond;
    this.figures = figures;
    this.writeLog = writeLog;
    this.client = new IngestClient({
      ingests,
      token,
      random: random.fork(),
      onLatency: (ms) => figures.write(ms),
    });
    this.counter = 0;
    /** Developments a 2xx said are recorded: {developmentId, revision, retracted}. */
    this.developments = [];
    /** Actor id -> the actor it is merged into, as the 2xx answers left it. */
    this.merged = new Map();
    this.stopped = false;
    this.writers = [];
  }

  start() {
    this.writers = Array.from({ length: WRITERS }, (_, index) => this.writer(index));
  }

  /** Stops starting writes and waits for those in flight (retries included) to settle. */
  async stop() {
    this.stopped = true;
    await Promise.all(this.writers);
  }

  async writer(index) {
    // Writers start spread over one period, so the load is even from the first second.
    let next = Date.now() + (this.periodMs * index) / WRITERS;
    for (;;) {
      await sleep(Math.max(0, next - Date.now()));
      if (this.stopped) return;
      next = Math.max(next + this.periodMs, Date.now());
      await this.writeOne();
    }
  }

  async writeOne() {
    const n = this.counter++;
    const key = `soak-${this.runId}-${n}`;
    let kind = this.random.weighted(KINDS);
    const target = this.editable();
    if ((kind === 'correction' || kind === 'retraction') && !target) kind = 'post';
    const write = { n, kind, key, startedAt: Date.now() };
    switch (kind) {
      case 'post':
        return this.post(write);
      case 'batch':
        return this.batch(write);
      case 'correction':
        return this.correct(write, target);
      case 'retraction':
        return this.retract(write, target);
      default:
        return this.mergeOrUnmerge(write);
    }
  }

  /** A recorded development not retracted, drawn at random; undefined if none is found. */
  editable() {
    for (let tries = 0; tries < 5 && this.developments.length > 0; tries++) {
      const development = this.random.pick(this.developments);
      if (!development.retracted) return development;
    }
    return undefined;
  }

  async post(write) {
    const sent = await this.client.write({
      method: 'POST',
      path: '/v1/developments',
      body: development(this.random, write.n),
      key: write.key,
    });
    const record = this.finish(write, sent);
    if (record.outcome === 'recorded') {
      this.developments.push({
        developmentId: record.developmentId,
        revision: 1,
        retracted: false,
      });
    }
  }

  /** A batch of 2 to 10 keyed items; items the log could not take are sent again alone. */
  async batch(write) {
    const items = Array.from({ length: this.random.integer(2, 10) }, (_, i) => ({
      idempotencyKey: `${write.key}-${i}`,
      development: development(this.random, write.n * 100 + i),
    }));
    const results = new Map();
    const attempts = [];
    let pending = items;
    let sent;
    for (let round = 0; round < 3 && pending.length > 0; round++) {
      sent = await this.client.write({
        method: 'POST',
        path: '/v1/developments/batch',
        body: pending,
        key: `${write.key}-batch-${round}`,
      });
      const answered = (sent.final.status === 200 && sent.final.body?.results) || [];
      attempts.push(...sent.attempts);
      const ambiguous = sent.attempts.some((attempt) => attempt.mayHaveRecorded);
      for (const [index, item] of pending.entries()) {
        const result = answered.find((candidate) => candidate.index === index);
        const earlier = results.get(item.idempotencyKey);
        results.set(
          item.idempotencyKey,
          itemOutcome(item.idempotencyKey, result, ambiguous, earlier),
        );
      }
      pending = pending.filter((item) => results.get(item.idempotencyKey).status === 'unavailable');
    }
    const record = this.finish(
      write,
      { final: sent.final, attempts },
      { items: [...results.values()] },
    );
    for (const item of record.items) {
      if (item.outcome === 'recorded') {
        this.developments.push({
          developmentId: item.developmentId,
          revision: 1,
          retracted: false,
        });
      }
    }
  }

  async correct(write, target) {
    const conditional = this.random.chance(0.2);
    const sent = await this.client.write({
      method: 'POST',
      path: `/v1/developments/${target.developmentId}/corrections`,
      body: correction(this.random, write.n),
      key: write.key,
      headers: conditional ? { 'if-match': `"${target.revision}"` } : {},
    });
    const record = this.finish(write, sent, { developmentId: target.developmentId });
    if (record.outcome === 'recorded')
      target.revision = sent.final.body?.revision ?? target.revision;
  }

  async retract(write, target) {
    target.retracted = true;
    const sent = await this.client.write({
      method: 'POST',
      path: `/v1/developments/${target.developmentId}/retraction`,
      body: { reason: `Soak retraction ${write.n}` },
      key: write.key,
    });
    const record = this.finish(write, sent, { developmentId: target.developmentId });
    if (record.outcome === 'refused' && sent.final.body?.error !== 'retracted') {
      target.retracted = false;
    }
  }

  async mergeOrUnmerge(write) {
    const actorId = this.random.pick([...ACTOR_IDS, ...UNSEEN_ACTOR_IDS]);
    const path = `/v1/actors/${encodeURIComponent(actorId)}/merge`;
    if (this.merged.has(actorId)) {
      write.kind = 'unmerge';
      const sent = await this.client.write({ method: 'DELETE', path, key: write.key });
      const record = this.finish(write, sent, { actorId });
      if (record.outcome === 'recorded' || sent.final.body?.error === 'not_merged') {
        this.merged.delete(actorId);
      }
      return;
    }
    const candidates = ACTOR_IDS.filter((id) => id !== actorId && !this.merged.has(id));
    const into = this.random.pick(candidates);
    const sent = await this.client.write({
      method: 'POST',
      path,
      body: { into, reason: `Soak merge ${write.n}` },
      key: write.key,
    });
    const record = this.finish(write, sent, { actorId, into });
    if (record.outcome !== 'refused') this.merged.set(actorId, into);
  }

  /** Records the write with what its answers said; returns the record. */
  finish(write, sent, extra = {}) {
    const { final, attempts } = sent;
    const record = {
      ...write,
      ...extra,
      ms: Date.now() - write.startedAt,
      status: final.status,
      answer: answerClass(final.status),
      outcome: extra.items ? batchOutcome(extra.items) : outcomeOf(write.kind, sent),
      ...(final.body?.error && { error: final.body.error }),
      ...(final.status >= 200 && final.status < 300 && !extra.items && answerIds(final.body)),
      attempts,
    };
    this.writeLog.add(record);
    return record;
  }
}

function answerIds(body) {
  return {
    eventId: body.eventId,
    sequence: body.sequence,
    ...(body.developmentId && { developmentId: body.developmentId }),
  };
}

/** One batch item after a round: settled by a result, or still unavailable or unanswered. */
function itemOutcome(key, result, ambiguous, earlier) {
  const mayBeStored = Boolean(earlier?.mayBeStored) || ambiguous || Boolean(result?.outcomeUnknown);
  if (result?.status === 'accepted' || result?.status === 'duplicate') {
    return {
      key,
      status: result.status,
      outcome: 'recorded',
      developmentId: result.developmentId,
      eventId: result.eventId,
      sequence: result.sequence,
    };
  }
  if (result?.status === 'invalid') return { key, status: 'invalid', outcome: 'refused' };
  return {
    key,
    status: 'unavailable',
    outcome: mayBeStored ? 'unknown' : 'refused',
    mayBeStored,
  };
}

function batchOutcome(items) {
  if (items.every((item) => item.outcome === 'recorded')) return 'recorded';
  return items.some((item) => item.outcome === 'unknown') ? 'unknown' : 'refused';
}

module.exports = { Load };
