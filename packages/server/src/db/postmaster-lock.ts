import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StartupError } from '../startup-error.ts';

/**
 * Start after a crash (issue 12 §5). PostgreSQL writes `postmaster.pid` into its data folder while it runs. When the
 * app is killed (`kill -9`, an OOM kill, a power-cut of the container's main process), the embedded PostgreSQL it
 * started lives on as an orphan and keeps that file; the next start then cannot start PostgreSQL on the folder.
 * Before starting, the app reads the file and decides, from the process it names, what to do:
 *   - no file, or its PID is gone: nothing (PostgreSQL itself takes over a stale lock file);
 *   - the PID now belongs to some other program: the file is stale, and removed (PostgreSQL would refuse it);
 *   - PostgreSQL on this very folder whose parent is still a Node process: another Bro (or `npm run bro`) uses the
 *     folder: refuse, and say which process;
 *   - PostgreSQL on this very folder without its Bro: an orphan: stop it (fast shutdown), then start as usual.
 * Only a process that is provably PostgreSQL on this folder (its command line has the postgres binary and
 * `-D <folder>`) is ever signalled.
 */

/** What postmaster.pid says: line 1 the postmaster's PID, line 2 its data folder. */
export type PostmasterLock = { pid: number; dataDir: string };

/** What the operating system says about a process: gone (or a zombie), or running with a command line and a parent. */
export type ProcessFacts =
  | { isAlive: false }
  | { isAlive: true; argv: string[] | undefined; parent: { pid: number; program: string | undefined } | undefined };

export type LockVerdict =
  | { kind: 'none' }
  | { kind: 'stale'; pid: number }
  | { kind: 'foreign'; pid: number }
  | { kind: 'unverifiable'; pid: number }
  | { kind: 'orphan'; pid: number }
  | { kind: 'in_use'; pid: number; ownerPid: number };

export function parsePostmasterLock(text: string): PostmasterLock | undefined {
  const [pidLine, dataDirLine] = text.split('\n');
  const pid = Number(pidLine?.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDir: dataDirLine?.trim() ?? '' };
}

/** Decides what to do about a lock file, from what the OS says about the process it names. Pure. */
export function judgePostmasterLock(lock: PostmasterLock | undefined, facts: ProcessFacts, databaseDir: string): LockVerdict {
  if (!lock) return { kind: 'none' };
  if (!facts.isAlive) return { kind: 'stale', pid: lock.pid };
  if (!facts.argv) return { kind: 'unverifiable', pid: lock.pid };
  if (!isPostgresOn(facts.argv, databaseDir)) return { kind: 'foreign', pid: lock.pid };
  const parent = facts.parent;
  if (parent && parent.pid > 1 && parent.program && isNode(parent.program)) return { kind: 'in_use', pid: lock.pid, ownerPid: parent.pid };
  return { kind: 'orphan', pid: lock.pid };
}

/** The postgres binary, started with `-D` on exactly this folder. */
export function isPostgresOn(argv: string[], databaseDir: string): boolean {
  const [program] = argv;
  if (!program || basename(program) !== 'postgres') return false;
  const folderIndex = argv.indexOf('-D') + 1;
  const folder = folderIndex > 0 ? argv[folderIndex] : undefined;
  return folder !== undefined && resolve(folder) === resolve(databaseDir);
}

function isNode(program: string): boolean {
  const name = basename(program);
  return name === 'node' || name === basename(process.execPath);
}

/** Linux: /proc/<pid>/stat (state, parent) and /proc/<pid>/cmdline. Elsewhere only whether the PID exists. */
export function readProcessFacts(pid: number): ProcessFacts {
  if (!existsSync('/proc/self/stat')) return isSignallable(pid) ? { isAlive: true, argv: undefined, parent: undefined } : { isAlive: false };
  const stat = readProcFile(pid, 'stat');
  // The fields after the command name (which may itself hold spaces and parentheses): state, then parent PID.
  const [state, parentPid] = stat?.slice(stat.lastIndexOf(')') + 2).split(' ') ?? [];
  // A zombie has exited; it only waits for its parent to reap it.
  if (stat === undefined || state === 'Z' || state === 'X') return { isAlive: false };
  const ppid = Number(parentPid);
  return { isAlive: true, argv: readArgv(pid), parent: ppid > 0 ? { pid: ppid, program: readProgram(ppid) } : undefined };
}

