import { resolve } from 'node:path';
import { z } from 'zod';
import { authSettings, withSignInChecked } from './auth-settings';

const port = z.coerce.number().int().min(0).max(65535);
const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

/** The origin of a bare origin such as `https://news.example.org`; else undefined. */
function originOf(entry: string): string | undefined {
  if (!URL.canParse(entry)) return undefined;
  const url = new URL(entry);
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return bare && /^https?:$/.test(url.protocol) ? url.origin : undefined;
}

/** Comma-separated origins, `*` for any, or none (unset or empty: no cross-origin access). */
const corsOrigins = z
  .string()
  .default('')
  .transform((value, context): '*' | string[] => {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.includes('*')) return '*';
    return entries.map((entry) => {
      const origin = originOf(entry);
      if (!origin) {
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not an origin such as https://news.example.org (scheme, host and port only)`,
        });
      }
      return origin ?? entry;
    });
  });

/** The configuration contract of API.md: every variable, its default, and its validation. */
export const configSchema = z
  .object({
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    /** NATS credentials: user and password, or a token (they may also be in NATS_URL). */
    NATS_USER: optionalSecret,
    NATS_PASSWORD: optionalSecret,
    NATS_TOKEN: optionalSecret,
    DATABASE_URL: z.url().default('postgres://postgres:postgres@127.0.0.1:5432/newsline'),
    DATABASE_READ_URL: z.url().optional(),
    STREAM_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only')
      .default('NEWS'),
    SUBJECT_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'one subject token: letters, digits, "_" and "-" only')
      .default('news'),
    STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
    INGEST_PORT: port.default(3000),
    PROJECTOR_PORT: port.default(3001),
    HOST: z.string().default('0.0.0.0'),
    INGEST_TOKEN: optionalSecret,
    ADMIN_TOKEN: optionalSecret,
    READ_TOKEN: optionalSecret,
    ...authSettings,
    CORS_ORIGINS: corsOrigins.describe(
      'Ingest: the origins whose pages may call it from a browser, comma-separated, or `*` for ' +
        'any. Unset: none, no CORS headers at all. The web view needs none: it writes to the ' +
        'projector, which forwards to ingest (INGEST_URL).',
    ),
    WEB_DIR: z
      .string()
      .default('dist/web')
      .transform((directory) => resolve(directory))
      .describe(
        'Projector: the directory of the built web view (scripts/build-web.js), relative to the ' +
          'working directory unless absolute.',
      ),
    INGEST_URL: z
      .string()
      .transform((value, context) => {
        const origin = originOf(value);
        if (!origin) {
          context.addIssue({
            code: 'custom',
            message: `"${value}" is not an origin such as http://ingest:3000 (scheme, host and port only)`,
          });
        }
        return origin ?? value;
      })
      .optional()
      .describe(
        'Projector: where it reaches ingest, to forward the write routes to it (so that ' +
          "browsers write to the projector's own origin). Unset: http://127.0.0.1:<INGEST_PORT>.",
      ),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOG_FORMAT: z
      .enum(['auto', 'pretty', 'json'])
      .default('auto')
      .describe(
        'JSON lines (pino), or colored human-readable lines (pino-pretty); `auto` is pretty ' +
          'when standard output is a terminal, JSON otherwise.',
      ),
    PROJECTOR_DURABLE: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('projector')
      .describe("Projector: the name of its durable consumer on the log's stream."),
    PROJECTOR_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(2000),
    REBUILD_BATCH_SIZE: z.coerce.number().int().min(1).max(50000).default(5000),
    STREAM_CLIENT_BUFFER_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(1024 * 1024)
      .describe(
        'Projector: how much a client of `GET /v1/stream` may leave unsent before it is sent ' +
          'nothing more; once it has taken that, it reads what it missed from the database.',
      ),
    /** Writes per client (bearer token, else address) per minute; 0 turns the limit off. */
    WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0),
    PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    BATCH_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
  })
  .transform(withSignInChecked)
  .transform((config) => ({
    ...config,
    INGEST_URL: config.INGEST_URL ?? `http://127.0.0.1:${config.INGEST_PORT}`,
  }));

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the service with every problem named. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable (`INGEST_PORT=` in a compose file) means "not set", never 0 or "".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
