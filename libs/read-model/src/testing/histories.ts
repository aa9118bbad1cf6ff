import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { actorIdOf, DevelopmentInput } from '@app/contracts';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { PROJECTIONS } from '../projections/all-projections';
import { applyBatch } from '../projections/apply-batch';
import type { ProjectedEvent, Projection } from '../projections/projection';
import { createPositionsProjection } from '../positions/positions.projection';
import { timelineProjection } from '../timeline/timeline.projection';
import { eventOf, WriterAction } from './writer-actions';

/** The seed of the history properties, unless PROPERTY_SEED names another. */
export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20261207);

/** The projections a history is fed to. */
export const HISTORY_PROJECTIONS = PROJECTIONS;

/**
 * The same projections, keeping versions of actor and topic rows inside runs of recordings
 * every `versionSpan` sequences: short histories have runs that long only with a small span.
 */
export const historyProjectionsWithVersionSpan = (versionSpan: number) => [
  timelineProjection,
  createPositionsProjection({ versionSpan }),
];

/** The actors of a history: some are the same person under another name. */
export const HISTORY_ACTOR_NAMES = [
  'Volodymyr Zelensky',
  'Zelensky',
  'Rustem Umerov',
  'Umerov',
  'Marco Rubio',
];
export const HISTORY_ACTOR_IDS = HISTORY_ACTOR_NAMES.map(actorIdOf);
export const HISTORY_TOPICS = ['peace-plan', 'ceasefire'];
const STANCES = ['support', 'oppose', 'conditional', 'neutral'] as const;

export interface HistoryShape {
  /** Developments occur on December 1 to this day. */
  lastDay: number;
  /** How many developments a history has at the most (two at the least). */
  maxDevelopments: number;
  /** Whether a development may give its actors an affiliation. */
  affiliations: boolean;
  /** Who records every event (nobody: null). */
  recordedBy?: string | null;
}

function contentArbitrary({ lastDay, affiliations }: HistoryShape) {
  return fc.record({
    day: fc.integer({ min: 1, max: lastDay }),
    actors: fc.uniqueArray(fc.integer({ min: 0, max: HISTORY_ACTOR_NAMES.length - 1 }), {
      minLength: 1,
      maxLength: 3,
    }),
    statements: fc.array(
      fc.record({
        actor: fc.nat(),
        topic: fc.constantFrom(...HISTORY_TOPICS),
        stance: fc.constantFrom(...STANCES),
      }),
      { minLength: 0, maxLength: 3 },
    ),
    // A constant draws nothing at random: without affiliations, the other fields come out
    // as they would with no such field at all.
    affiliated: affiliations ? fc.boolean() : fc.constant(false),
  });
}

type Content = ReturnType<typeof contentArbitrary> extends fc.Arbitrary<infer T> ? T : never;

function inputOf(key: number, content: Content): DevelopmentInput {
  const names = content.actors.map((index) => HISTORY_ACTOR_NAMES[index]);
  return {
    occurredOn: `2025-12-${String(content.day).padStart(2, '0')}`,
    title: `Development ${key} on day ${content.day}`,
    actors: names.map((name) => ({ name, ...(content.affiliated && { affiliation: 'ukraine' }) })),
    topics: [...new Set(content.statements.map((statement) => statement.topic))],
    statements: content.statements.map((statement) => ({
      actor: names[statement.actor % names.length],
      topic: statement.topic,
      stance: statement.stance,
    })),
  };
}

/** Each development's own events, in its order: recorded, corrected, perhaps retracted. */
function developmentWritersArbitrary(shape: HistoryShape) {
  const content = contentArbitrary(shape);
  return fc
    .array(
      fc.record({
        first: content,
        corrections: fc.array(content, { maxLength: 2 }),
        retracted: fc.boolean(),
      }),
      { minLength: 2, maxLength: shape.maxDevelopments },
    )
    .map((writers) =>
      writers.map((writer, index): WriterAction[] => {
        const key = index + 1;
        const actions: WriterAction[] = [
          { kind: 'record', key, input: inputOf(key, writer.first) },
        ];
        writer.corrections.forEach((correction, n) =>
          actions.push({ kind: 'correct', key, revision: n + 2, input: inputOf(key, correction) }),
        );
        if (writer.retracted) actions.push({ kind: 'retract', key });
        return actions;
      }),
    );
}

/** Merges into actors that are not merged themselves, some undone. */
const mergeWritersArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.boolean()), {
    minLength: HISTORY_ACTOR_IDS.length,
    maxLength: HISTORY_ACTOR_IDS.length,
  })
  .map((choices) => {
    const roots = [HISTORY_ACTOR_IDS[0], HISTORY_ACTOR_IDS[2]];
    return HISTORY_ACTOR_IDS.flatMap((actorId, index): WriterAction[][] => {
      const [target, undone] = choices[index];
      if (roots.includes(actorId) || target === 2) return [];
      const into = roots[target];
      const merge: WriterAction = { kind: 'merge', actorId, into };
      return [undone ? [merge, { kind: 'unmerge', actorId, from: into }] : [merge]];
    });
  });

/**
 * A log of developments recorded, corrected and perhaps retracted, and of merges (some undone):
 * the writers' actions interleaved at random, each writer's kept in order.
 */
export function historyArbitrary(shape: HistoryShape): fc.Arbitrary<ProjectedEvent[]> {
  return fc
    .tuple(developmentWritersArbitrary(shape), mergeWritersArbitrary, fc.infiniteStream(fc.nat()))
    .map(([developments, merges, choices]) => {
      const queues = [...developments, ...merges].map((actions) => [...actions]);
      const actions: WriterAction[] = [];
      for (;;) {
        const open = queues.filter((queue) => queue.length > 0);
        if (open.length === 0) break;
        actions.push(open[choices.next().value % open.length].shift()!);
      }
      return actions.map((action, index) =>
        eventOf(action, index + 1, { recordedBy: shape.recordedBy }),
      );
    });
}

/**
 * Empties the history projections' tables and checkpoints, then applies `events` in batches,
 * each as long as `batchSize()` says.
 */
export async function projectHistory(
  sql: DataSource,
  events: ProjectedEvent[],
  batchSize: () => number,
  projections: Projection[] = HISTORY_PROJECTIONS,
): Promise<void> {
  const tables = projections.flatMap((projection) => projection.tables);
  await sql.query(`TRUNCATE ${tables.map((table) => `${READ_MODEL_SCHEMA}.${table}`).join(', ')}`);
  await sql.query(`DELETE FROM ${READ_MODEL_SCHEMA}.projection_checkpoints`);
  for (let start = 0; start < events.length;) {
    const size = batchSize();
    await applyBatch(sql, projections, events.slice(start, start + size));
    start += size;
  }
}
