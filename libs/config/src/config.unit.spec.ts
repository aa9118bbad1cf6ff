import { resolve } from 'node:path';
import type { AppConfig } from './config';
import { ConfigError, loadConfig } from './config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  describe('defaults (API.md, "Running (configuration contract)")', () => {
    const config = loadConfig({});

    it.each([
      ['NATS_URL', 'nats://127.0.0.1:4222'],
      ['DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/newsline'],
      ['STREAM_NAME', 'NEWS'],
      ['SUBJECT_PREFIX', 'news'],
      ['STREAM_REPLICAS', 1],
      ['INGEST_PORT', 3000],
      ['PROJECTOR_PORT', 3001],
      ['LOG_LEVEL', 'info'],
      ['BODY_LIMIT_BYTES', 1024 * 1024],
      ['CORS_ORIGINS', '*'],
      ['PROJECTOR_DURABLE', 'projector'],
      ['WEB_DIR', resolve('dist/web')],
    ] as const)('%s defaults to %j', (name, value) => {
      expect(config[name]).toBe(value);
    });

    it.each([
      ['DATABASE_READ_URL'],
      ['INGEST_TOKEN'],
      ['ADMIN_TOKEN'],
      ['READ_TOKEN'],
      ['INGEST_PUBLIC_URL'],
    ] as const)('%s is unset by default', (name) => {
      expect(config[name]).toBeUndefined();
    });
  });

  describe('values from the environment', () => {
    it('takes strings as they are', () => {
      const config = loadConfig({
        NATS_URL: 'nats://a:4222,nats://b:4222',
        DATABASE_URL: 'postgres://u:p@db:5432/other',
        DATABASE_READ_URL: 'postgres://u:p@replica:5432/other',
        STREAM_NAME: 'NEWS_STAGING',
        SUBJECT_PREFIX: 'staging',
        LOG_LEVEL: 'debug',
      });
      expect(config).toMatchObject({
        NATS_URL: 'nats://a:4222,nats://b:4222',
        DATABASE_URL: 'postgres://u:p@db:5432/other',
        DATABASE_READ_URL: 'postgres://u:p@replica:5432/other',
        STREAM_NAME: 'NEWS_STAGING',
        SUBJECT_PREFIX: 'staging',
        LOG_LEVEL: 'debug',
      });
    });

    it('turns numbers into numbers', () => {
      const config = loadConfig({
        STREAM_REPLICAS: '3',
        INGEST_PORT: '8080',
        PROJECTOR_PORT: '8081',
      });
      expect(config.STREAM_REPLICAS).toBe(3);
      expect(config.INGEST_PORT).toBe(8080);
      expect(config.PROJECTOR_PORT).toBe(8081);
    });

    it('reads CORS_ORIGINS as a list of origins, or * for any', () => {
      expect(
        loadConfig({ CORS_ORIGINS: 'https://news.example.org, http://localhost:3001/' })
          .CORS_ORIGINS,
      ).toEqual(['https://news.example.org', 'http://localhost:3001']);
      expect(loadConfig({ CORS_ORIGINS: 'https://a.example, *' }).CORS_ORIGINS).toBe('*');
      expect(loadConfig({ CORS_ORIGINS: ' , ' }).CORS_ORIGINS).toBe('*');
    });

    it('takes INGEST_PUBLIC_URL without a trailing slash', () => {
      expect(
        loadConfig({ INGEST_PUBLIC_URL: 'https://ingest.example.org/' }).INGEST_PUBLIC_URL,
      ).toBe('https://ingest.example.org');
    });

    it('takes WEB_DIR relative to the working directory unless absolute', () => {
      expect(loadConfig({ WEB_DIR: 'build/web' }).WEB_DIR).toBe(resolve('build/web'));
      expect(loadConfig({ WEB_DIR: '/srv/newsline/web' }).WEB_DIR).toBe('/srv/newsline/web');
    });

    it('keeps a token that is set', () => {
      expect(loadConfig({ INGEST_TOKEN: 's3cret' }).INGEST_TOKEN).toBe('s3cret');
    });

    it.each([['INGEST_TOKEN'], ['ADMIN_TOKEN'], ['READ_TOKEN']])(
      'treats an empty %s as unset (no auth, not an empty token)',
      (name) => {
        expect(loadConfig({ [name]: '' })[name as 'INGEST_TOKEN']).toBeUndefined();
      },
    );
  });

  describe('bad values stop the service with a ConfigError naming the variable', () => {
    it.each([
      ['STREAM_REPLICAS', '0'],
      ['STREAM_REPLICAS', '6'],
      ['STREAM_REPLICAS', 'three'],
      ['STREAM_REPLICAS', '1.5'],
      ['INGEST_PORT', 'abc'],
      ['INGEST_PORT', '65536'],
      ['INGEST_PORT', '-1'],
      ['INGEST_PORT', '80.5'],
      ['PROJECTOR_PORT', 'abc'],
      ['STREAM_NAME', 'NEWS STAGING'],
      ['STREAM_NAME', 'NEWS.STAGING'],
      ['SUBJECT_PREFIX', 'news.dev'],
      ['SUBJECT_PREFIX', 'news>'],
      ['SUBJECT_PREFIX', '*'],
      ['LOG_LEVEL', 'verbose'],
      ['DATABASE_URL', 'not a url'],
      ['DATABASE_READ_URL', 'replica'],
      ['CORS_ORIGINS', 'news.example.org'],
      ['CORS_ORIGINS', 'https://news.example.org/path'],
      ['CORS_ORIGINS', 'ftp://news.example.org'],
      ['INGEST_PUBLIC_URL', 'localhost:3000'],
      ['INGEST_PUBLIC_URL', 'ftp://ingest.example.org'],
      ['PROJECTOR_DURABLE', 'projector.main'],
    ])('%s=%j', (name, value) => {
      const error = errorOf({ [name]: value });
      expect(error.message).toContain(`${name}:`);
    });

    it.each(['INGEST_PORT', 'PROJECTOR_PORT', 'STREAM_NAME', 'NATS_URL', 'STREAM_REPLICAS'])(
      'treats an empty %s as unset, so the default applies',
      (name) => {
        expect(loadConfig({ [name]: '' })[name as keyof AppConfig]).toEqual(
          loadConfig({})[name as keyof AppConfig],
        );
      },
    );

    it('names every bad variable at once', () => {
      const error = errorOf({ STREAM_REPLICAS: '0', INGEST_PORT: 'abc', LOG_LEVEL: 'loud' });
      expect(error.message).toContain('STREAM_REPLICAS');
      expect(error.message).toContain('INGEST_PORT');
      expect(error.message).toContain('LOG_LEVEL');
      expect(error.message).not.toContain('PROJECTOR_PORT');
    });
  });
});
