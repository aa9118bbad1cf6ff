import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@app/config';
import {
  createIngestClient,
  createProjectorClient,
  dataOf,
  IngestClient,
  ProjectorClient,
} from '@app/client';
import { DataSource } from 'typeorm';
import { dropDatabase, readModelDataSourceOptions } from '@app/read-model';
import { createIngestApp } from '../../apps/ingest/src/create-ingest-app';
import { createProjectorApp } from '../../apps/projector/src/create-projector-app';
import { LogAdmin } from './log-admin';
import { waitFor } from './wait-for';

const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

/** A configuration of its own: stream, subject prefix and database no other run shares. */
export function isolatedConfig(overrides: Record<string, string> = {}): AppConfig {
  const id = randomBytes(5).toString('hex');
  return loadConfig({
    NATS_URL: process.env.NATS_URL,
    STREAM_NAME: `E2E_${id}`,
    SUBJECT_PREFIX: `e2e_${id}`,
    DATABASE_URL: `${BASE_DATABASE_URL}newsline_e2e_${id}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ...overrides,
  });
}

/** Both services booted in this process on free ports, with HTTP helpers. */
export class NewslineUnderTest {
  ingest?: NestFastifyApplication;
  projector?: NestFastifyApplication;
  ingestUrl = '';
  projectorUrl = '';
  /** Typed clients of the running services, with the configuration's ingest and read tokens. */
  ingestClient!: IngestClient;
  projectorClient!: ProjectorClient;

  private constructor(
    readonly config: AppConfig,
    readonly log: LogAdmin,
  ) {}

  static async start(config = isolatedConfig()): Promise<NewslineUnderTest> {
    const system = new NewslineUnderTest(config, await LogAdmin.connect(config.NATS_URL));
    await system.startIngest();
    await system.startProjector();
    return system;
  }

  /** Ingest alone, for tests of its behaviour when its dependencies fail. */
  static async startIngestOnly(config: AppConfig): Promise<NewslineUnderTest> {
    const system = new NewslineUnderTest(config, await LogAdmin.connect());
    await system.startIngest();
    return system;
  }

  async startIngest(): Promise<void> {
    this.ingest = await createIngestApp(this.config);
    await this.ingest.listen(0, '127.0.0.1');
    this.ingestUrl = await this.ingest.getUrl();
    this.ingestClient = createIngestClient({
      baseUrl: this.ingestUrl,
      token: this.config.INGEST_TOKEN,
    });
  }

  /** Stops ingest, as when it is down; the projector keeps forwarding writes to its address. */
  async stopIngest(): Promise<void> {
    await this.ingest?.close();
    this.ingest = undefined;
  }

  async startProjector(): Promise<void> {
    // The projector forwards writes to this system's ingest, on whatever port it listens.
    this.projector = await createProjectorApp({
      ...this.config,
      INGEST_URL: this.ingestUrl || this.config.INGEST_URL,
    });
    await this.projector.startAllMicroservices();
    await this.projector.listen(0, '127.0.0.1');
    this.useProjectorAt(await this.projector.getUrl());
  }

  /** Sends reads to the projector at `url`, one of this process or one run apart. */
  useProjectorAt(url: string): void {
    this.projectorUrl = url;
    this.projectorClient = createProjectorClient({ baseUrl: url, token: this.config.READ_TOKEN });
  }

  async stopProjector(): Promise<void> {
    await this.projector?.close();
    this.projector = undefined;
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.ingestUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  delete(path: string, headers: Record<string, string> = {}) {
    return fetch(`${this.ingestUrl}${path}`, { method: 'DELETE', headers });
  }

  /** Rebuilds every projection from the log and waits until the rebuilt read model is live. */
  async rebuildAll(): Promise<void> {
    const token = this.config.ADMIN_TOKEN;
    const { data, response } = await this.projectorClient.POST('/v1/projections/{name}/rebuild', {
      params: { path: { name: 'all' } },
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (response.status !== 202 || !data) throw new Error(`rebuild: ${response.status}`);
    const { rebuildId } = data;
    await waitFor(`rebuild ${rebuildId}`, async () => {
      const state = await dataOf(
        this.projectorClient.GET('/v1/rebuilds/{rebuildId}', { params: { path: { rebuildId } } }),
      );
      if (state.status === 'running') return undefined;
      if (state.status !== 'succeeded') throw new Error(`rebuild ${state.status}`);
      return true;
    });
  }

  get(path: string) {
    const token = this.config.READ_TOKEN;
    return fetch(`${this.projectorUrl}${path}`, {
      headers: token && !path.startsWith('/health') ? { authorization: `Bearer ${token}` } : {},
    });
  }

  async getJson<T = any>(path: string): Promise<T> {
    const response = await this.get(path);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  lastSequence(): Promise<number> {
    return this.log.lastSequence(this.config.STREAM_NAME);
  }

  /** Waits until every projection has applied the whole log. */
  async caughtUp({ timeoutMs }: { timeoutMs?: number } = {}): Promise<void> {
    const head = await this.lastSequence();
    await waitFor(
      `projections to reach sequence ${head}`,
      async () => {
        const projections = await dataOf(this.projectorClient.GET('/v1/projections'));
        return projections.every((p) => p.lag === 0 && p.position >= head) ? true : undefined;
      },
      { timeoutMs },
    );
  }

  /** SQL that would bring the database in line with the entities; empty when they agree. */
  async schemaDrift(): Promise<string[]> {
    const dataSource = await new DataSource(
      readModelDataSourceOptions(this.config.DATABASE_URL),
    ).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      return pending.upQueries.map((query) => query.query);
    } finally {
      await dataSource.destroy();
    }
  }

  async stop(): Promise<void> {
    await this.ingest?.close();
    await this.projector?.close();
    await this.log.deleteStream(this.config.STREAM_NAME);
    await this.log.deleteStream(`${this.config.STREAM_NAME}_DEAD_LETTERS`);
    await this.log.close();
    await dropDatabase(this.config.DATABASE_URL);
  }
}
