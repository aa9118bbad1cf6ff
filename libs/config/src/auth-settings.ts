import { readFileSync } from 'node:fs';
import { z } from 'zod';

const MIN_SECRET_LENGTH = 32;
const GENERATE_SECRET = 'generate one with `openssl rand -base64 32`';

/** Sign-in with signed tokens (JWT): docs/auth.md. */
export const authSettings = {
  AUTH_JWT_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters: ${GENERATE_SECRET}`)
    .optional()
    .describe(
      'The shared secret of HS256-signed tokens (`npm run token`); setting it turns sign-in on.',
    ),
  AUTH_JWT_SECRET_FILE: z
    .string()
    .optional()
    .describe(
      'A file holding AUTH_JWT_SECRET (a Docker secret such as /run/secrets/jwt-secret); ' +
        'surrounding whitespace is ignored. Not together with AUTH_JWT_SECRET.',
    ),
  AUTH_JWKS_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "The identity provider's JSON Web Key Set, for its RS/PS/ES/EdDSA-signed tokens; " +
        'turns sign-in on, and needs AUTH_ISSUER and AUTH_AUDIENCE.',
    ),
  AUTH_ISSUER: z
    .string()
    .optional()
    .describe('The `iss` every signed token must carry. Required with AUTH_JWKS_URL.'),
  AUTH_AUDIENCE: z
    .string()
    .optional()
    .describe('An `aud` every signed token must carry. Required with AUTH_JWKS_URL.'),
  AUTH_ROLES_CLAIM: z
    .string()
    .min(1)
    .default('roles')
    .describe(
      'The claim holding the roles (reader, editor, admin): an array or a space-separated ' +
        'string; a dotted path such as `realm_access.roles` reaches into objects.',
    ),
  AUTH_NAME_CLAIM: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The claim naming the principal (recorded as `recordedBy`). Unset: the first of ' +
        '`preferred_username`, `name`, `email` and `sub`.',
    ),
  AUTH_REQUIRE_READ: z
    .stringbool({ error: 'must be true or false' })
    .default(false)
    .describe('Reads need a signed token with a role (or READ_TOKEN) too.'),
};

interface ParsedAuthSettings {
  AUTH_JWT_SECRET?: string;
  AUTH_JWT_SECRET_FILE?: string;
  AUTH_JWKS_URL?: string;
  AUTH_ISSUER?: string;
  AUTH_AUDIENCE?: string;
  AUTH_REQUIRE_READ: boolean;
  READ_TOKEN?: string;
}

/**
 * The checks that involve several sign-in variables, and the secret read from
 * AUTH_JWT_SECRET_FILE into AUTH_JWT_SECRET, so that the services only look at the latter.
 */
export function withSignInChecked<Config extends ParsedAuthSettings>(
  config: Config,
  context: z.RefinementCtx,
): Config {
  const problem = (variable: keyof ParsedAuthSettings, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  let secret = config.AUTH_JWT_SECRET;
  if (config.AUTH_JWT_SECRET_FILE !== undefined) {
    if (secret !== undefined) {
      problem('AUTH_JWT_SECRET_FILE', 'set AUTH_JWT_SECRET or AUTH_JWT_SECRET_FILE, not both');
    } else {
      secret = secretFromFile(config.AUTH_JWT_SECRET_FILE, (message) =>
        problem('AUTH_JWT_SECRET_FILE', message),
      );
    }
  }
  const signIn = secret !== undefined || config.AUTH_JWKS_URL !== undefined;
  if (config.AUTH_JWKS_URL !== undefined) {
    if (config.AUTH_ISSUER === undefined) {
      problem(
        'AUTH_ISSUER',
        "required with AUTH_JWKS_URL: the issuer (`iss`) of the provider's tokens",
      );
    }
    if (config.AUTH_AUDIENCE === undefined) {
      problem(
        'AUTH_AUDIENCE',
        'required with AUTH_JWKS_URL: the audience (`aud`) of these services',
      );
    }
  }
  if (!signIn) {
    for (const variable of ['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
      if (config[variable] !== undefined) {
        problem(variable, 'only used with sign-in: set AUTH_JWT_SECRET or AUTH_JWKS_URL too');
      }
    }
    if (config.AUTH_REQUIRE_READ && config.READ_TOKEN === undefined) {
      problem(
        'AUTH_REQUIRE_READ',
        'would close reads to everyone: set AUTH_JWT_SECRET, AUTH_JWKS_URL or READ_TOKEN too',
      );
    }
  }
  return { ...config, AUTH_JWT_SECRET: secret };
}

function secretFromFile(file: string, problem: (message: string) => void): string | undefined {
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (error) {
    problem(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    problem(
      `the secret in ${file} must be at least ${MIN_SECRET_LENGTH} characters: ${GENERATE_SECRET}`,
    );
    return undefined;
  }
  return secret;
}
