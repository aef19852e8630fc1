import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashWebBuildInputs, isWebBuildCurrent } from './build-web-if-changed.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function givenRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bro-web-build-'));
  roots.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const sources = {
  'packages/web/src/main.tsx': 'render()',
  'packages/web/index.html': '<div id="root"></div>',
  'packages/domain/src/index.ts': 'export {}',
  'package-lock.json': '{}',
  'packages/server/src/main.ts': 'start()',
};

describe('build-web-if-changed', () => {
  it('calls a bundle current only when its stamp matches the sources it was built from', () => {
    const root = givenRepository(sources);
    expect(isWebBuildCurrent(root)).toBe(false);
    write(root, { 'packages/web/dist/index.html': 'built', 'packages/web/dist/.build-stamp': `${hashWebBuildInputs(root)}\n` });
    expect(isWebBuildCurrent(root)).toBe(true);
  });

  it('rebuilds after a change to the web sources, the domain package or the lockfile, but not to the server', () => {
    const root = givenRepository(sources);
    const stamp = () => write(root, { 'packages/web/dist/index.html': 'built', 'packages/web/dist/.build-stamp': hashWebBuildInputs(root) });
    stamp();
    write(root, { 'packages/server/src/main.ts': 'start(faster)' });
    expect(isWebBuildCurrent(root)).toBe(true);
    const changes: [string, string][] = [
      ['packages/web/src/main.tsx', 'render(again)'],
      ['packages/web/src/ui/New.tsx', 'new file'],
      ['packages/domain/src/index.ts', 'export const x = 1'],
      ['package-lock.json', '{"v":2}'],
    ];
    for (const [path, text] of changes) {
      write(root, { [path]: text });
      expect(isWebBuildCurrent(root)).toBe(false);
      stamp();
    }
  });
});
