import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The developments of the example article, in the order the article tells them. */
export function sampleDevelopments(): Array<Record<string, any>> {
  const path = join(__dirname, '..', '..', 'examples', 'developments.seed.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, any>>;
}

/** A fixed permutation, so that log order differs from story order in a repeatable way. */
export function shuffled<T>(items: T[], seed = 7): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}
