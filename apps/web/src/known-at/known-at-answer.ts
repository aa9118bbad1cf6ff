import type { Answer } from '@app/client';
import { projectorData } from '../api/api-client';
import { KNOWN_AT_HEADER, parseKnownAtHeader } from './known-at';

/** The data of an answer, and the log sequence it was given at when asked with `knownAt`. */
export interface KnownAtAnswer<Data> {
  data: Data;
  /** From the `Newsline-Known-At` header; undefined when the answer has none. */
  knownAtSequence: number | undefined;
}

/** Like `projectorData`, keeping the sequence of the answer's `Newsline-Known-At` header. */
export async function dataAndKnownAt<Data>(
  answer: Promise<Answer<Data>>,
): Promise<KnownAtAnswer<Data>> {
  const settled = await answer;
  const data = await projectorData(Promise.resolve(settled));
  return {
    data,
    knownAtSequence: parseKnownAtHeader(settled.response.headers.get(KNOWN_AT_HEADER)),
  };
}
