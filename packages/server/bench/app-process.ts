/**
 * The app as a separate process: spawned, waited for until `GET /api/health` answers 200, its resident memory
 * sampled from /proc, and stopped with SIGTERM (then SIGKILL if it lingers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findFreePort } from '../src/db/embedded-postgres.ts';

export type AppProcess = { url: string; pid: number; startToHealthyMs: number; stop: () => Promise<void> };

/** Spawns `node <script>` with the environment (a variable set to '' is removed) and a free port; answers once /api/health says 200. */
export async function startAppProcess(input: { script: string; env: Record<string, string>; timeoutMs?: number }): Promise<AppProcess> {
  const port = await findFreePort();
  const startedAt = performance.now();
  const env = Object.fromEntries(Object.entries({ ...process.env, ...input.env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' }).filter(([, value]) => value !== ''));
  const child = spawn(process.execPath, [input.script], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  while (!(await isHealthy(url))) {
    if (hasExited) throw new Error(`${input.script} exited before it was healthy`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${input.script} was not healthy within ${input.timeoutMs ?? 60_000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startToHealthyMs = performance.now() - startedAt;
  return { url, pid: child.pid ?? 0, startToHealthyMs, stop: () => stopProcess(child, exited) };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in MB (VmRSS), or 0 when it is gone. */
export function readResidentMegabytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's resident memory every 200 ms until stopped; answers the peak in MB. */
export function sampleResidentMemory(pid: number): { stop: () => number } {
  let peak = readResidentMegabytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, readResidentMegabytes(pid));
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, readResidentMegabytes(pid));
    },
  };
}
