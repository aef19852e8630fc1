import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildOpenApiDocument } from './openapi-document.ts';

/**
 * `node packages/server/src/tools/write-openapi.ts <file>`: writes the API's OpenAPI document, as /api/openapi.json
 * serves it, without a database, so `npm run lint` can lint it anywhere (see openapi-document.ts).
 */

async function writeOpenApiDocument(file: string): Promise<void> {
  const document = await buildOpenApiDocument();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

const target = process.argv[2];
if (!target) {
  console.error('usage: node packages/server/src/tools/write-openapi.ts <output file>');
  process.exit(2);
}
writeOpenApiDocument(resolve(target)).catch((error: unknown) => {
  console.error('Could not write the OpenAPI document:', error instanceof Error ? error.message : error);
  process.exit(1);
});
