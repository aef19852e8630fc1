// The architecture rules of STYLE.md that ESLint cannot see, checked over every import (type-only ones included):
//   1. A server module is reached only through its surface: `modules/<name>/index.ts`, or `modules/<name>/testing.ts`
//      from test code.
//   2. `platform/` and `db/` are cross-cutting: they never import a module, the demo data or the composition root.
//   3. Production code never imports the demo data (only main.ts, tools and tests may).
//   4. No import cycles anywhere, counting `import type` (ESLint's import-x/no-cycle skips those).
// Run by `npm run lint`; exits 1 and names each violation. `--json` prints the findings for tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type Finding = { rule: 'surface' | 'platform' | 'demo' | 'cycle'; message: string };

const SOURCE_ROOTS = ['packages/domain/src', 'packages/server/src', 'packages/server/bench', 'packages/web/src', 'e2e'];
const SERVER = 'packages/server/src';

/** Every relative import of a file, resolved to a repository path (package imports are other packages' business). */
function importsOf(repoRoot: string, file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const resolved: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolveSpecifier(repoRoot, file, fileName);
    if (target) resolved.push(target);
  }
  return resolved;
}

function resolveSpecifier(repoRoot: string, importer: string, specifier: string): string | undefined {
  const base = resolve(repoRoot, dirname(importer), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return found ? relative(repoRoot, found) : undefined;
}

function listSourceFiles(repoRoot: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(join(repoRoot, dir))) return;
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const root of SOURCE_ROOTS) walk(root);
  return files.sort();
}

const moduleOf = (file: string) => /^packages\/server\/src\/modules\/([^/]+)\//.exec(file)?.[1];
const isTestCode = (file: string) =>
  /\.(test|spec)\.tsx?$/.test(file) || /\.test-support\.ts$|\.builders\.ts$|\/testing\.ts$/.test(file) || file.startsWith(`${SERVER}/test/`) || file.startsWith('e2e/');
const isUnder = (file: string, folder: string) => file.startsWith(`${SERVER}/${folder}/`);

function checkImport(importer: string, target: string): Finding | undefined {
  const targetModule = moduleOf(target);
  if (targetModule && moduleOf(importer) !== targetModule) {
    const surface = `${SERVER}/modules/${targetModule}/index.ts`;
    const testSurface = `${SERVER}/modules/${targetModule}/testing.ts`;
    if (target !== surface && !(target === testSurface && isTestCode(importer))) {
      const allowed = isTestCode(importer) ? 'index.ts or testing.ts' : 'index.ts';
      return { rule: 'surface', message: `${importer} imports ${target}: reach module "${targetModule}" through its ${allowed}` };
    }
  }
  if ((isUnder(importer, 'platform') || isUnder(importer, 'db')) && !isTestCode(importer)) {
    if (targetModule || isUnder(target, 'demo') || target === `${SERVER}/app.ts` || target === `${SERVER}/main.ts`) {
      return { rule: 'platform', message: `${importer} imports ${target}: platform/ and db/ never depend on features or the composition root` };
    }
  }
  if (isUnder(target, 'demo') && !isUnder(importer, 'demo') && !isTestCode(importer) && !isUnder(importer, 'tools') && importer !== `${SERVER}/main.ts`) {
    return { rule: 'demo', message: `${importer} imports ${target}: production code must not depend on the demo data` };
  }
  return undefined;
}

/** Tarjan's strongly connected components: every component with more than one file (or a self-import) is a cycle. */
function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) lowLinks.set(node, Math.min(lowLinks.get(node)!, indices.get(next)!));
    }
    if (lowLinks.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

export function checkArchitecture(repoRoot: string): Finding[] {
  const graph = new Map<string, string[]>();
  const findings: Finding[] = [];
  for (const file of listSourceFiles(repoRoot)) {
    const targets = importsOf(repoRoot, file);
    graph.set(file, targets);
    for (const target of targets) {
      const finding = checkImport(file, target);
      if (finding) findings.push(finding);
    }
  }
  for (const cycle of findCycles(graph)) findings.push({ rule: 'cycle', message: `import cycle (type imports count): ${cycle.join(' → ')}` });
  return findings;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const findings = checkArchitecture(repoRoot);
  if (process.argv.includes('--json')) console.warn(JSON.stringify(findings, null, 2));
  else for (const finding of findings) console.error(`✗ [${finding.rule}] ${finding.message}`);
  if (findings.length > 0) {
    console.error(`\ncheck-architecture: ${findings.length} violation(s). See ARCHITECTURE.md, "Modules and their surfaces".`);
    process.exit(1);
  }
  console.warn('check-architecture: module surfaces, platform independence, demo isolation and cycles (type imports included): ok');
}
