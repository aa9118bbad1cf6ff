import { chunkItems, halves, ndjsonBody } from './chunks';
import { MAX_CHUNK_BYTES, MAX_CHUNK_ITEMS } from './import-file';
import { testItems } from './item-fixture';

describe('chunkItems', () => {
  it('keeps to the batch’s 1,000 items a request, in the file’s order', () => {
    const chunks = chunkItems(testItems(2500));
    expect(chunks.map((chunk) => chunk.length)).toEqual([MAX_CHUNK_ITEMS, MAX_CHUNK_ITEMS, 500]);
    expect(chunks.flat().map((item) => item.line)).toEqual(
      Array.from({ length: 2500 }, (_, index) => index + 1),
    );
  });

  it('keeps each request’s body, newlines included, within the byte limit', () => {
    const chunks = chunkItems(testItems(10, 10), { items: 1000, bytes: 32 });
    // 10 + 1 + 10 + 1 + 10 = 32 bytes: three a request.
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
    const big = chunkItems(testItems(3, 4 * 1024 * 1024));
    expect(big.map((chunk) => chunk.length)).toEqual([1, 1, 1]);
    expect(MAX_CHUNK_BYTES).toBeLessThan(10 * 1024 * 1024);
  });

  it('gives no requests for no items', () => {
    expect(chunkItems([])).toEqual([]);
  });
});

describe('ndjsonBody', () => {
  it('is one item a line', () => {
    expect(ndjsonBody(testItems(2))).toBe('{"n":1}\n{"n":2}');
  });
});

describe('halves', () => {
  it('splits a request in two', () => {
    const [first, second] = halves(testItems(5));
    expect(first.map((item) => item.line)).toEqual([1, 2, 3]);
    expect(second.map((item) => item.line)).toEqual([4, 5]);
  });
});
