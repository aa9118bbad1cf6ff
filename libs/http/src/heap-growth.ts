import { setFlagsFromString } from 'node:v8';

/**
 * By default V8 lets the heap grow to up to four times what survived the last full
 * collection before collecting again. A service whose live data is a few tens of MB then
 * sits at several hundred MB of RSS under load for no gain in throughput (docs/benchmarks.md
 * has the figures); doubling at most keeps it near what it uses. V8 reads this flag at every
 * collection, so setting it at start-up takes effect however the process was launched.
 */
export function limitHeapGrowth(percent = 100): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