/** The executable itself (a process may rewrite its command line: Node's process.title does), else argv[0]. */
function readProgram(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return readArgv(pid)?.[0];
  }
}

function readArgv(pid: number): string[] | undefined {
  const cmdline = readProcFile(pid, 'cmdline');
  // Readable but empty (a kernel thread): a program, just not PostgreSQL.
  return cmdline === undefined ? undefined : cmdline.split('\0').filter((part) => part !== '');
}

function readProcFile(pid: number, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return undefined;
  }
}

function isSignallable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Options = { warn: (message: string) => void; shutdownTimeoutMs?: number };

/**
 * Clears the way for starting PostgreSQL on `databaseDir` after a crash, as described above; throws a StartupError
 * that names the process and the way out when it must not (another Bro) or cannot (unverifiable, will not stop).
 */
export async function clearPostmasterLock(databaseDir: string, options: Options): Promise<void> {
  const lockPath = resolve(databaseDir, 'postmaster.pid');
  const lock = existsSync(lockPath) ? parsePostmasterLock(readFileSync(lockPath, 'utf8')) : undefined;
  const verdict = judgePostmasterLock(lock, lock ? readProcessFacts(lock.pid) : { isAlive: false }, databaseDir);
  switch (verdict.kind) {
    case 'none':
    case 'stale':
      return;
    case 'foreign':
      options.warn(`removed a stale ${lockPath}: its process ${verdict.pid} is no longer PostgreSQL on this folder`);
      rmSync(lockPath, { force: true });
      return;
    case 'orphan':
      options.warn(`an orphaned PostgreSQL (process ${verdict.pid}) from an earlier run that ended without stopping it still used ${databaseDir}: stopping it`);
      await stopOrphan(verdict.pid, databaseDir, options.shutdownTimeoutMs ?? 30_000);
      return;
    case 'in_use':
      throw new StartupError(
        `the data folder ${databaseDir} is in use by a PostgreSQL (process ${verdict.pid}) that another Bro process (${verdict.ownerPid}) started`,
        'Stop that Bro first (or run this one with another DATA_DIR)',
      );
    case 'unverifiable':
      throw new StartupError(
        `${lockPath} names process ${verdict.pid}, and this system does not let Bro check whether that is a leftover PostgreSQL`,
        `If process ${verdict.pid} is a PostgreSQL on this folder that no Bro uses any more, stop it (kill -INT ${verdict.pid}) and start again`,
      );
  }
}

/** Fast shutdown (SIGINT: open transactions roll back, clients are cut), then immediate shutdown if it hangs. */
async function stopOrphan(pid: number, databaseDir: string, timeoutMs: number): Promise<void> {
  for (const [signal, waitMs] of [['SIGINT', timeoutMs], ['SIGQUIT', 10_000]] as const) {
    // Checked again right before each signal: the PID must still be PostgreSQL on this folder.
    const facts = readProcessFacts(pid);
    if (!facts.isAlive) return;
    if (facts.argv && !isPostgresOn(facts.argv, databaseDir)) return;
    process.kill(pid, signal);
    if (await waitUntilGone(pid, waitMs)) return;
  }
  throw new StartupError(
    `the orphaned PostgreSQL (process ${pid}) on ${databaseDir} did not stop when asked`,
    `Stop it by hand (kill -QUIT ${pid}, or kill -KILL ${pid} as the last resort) and start again`,
  );
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!readProcessFacts(pid).isAlive) return true;
    await sleep(100);
  }
  return false;
}
