import type { SecuritySchemeObject } from '@nestjs/swagger';
import type { Access } from '../auth';
import { ROLE_FOR_LEVEL, STATIC_TOKENS } from '../auth/access-rules';

export type TokenAccess = Exclude<Access, 'open'>;

/** The name of the security scheme of an access level in the documents. */
export const securitySchemeName = (access: TokenAccess) => `${access}Token`;

const WHEN_SIGN_IN_CLOSES: Record<TokenAccess, string> = {
  ingest: 'sign-in is on',
  admin: 'sign-in is on',
  read: 'sign-in is on with AUTH_REQUIRE_READ',
};

/** The security schemes, by name, of every access level that needs a token. */
export function accessSecuritySchemes(): Record<string, SecuritySchemeObject> {
  return Object.fromEntries(
    (Object.keys(STATIC_TOKENS) as TokenAccess[]).map((access) => {
      const { variable } = STATIC_TOKENS[access];
      return [
        securitySchemeName(access),
        {
          type: 'http',
          scheme: 'bearer',
          description:
            `\`Authorization: Bearer <${variable}>\`, or a signed token (JWT) whose roles include ` +
            `${ROLE_FOR_LEVEL[access]}; needed only when the service is configured with ` +
            `${variable} or ${WHEN_SIGN_IN_CLOSES[access]} (docs/auth.md).`,
        },
      ];
    }),
  );
}
