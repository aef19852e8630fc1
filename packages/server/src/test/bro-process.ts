import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../db/embedded-postgres.ts';
import { isPostgresOn } from '../db/postmaster-lock.ts';

/**
 * The real app as `npm start` runs it (`node packages/server/src/main.ts`), in a child process of the test, for the
 * crash tests: they kill it with SIGKILL, or kill its PostgreSQL, and start it again on the same data folder.
 * A test kills only processes it started here (and their own PostgreSQL); `stopAll` ends whatever is left.
 */
export type BroProcess = {
  pid: number;
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves when the process has exited, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
};

const mainPath = fileURLToPath(new URL('../main.ts', import.meta.url));
const started = new Set<ChildProcess>();

/** A fresh data folder, traversable by the `postgres` user (the embedded server runs as that user under root). */
export function createDataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'bro-crash-test-'));
  chmodSync(folder, 0o711);
  return folder;
}

export function removeDataFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** Starts the app on `dataDir` and a free port; `env` adds to (or overrides) a minimal environment. */
export async function startBro(dataDir: string, env: Record<string, string> = {}): Promise<BroProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [mainPath], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    });
  });
  return { pid: child.pid ?? 0, url: `http://127.0.0.1:${port}`, output: () => output, exited, kill: (signal) => child.kill(signal) };
}

/** Waits until GET /api/health answers 200; fails at once, with the app's output, if the app exits instead. */
export async function waitForHealth(bro: BroProcess, timeoutMs = 60_000): Promise<void> {
  let hasExited = false;
  void bro.exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`the app exited before it was healthy:\n${bro.output()}`);
    const status = await fetch(`${bro.url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`the app was not healthy within ${timeoutMs} ms:\n${bro.output()}`);
}

/** A clean stop (SIGTERM, as a service manager sends it); answers the exit code. */
export async function stopBro(bro: BroProcess): Promise<number | null> {
  bro.kill('SIGTERM');
  const { code } = await bro.exited;
  return code;
}

/** Ends every app process the tests started and that still runs (afterAll, after a failed test). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...started].map(async (child) => {
      const exit = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exit;
    }),
  );
}

/** The PID in the data folder's postmaster.pid, i.e. of the embedded PostgreSQL the app started there. */
export function postmasterPidOf(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Every live PostgreSQL server process started on this data folder (from /proc: the postmaster has `-D <folder>`). */
export function postgresProcessesOn(dataDir: string): number[] {
  const databaseDir = join(dataDir, 'postgres');
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        if (/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3))) return false;
        const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter((part) => part !== '');
        return isPostgresOn(argv, databaseDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until no PostgreSQL runs on the folder any more (its shutdown takes a moment after the app exits). */
export async function waitForNoPostgresOn(dataDir: string, timeoutMs = 15_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = postgresProcessesOn(dataDir);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(100);
    left = postgresProcessesOn(dataDir);
  }
  return left;
}

/** After a failed test: stops a PostgreSQL that an app of this test left running on its own data folder. */
export async function stopPostgresOn(dataDir: string): Promise<void> {
  for (const pid of postgresProcessesOn(dataDir)) process.kill(pid, 'SIGQUIT');
  await waitForNoPostgresOn(dataDir);
}
