import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { NatsConnection, ReceivedMessage } from '@app/jetstream';
import {
  applyBatch,
  applyEventsIn,
  inSequence,
  buildIndexes,
  createShadowSchema,
  dropAbandonedShadowSchemas,
  dropShadowSchema,
  lockLivePosition,
  pipelinedPool,
  pipelinedTransactions,
  Projection,
  SHADOW_SCHEMA_PREFIX,
  refreshStatistics,
  setCheckpoints,
  swapInShadowSchema,
} from '@app/read-model';
import { ProjectionRunner } from '../consumer/projection-runner.service';
import { DecodedBatch, PoisonEvents } from '../consumer/poison-events';
import { LogReplay } from './log-replay';
import type { RebuildState } from '@app/contracts';
import { RebuildConflictError, UnknownProjectionError } from './rebuild.errors';

/**
 * Rebuilds projections from the log without downtime: the events are replayed into an
 * empty copy of their tables in a schema of its own while the live projection keeps
 * serving and consuming; once the copy has caught up, it replaces the live tables in one
 * transaction that also holds the live checkpoints, so the live consumer carries on from
 * exactly where the copy stopped.
 */
@Injectable()
export class Rebuilds implements OnApplicationBootstrap {
  private readonly logger = new Logger('Rebuild');
  private readonly states = new Map<string, RebuildState>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NatsConnection) private readonly connection: NatsConnection,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PoisonEvents) private readonly poison: PoisonEvents,
  ) {}

  /** A copy left half-built by a process that died is of no use: drop it. */
  async onApplicationBootstrap(): Promise<void> {
    const dropped = await dropAbandonedShadowSchemas(this.dataSource);
    for (const schema of dropped) this.logger.warn(`dropped the unfinished rebuild ${schema}`);
  }

  start(name: string): RebuildState {
    const projections = this.select(name);
    const names = projections.map((projection) => projection.name);
    const busy = this.running().find((state) => state.projections.some((p) => names.includes(p)));
    if (busy) throw new RebuildConflictError(`rebuild ${busy.rebuildId} is already running`);
    const state: RebuildState = {
      rebuildId: randomBytes(6).toString('hex'),
      projections: names,
      status: 'running',
      position: 0,
      head: 0,
      eventsPerSecond: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
    this.states.set(state.rebuildId, state);
    void this.run(state, projections);
    return state;
  }

  get(rebuildId: string): RebuildState | undefined {
    return this.states.get(rebuildId);
  }

  running(): RebuildState[] {
    return [...this.states.values()].filter((state) => state.status === 'running');
  }

  private select(name: string): Projection[] {
    if (name === 'all') return [...this.runner.projections];
    const projection = this.runner.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new UnknownProjectionError(`no projection is named "${name}"`);
    return [projection];
  }

  private async run(state: RebuildState, projections: Projection[]): Promise<void> {
    const schema = `${SHADOW_SCHEMA_PREFIX}${state.rebuildId}`;
    const tables = projections.flatMap((projection) => projection.tables);
    const started = Date.now();
    let replay: LogReplay | undefined;
    // The copy is written as the live projector writes: each batch's statements pipelined.
    const writes = pipelinedPool(this.config.DATABASE_URL, projections.length);
    const copyTransactions = pipelinedTransactions(writes);
    try {
      this.logger.log(`rebuilding ${state.projections.join(', ')} into ${schema}`);
      const indexes = await createShadowSchema(this.dataSource, schema, projections);
      replay = await LogReplay.open(this.connection, this.config.SUBJECT_PREFIX);
      const setAside = await this.poison.setAsideSequences();
      state.head = replay.pendingAtStart;
      // Reading and decoding the next batch overlaps with writing the current one.
      let reading = replay.pendingAtStart > 0 ? replay.next(this.config.REBUILD_BATCH_SIZE) : null;
      while (reading) {
        const batch = await reading;
        reading = batch.pending > 0 ? replay.next(this.config.REBUILD_BATCH_SIZE) : null;
        const { events, through } = await this.decode(batch.messages, setAside);
        // Each projection loads on a connection of its own, so PostgreSQL works on them in
        // parallel (`runTogether`).
        await applyBatch(copyTransactions, projections, events, { schema, through });
        state.position = through;
        state.head = state.position + batch.pending;
        state.eventsPerSecond = Math.round(state.position / ((Date.now() - started) / 1000));
      }
      await buildIndexes(this.dataSource, indexes);
      await refreshStatistics(this.dataSource, tables, schema);
      await this.swap(state, projections, schema, tables, replay, setAside);
      state.status = 'succeeded';
      this.logger.log(
        `rebuilt ${state.projections.join(', ')} at ${state.eventsPerSecond} events/s`,
      );
    } catch (error) {
      state.status = 'failed';
      state.error = (error as Error).message;
      this.logger.error(`rebuild ${state.rebuildId} failed: ${state.error}`);
      await dropShadowSchema(this.dataSource, schema).catch(() => undefined);
    } finally {
      state.finishedAt = new Date().toISOString();
      await replay?.close().catch(() => undefined);
      await writes.end().catch(() => undefined);
    }
  }

  /**
   * Holds the live checkpoints (the live consumer waits on them), brings the copy up to the
   * live position if the live side got ahead meanwhile, and swaps the copy in. If the copy
   * is ahead instead, its checkpoint goes with it and the live consumer skips what it has.
   */
  private swap(
    state: RebuildState,
    projections: Projection[],
    schema: string,
    tables: string[],
    replay: LogReplay,
    setAside: ReadonlySet<number>,
  ): Promise<void> {
    const names = projections.map((projection) => projection.name);
    return this.dataSource.transaction(async (sql) => {
      const livePosition = await lockLivePosition(sql, names);
      if (livePosition > state.position) {
        const missing = await replay.until(livePosition, state.position);
        const { events, through } = await this.decode(missing, setAside);
        await inSequence(sql, (writes) =>
          applyEventsIn(writes, projections, events, { schema, through }),
        );
        state.position = through;
      }
      await setCheckpoints(sql, names, state.position, schema);
      await swapInShadowSchema(sql, schema, tables, names);
      state.head = Math.max(state.head, state.position);
    });
  }

  /** Decodes replayed messages, leaving out those the live projection set aside. */
  private async decode(
    messages: readonly ReceivedMessage[],
    setAside: ReadonlySet<number>,
  ): Promise<DecodedBatch> {
    const { events, through } = await this.poison.decode(messages, false);
    return { events: events.filter((event) => !setAside.has(event.sequence)), through };
  }
}
