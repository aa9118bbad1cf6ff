import { Inject, Injectable } from '@nestjs/common';
import type { DuplicatePair, DuplicatePairPage } from '@app/contracts';
import {
  encodeKeysetCursor,
  KeysetCursor,
  pairKey,
  queryDuplicateActors,
  readCheckpoints,
} from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';

export const DUPLICATES_SORT = 'duplicates';

/**
 * Likely duplicates over the whole read model. Finding them compares every actor with the
 * actors sharing a word of its name, so the list is kept until the positions projection
 * moves on, and pages are read from it.
 */
@Injectable()
export class DuplicateActors {
  private computed?: { position: number; pairs: Promise<DuplicatePair[]> };

  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  async page(limit: number, after?: KeysetCursor): Promise<DuplicatePairPage> {
    const pairs = await this.pairs();
    const start = after ? pairs.findIndex((pair) => isAfter(pair, after)) : 0;
    const items = start === -1 ? [] : pairs.slice(start, start + limit);
    const last = items[items.length - 1];
    const more = start !== -1 && start + limit < pairs.length;
    return {
      items,
      nextCursor: more && last ? encodeKeysetCursor(cursorOf(last)) : null,
    };
  }

  private async pairs(): Promise<DuplicatePair[]> {
    const position = (await readCheckpoints(this.sql, ['positions'])).get('positions') ?? 0;
    if (this.computed?.position !== position) {
      const pairs = queryDuplicateActors(this.sql);
      this.computed = { position, pairs };
      pairs.catch(() => (this.computed = undefined));
    }
    return this.computed.pairs;
  }
}

/** Scores in thousandths: the cursor holds integers. */
function cursorOf(pair: DuplicatePair): KeysetCursor {
  return { sort: DUPLICATES_SORT, key: Math.round(pair.score * 1000), id: pairKey(pair) };
}

function isAfter(pair: DuplicatePair, cursor: KeysetCursor): boolean {
  const score = Math.round(pair.score * 1000);
  const key = Number(cursor.key);
  return score < key || (score === key && pairKey(pair) > cursor.id);
}
