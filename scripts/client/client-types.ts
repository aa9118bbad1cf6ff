import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import type { Options } from 'prettier';
import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';
import { format } from 'prettier/standalone';

export type ServiceName = 'ingest' | 'projector';

export const SERVICES: readonly ServiceName[] = ['ingest', 'projector'];

const ROOT = join(__dirname, '..', '..');

/** Where the types generated from a service's OpenAPI document are committed. */
export function clientTypesFile(service: ServiceName): string {
  return join(ROOT, 'libs', 'client', 'src', 'generated', `${service}.ts`);
}

/** The path of `file` from the repository's root, for messages. */
export const fromRoot = (file: string) => relative(ROOT, file);

/**
 * The TypeScript types of an OpenAPI document, as openapi-typescript writes them, formatted as
 * `npm run format` formats the repository: what `npm run client:generate` commits. Prettier's
 * standalone build takes no dynamic imports, so Jest can run this too.
 */
export async function renderClientTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { silent: true });
  const options = JSON.parse(readFileSync(join(ROOT, '.prettierrc'), 'utf8')) as Options;
  return format(COMMENT_HEADER + astToString(ast), {
    ...options,
    parser: 'typescript',
    plugins: [estree, typescript],
  });
}
