import { Inject, Injectable } from '@nestjs/common';
import { queryDraftingVocabulary, readCheckpoints } from '@app/read-model';
import type { DraftingVocabulary, SqlExecutor } from '@app/read-model';
import { QUERY_SQL } from '../database/database.tokens';

/** The projection that keeps actors, their names, merges and topics. */
const PROJECTION = 'positions';

/**
 * The read model's actors and topics for drafting, read once per position of the projection
 * that keeps them: drafts in a row between two developments reuse it.
 */
@Injectable()
export class DraftingVocabularySource {
  private read?: { position: number; vocabulary: Promise<DraftingVocabulary> };

  constructor(@Inject(QUERY_SQL) private readonly sql: SqlExecutor) {}

  async current(): Promise<DraftingVocabulary> {
    const position = (await readCheckpoints(this.sql, [PROJECTION])).get(PROJECTION) ?? 0;
    if (this.read?.position !== position) {
      const vocabulary = queryDraftingVocabulary(this.sql);
      const read = { position, vocabulary };
      this.read = read;
      vocabulary.catch(() => {
        if (this.read === read) this.read = undefined;
      });
    }
    return this.read.vocabulary;
  }
}
