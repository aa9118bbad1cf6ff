// npm run client:generate: writes libs/client/src/generated/ from the OpenAPI documents of
// both services. With --check (npm run typecheck) it writes nothing and fails when the
// committed types differ from what the services document now.
import { readFile, writeFile } from 'node:fs/promises';
import { apiDocumentOf } from './api-documents';
import { clientTypesFile, fromRoot, renderClientTypes, SERVICES } from './client-types';

async function main(check: boolean): Promise<void> {
  const stale: string[] = [];
  for (const service of SERVICES) {
    const file = clientTypesFile(service);
    const types = await renderClientTypes(await apiDocumentOf(service));
    const committed = await readFile(file, 'utf8').catch(() => undefined);
    if (committed === types) continue;
    if (check) {
      stale.push(fromRoot(file));
      continue;
    }
    await writeFile(file, types);
    console.log(`client:generate: wrote ${fromRoot(file)}`);
  }
  if (stale.length > 0) {
    console.error(
      `client: out of date with the OpenAPI documents of the services: ${stale.join(', ')}.\n` +
        'Run "npm run client:generate", then "npm run typecheck" shows the code that no longer fits.',
    );
    process.exitCode = 1;
  }
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
