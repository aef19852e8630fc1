import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expandMatrix, listOperations, toCsv } from '../test/authorization/authorization-matrix.ts';
import { authorizationPolicy } from '../test/authorization/authorization-policy.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

/**
 * `npm run authz:matrix`: expands the reviewed policy (test/authorization/authorization-policy.ts) over every
 * operation of the OpenAPI document into test/authorization/authorization-matrix.csv, the table the matrix test
 * runs against the real app. Fails, naming it, on an operation the policy has no decision for.
 */
const MATRIX_FILE = fileURLToPath(new URL('../test/authorization/authorization-matrix.csv', import.meta.url));

async function writeAuthorizationMatrix(): Promise<void> {
  const cases = expandMatrix(listOperations(await buildOpenApiDocument()), authorizationPolicy);
  writeFileSync(MATRIX_FILE, toCsv(cases));
  process.stdout.write(`authorization matrix: ${cases.length} cases written to ${MATRIX_FILE}\n`);
}

writeAuthorizationMatrix().catch((error: unknown) => {
  console.error('Could not write the authorization matrix:', error instanceof Error ? error.message : error);
  process.exit(1);
});
