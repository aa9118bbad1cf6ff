// Latencies (HdrHistogram) and resident memory, per reporting interval and per minute.
const hdr = require('hdr-histogram-js');

function histogram() {
  // Microseconds, up to ten minutes.
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

/** Count, p50 and p99 (ms) of a histogram; null percentiles when it is empty. */
function summarize(h) {
  const ms = (percentile) =>
    h.totalCount > 0 ? Math.round(h.getValueAtPercentile(percentile) / 100) / 10 : null;
  return { count: h.totalCount, p50Ms: ms(50), p99Ms: ms(99) };
}

class Latencies {
  constructor() {
    this.interval = histogram();
    this.minutes = [];
    this.total = histogram();
  }

  record(ms, minute) {
    const micros = Math.max(1, Math.round(ms * 1000));
    this.interval.recordValue(micros);
    (this.minutes[minute] ??= histogram()).recordValue(micros);
    this.total.recordValue(micros);
  }

  /** The interval's figures; the next interval starts empty. */
  closeInterval() {
    const figures = summarize(this.interval);
    this.interval.reset();
    return figures;
  }
}

class Figures {
  constructor(startedAt = Date.now()) {
    this.startedAt = startedAt;
    this.writes = new Latencies();
    this.queries = new Latencies();
    /** Per minute, each process's highest resident memory (MiB). */
    this.rssByMinute = [];
    this.intervals = [];
  }

  minute() {
    return Math.floor((Date.now() - this.startedAt) / 60000);
  }

  elapsedSeconds() {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }

  write(ms) {
    this.writes.record(ms, this.minute());
  }

  query(ms) {
    this.queries.record(ms, this.minute());
  }

  /** Resident memory now, {name: MiB or null}: kept for the minute's highest figure. */
  sampleRss(rss) {
    const highest = (this.rssByMinute[this.minute()] ??= {});
    for (const [name, mib] of Object.entries(rss)) {
      if (mib !== null) highest[name] = Math.max(highest[name] ?? 0, mib);
    }
  }

  /** Closes a reporting interval with what else is known about it, and returns it. */
  closeInterval(extra) {
    const interval = {
      t: this.elapsedSeconds(),
      writes: this.writes.closeInterval(),
      queries: this.queries.closeInterval(),
      ...extra,
    };
    this.intervals.push(interval);
    return interval;
  }

  perMinute() {
    const count = Math.max(
      this.writes.minutes.length,
      this.queries.minutes.length,
      this.rssByMinute.length,
    );
    return Array.from({ length: count }, (_, minute) => ({
      minute: minute + 1,
      writes: summarize(this.writes.minutes[minute] ?? histogram()),
      queries: summarize(this.queries.minutes[minute] ?? histogram()),
      rssMiB: this.rssByMinute[minute] ?? {},
    }));
  }

  totals() {
    return { writes: summarize(this.writes.total), queries: summarize(this.queries.total) };
  }
}

module.exports = { Figures };
