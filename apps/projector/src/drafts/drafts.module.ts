import { Module } from '@nestjs/common';
import { DraftingVocabularySource } from './drafting-vocabulary.service';
import { DraftsController } from './drafts.controller';

/** Drafts of developments from an article, resolved against the read model; writes nothing. */
@Module({
  controllers: [DraftsController],
  providers: [DraftingVocabularySource],
})
export class DraftsModule {}
