import { Body, Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { draftRequestSchema, draftsAnswerSchema, MAX_ARTICLE_BYTES } from '@app/contracts';
import type { DraftsAnswer } from '@app/contracts';
import { draftArticle } from '@app/drafting';
import {
  AcceptsBody,
  ApiErrorResponses,
  ApiWriteRateLimit,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  RequiresAccess,
} from '@app/http';
import { DATABASE_UNAVAILABLE } from '../openapi/query-errors';
import { draftQuerySchema, draftRequested } from './draft-request';
import { DraftingVocabularySource } from './drafting-vocabulary.service';

/**
 * The body limit: the article's own limit is checked on its text, and JSON escapes make the
 * body that carries it longer.
 */
const DRAFT_BODY_LIMIT_BYTES = 2 * MAX_ARTICLE_BYTES + 16 * 1024;

@ApiTags('drafts')
@Controller('v1/drafts')
@RequiresAccess('ingest')
@ApiWriteRateLimit()
export class DraftsController {
  constructor(
    @Inject(DraftingVocabularySource) private readonly vocabulary: DraftingVocabularySource,
  ) {}

  @Post()
  @HttpCode(200)
  @AcceptsBody({ limit: DRAFT_BODY_LIMIT_BYTES, text: true })
  @ApiOperation({
    summary: 'Draft developments from an article',
    description:
      'Proposes one development per dated event of the article, for a person to confirm: ' +
      'dates resolved against `publishedOn` (never after it), actors resolved to canonical ids ' +
      "through the read model's actors and merges (names it does not know are proposed with a " +
      'slugged id and `new` in their evidence), statements suggested from quotations and ' +
      'reported speech. Every `development` is valid input of POST /v1/developments as it ' +
      'stands. Evidence offsets point into `text`: the text as given, or the article ' +
      'extracted from the HTML. Nothing is written anywhere.\n\n' +
      'The body is JSON with one of `text` and `html`, or the article itself as `text/plain` ' +
      'or `text/html` (UTF-8) with `?publishedOn=`. At most 200 KB (204,800 bytes) of text or HTML.',
  })
  @ApiZodQuery(draftQuerySchema, {
    publishedOn:
      'With a text/plain or text/html body (and only then): the day the article was ' +
      'published, `YYYY-MM-DD`; dates resolve against it, never after it.',
  })
  @ApiZodBody(draftRequestSchema, {
    description: 'The article, and the day it was published.',
    otherMediaTypes: {
      'text/plain': z.string().describe('The article as plain text, UTF-8.'),
      'text/html': z.string().describe('A page holding the article, UTF-8.'),
    },
  })
  @ApiZodResponse(200, draftsAnswerSchema, 'The drafts; nothing was written.')
  @ApiErrorResponses({
    400:
      'The request is invalid: a field of the JSON body (neither or both of `text` and `html`, ' +
      'a bad `publishedOn`), `publishedOn` missing from the query with a text body, an empty ' +
      'article, or a body that is not valid JSON or UTF-8. Every problem is in `details`.',
    413: 'The text or HTML is over 200 KB (204,800 bytes), or the body over 416 KB.',
    415: 'The body is not JSON, text/plain or text/html, or not UTF-8.',
    503: DATABASE_UNAVAILABLE,
  })
  async draft(@Body() body: unknown, @Query() rawQuery: unknown): Promise<DraftsAnswer> {
    const article = draftRequested(body, rawQuery);
    const vocabulary = await this.vocabulary.current();
    return { ...draftArticle(article, vocabulary), text: article.text };
  }
}
