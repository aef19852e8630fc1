import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArchitecture } from './check-architecture.ts';

/** A throw-away repository laid out like ours, with the files given. */
function givenRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bro-architecture-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const server = 'packages/server/src';

describe('check-architecture', () => {
  it('passes a tree where modules meet through their index.ts and tests use testing.ts', () => {
    const root = givenRepository({
      [`${server}/modules/a/index.ts`]: "export { run } from './a.service.ts';",
      [`${server}/modules/a/a.service.ts`]: 'export const run = 1;',
      [`${server}/modules/a/testing.ts`]: "export { given } from './a.builders.ts';",
      [`${server}/modules/a/a.builders.ts`]: 'export const given = 1;',
      [`${server}/modules/b/b.service.ts`]: "import { run } from '../a/index.ts'; export const b = run;",
      [`${server}/modules/b/b.test.ts`]: "import { given } from '../a/testing.ts'; void given;",
    });
    expect(checkArchitecture(root)).toEqual([]);
  });

  it("refuses a module reaching into another module's files, and production code using testing.ts", () => {
    const root = givenRepository({
      [`${server}/modules/a/index.ts`]: 'export {};',
      [`${server}/modules/a/a.queries.ts`]: 'export const q = 1;',
      [`${server}/modules/a/testing.ts`]: 'export const given = 1;',
      [`${server}/modules/b/b.service.ts`]: "import { q } from '../a/a.queries.ts'; import { given } from '../a/testing.ts'; export const b = [q, given];",
    });
    const findings = checkArchitecture(root);
    expect(findings.map((finding) => finding.rule)).toEqual(['surface', 'surface']);
    expect(findings[0]?.message).toContain('modules/a/a.queries.ts');
  });

  it('refuses platform code that imports a module or the composition root, and features that import demo data', () => {
    const root = givenRepository({
      [`${server}/modules/a/index.ts`]: 'export const jobs = [];',
      [`${server}/platform/job-queue.ts`]: "import { jobs } from '../modules/a/index.ts'; import type { X } from '../app.ts'; export const all = jobs;",
      [`${server}/app.ts`]: 'export type X = 1;',
      [`${server}/demo/towns.ts`]: 'export const towns = [];',
      [`${server}/modules/a/a.service.ts`]: "import { towns } from '../../demo/towns.ts'; export const t = towns;",
    });
    expect(checkArchitecture(root).map((finding) => finding.rule).sort()).toEqual(['demo', 'platform', 'platform']);
  });

  it('finds import cycles made only of type imports', () => {
    const root = givenRepository({
      [`${server}/app.ts`]: "import { registerA } from './modules/a/index.ts'; export type AppDeps = { db: 1 }; export const app = registerA;",
      [`${server}/modules/a/index.ts`]: "export { registerA } from './a.routes.ts';",
      [`${server}/modules/a/a.routes.ts`]: "import type { AppDeps } from '../../app.ts'; export const registerA = (deps: AppDeps) => deps;",
    });
    const findings = checkArchitecture(root);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.rule).toBe('cycle');
    expect(findings[0]?.message).toContain(`${server}/modules/a/a.routes.ts`);
  });
});
