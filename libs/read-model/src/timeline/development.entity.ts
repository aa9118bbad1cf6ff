import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Development } from '@app/contracts';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/** Title and body, the text the search indexes. */
const SEARCH_TEXT = "coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', '')";

/**
 * PostgreSQL's `russian` configuration stems Cyrillic words with the Russian stemmer and
 * ASCII words with the English one, so one vector serves both scripts. The text is indexed
 * in NFC, as queries are searched (`canonicalText`), so that a word stored decomposed is
 * found by the composed query and the other way round. normalize() costs about as much as
 * the stemming, so text that is ASCII (as many bytes as characters) or already NFC, nearly
 * all of it, is indexed as it is.
 */
export const DEVELOPMENT_SEARCH_EXPRESSION =
  `to_tsvector('russian', CASE WHEN octet_length(${SEARCH_TEXT}) = length(${SEARCH_TEXT}) ` +
  `OR (${SEARCH_TEXT}) IS NFC NORMALIZED THEN ${SEARCH_TEXT} ELSE normalize(${SEARCH_TEXT}, NFC) END)`;

/**
 * The document as compact JSON text, as JSON.stringify prints the parsed jsonb (same keys,
 * same order). json_strip_nulls is what prints it compactly; a document holds no nulls to
 * strip, since optional fields are left out, never null.
 */
export const DEVELOPMENT_JSON_EXPRESSION = 'json_strip_nulls(document::json)::text';

/** One row per development, in its current state. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'developments' })
@Index('developments_timeline_idx', ['occurredOn', 'sequence'])
@Index('developments_topics_idx', { synchronize: false })
@Index('developments_actor_ids_idx', { synchronize: false })
/** GiST on daterange(occurred_on, occurred_end) of multi-day developments. */
@Index('developments_ongoing_idx', { synchronize: false })
export class DevelopmentEntity {
  @PrimaryColumn({ name: 'development_id', type: 'uuid' })
  developmentId!: string;

  /** Sequence of the development's first event: its place among same-day developments. */
  @Column({ type: 'bigint', unique: true })
  sequence!: string;

  @Column({ name: 'last_sequence', type: 'bigint' })
  lastSequence!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  /** occurredUntil, or occurredOn for a single day: the end of the development's window. */
  @Column({ name: 'occurred_end', type: 'date' })
  occurredEnd!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'text', array: true })
  topics!: string[];

  @Column({ name: 'actor_ids', type: 'text', array: true })
  actorIds!: string[];

  @Column({ type: 'jsonb' })
  document!: Development;

  /** `document` as the API prints it, for pages put together without parsing it. */
  @Column({
    name: 'document_json',
    type: 'text',
    select: false,
    generatedType: 'STORED',
    asExpression: DEVELOPMENT_JSON_EXPRESSION,
  })
  documentJson!: string;

  /** Set once the development is retracted: `{reason, sequence}`. */
  @Column({ type: 'jsonb', nullable: true })
  retracted!: { reason: string; sequence: number } | null;

  /** Full-text index of title and body (in NFC): English stemming for Latin words, Russian for Cyrillic. */
  @Index('developments_search_idx', { synchronize: false })
  @Column({
    type: 'tsvector',
    select: false,
    generatedType: 'STORED',
    asExpression: DEVELOPMENT_SEARCH_EXPRESSION,
  })
  search!: string;
}
