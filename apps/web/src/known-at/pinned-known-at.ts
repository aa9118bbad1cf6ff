import { isSequence, knownAtQuery } from './known-at';
import type { KnownAt } from './known-at';

/**
 * The known-at of a page's reads. An instant is resolved by the server to a sequence, named
 * by the first answer; later reads ask for that sequence, so that every part of the page
 * shows the same point of the log even when the instant was the present.
 */
export class PinnedKnownAt {
  private pinned: KnownAt | undefined;

  constructor(readonly knownAt: KnownAt | undefined) {
    this.pinned = knownAt;
  }

  /** Whether the page shows the past: a known-at is set. */
  get isSet(): boolean {
    return this.knownAt !== undefined;
  }

  /** What to add to the query of a read. */
  query(): { knownAt?: string } {
    return knownAtQuery(this.pinned);
  }

  /** Notes the sequence an answer was given at; later reads ask for it. */
  pin(sequence: number | undefined): void {
    if (this.knownAt === undefined || sequence === undefined) return;
    if (this.pinned !== undefined && isSequence(this.pinned)) return;
    this.pinned = String(sequence);
  }
}
