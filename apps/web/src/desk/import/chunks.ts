import { MAX_CHUNK_BYTES, MAX_CHUNK_ITEMS } from './import-file';
import type { ImportItem } from './import-file';

export interface ChunkLimits {
  items: number;
  bytes: number;
}

const BATCH_LIMITS: ChunkLimits = { items: MAX_CHUNK_ITEMS, bytes: MAX_CHUNK_BYTES };

/** The items in order, in requests of at most `limits.items` items and `limits.bytes` bytes. */
export function chunkItems(
  items: readonly ImportItem[],
  limits: ChunkLimits = BATCH_LIMITS,
): ImportItem[][] {
  const chunks: ImportItem[][] = [];
  let chunk: ImportItem[] = [];
  let bytes = 0;
  for (const item of items) {
    // Each line after the first costs its newline too.
    const cost = chunk.length === 0 ? item.bytes : item.bytes + 1;
    if (chunk.length > 0 && (chunk.length >= limits.items || bytes + cost > limits.bytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    bytes += chunk.length === 0 ? item.bytes : item.bytes + 1;
    chunk.push(item);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The NDJSON body of a request: one item per line. */
export function ndjsonBody(chunk: readonly ImportItem[]): string {
  return chunk.map((item) => item.text).join('\n');
}

/** A chunk the server found too large, as two that are each half of it. */
export function halves(chunk: readonly ImportItem[]): [ImportItem[], ImportItem[]] {
  const middle = Math.ceil(chunk.length / 2);
  return [chunk.slice(0, middle), chunk.slice(middle)];
}
