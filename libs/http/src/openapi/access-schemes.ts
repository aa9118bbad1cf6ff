import type { SecuritySchemeObject } from '@nestjs/swagger';
import type { Access } from '../auth';

export type TokenAccess = Exclude<Access, 'open'>;

const TOKEN_VARIABLES: Record<TokenAccess, string> = {
  ingest: 'INGEST_TOKEN',
  admin: 'ADMIN_TOKEN',
  read: 'READ_TOKEN',
};

/** The name of the security scheme of an access level in the documents. */
export const securitySchemeName = (access: TokenAccess) => `${access}Token`;

/** The security schemes, by name, of every access level that needs a token. */
export function accessSecuritySchemes(): Record<string, SecuritySchemeObject> {
  return Object.fromEntries(
    Object.entries(TOKEN_VARIABLES).map(([access, variable]) => [
      securitySchemeName(access as TokenAccess),
      {
        type: 'http',
        scheme: 'bearer',
        description: `\`Authorization: Bearer <${variable}>\`, needed only when the service is configured with ${variable}.`,
      },
    ]),
  );
}
