import { z } from 'zod';
import { developmentInputSchema, sourceSchema, STANCES } from '../development/development.schema';

/** Where a field's value came from in the article: character offsets, end exclusive. */
export const draftEvidenceSchema = z
  .strictObject({
    path: z
      .string()
      .describe(
        'The field it supports, as a path into the draft: `development.occurredOn`, ' +
          '`development.actors.0`, `suggestedStatements.1.quote`.',
      ),
    start: z.int().min(0).describe('Offset of the first character, in UTF-16 code units.'),
    end: z.int().min(0).describe('Offset just after the last character.'),
    new: z
      .boolean()
      .optional()
      .describe('An actor the read model does not know yet, proposed with a slugged id.'),
  })
  .meta({ id: 'DraftEvidence' });

export const suggestedStatementSchema = z
  .strictObject({
    actor: z.string().describe('The canonical id of the actor who said it.'),
    topic: z.string().describe('A topic slug, matched against the topics in use when one fits.'),
    stance: z
      .enum(STANCES)
      .optional()
      .describe('Proposed only on a strong cue ("rejected": oppose); a person confirms it.'),
    quote: z.string().optional(),
    summary: z.string().optional(),
  })
  .meta({ id: 'SuggestedStatement' });

export const draftSchema = z
  .strictObject({
    development: developmentInputSchema.describe(
      'Valid input of POST /v1/developments as it stands; its statements are only those with a stance.',
    ),
    suggestedStatements: z.array(suggestedStatementSchema),
    evidence: z.array(draftEvidenceSchema),
    confidence: z.number().min(0).max(1),
  })
  .meta({ id: 'Draft', description: 'One dated event of the article, proposed as a development.' });

export const unplacedPassageSchema = z
  .strictObject({
    start: z.int().min(0),
    end: z.int().min(0),
    text: z.string(),
    reason: z.string().describe('Why no draft was made of it, e.g. no date to place it on.'),
  })
  .meta({ id: 'UnplacedPassage' });

export const draftsAnswerSchema = z
  .strictObject({
    text: z
      .string()
      .describe(
        'The text drafted: as given, or the article extracted from the HTML. Evidence offsets point into it.',
      ),
    drafts: z.array(draftSchema),
    unplaced: z.array(unplacedPassageSchema),
  })
  .meta({ id: 'Drafts', description: 'Drafts of developments; nothing was written anywhere.' });

/** The most text (or HTML) a draft request may carry, in bytes of UTF-8. */
export const MAX_ARTICLE_BYTES = 200 * 1024;

export const draftRequestSchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    publishedOn: z.iso.date().describe('YYYY-MM-DD: dates resolve against it, never after it.'),
    source: sourceSchema.optional(),
  })
  .meta({ id: 'DraftRequest' });

export type DraftEvidence = z.infer<typeof draftEvidenceSchema>;
export type SuggestedStatement = z.infer<typeof suggestedStatementSchema>;
export type Draft = z.infer<typeof draftSchema>;
export type UnplacedPassage = z.infer<typeof unplacedPassageSchema>;
export type DraftsAnswer = z.infer<typeof draftsAnswerSchema>;
export type DraftRequest = z.infer<typeof draftRequestSchema>;
