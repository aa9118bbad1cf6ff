import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

/** The configuration contract of API.md: every variable, its default, and its validation. */
export const configSchema = z.object({
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROJECTOR_DURABLE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  PROJECTOR_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  REBUILD_BATCH_SIZE: z.coerce.number().int().min(1).max(50000).default(5000),
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
});

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
