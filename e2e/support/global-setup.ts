import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './browser.ts';

/** The environment variable through which the tests (and the config's `use.baseURL`) learn where Bro runs. */
export const BASE_URL_VARIABLE = 'BRO_E2E_BASE_URL';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const startTimeoutMs = 90_000;
const stopTimeoutMs = 20_000;

/**
 * Starts the real app once for the whole run (`startBro`). The built web app (`npm run build`) is served by the
 * server from packages/web/dist. Returns the teardown. Only session-keepalive.spec.ts starts a second app, with a
 * short idle timeout.
 *
 * Set BRO_E2E_BASE_URL yourself to run the specs against a server you started (nothing is started or stopped).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const chromium = await findChromium();
  // The workers load playwright.config.ts again and launch what this names.
  process.env.CHROMIUM_PATH = chromium.executablePath;
  process.stdout.write(`[e2e] browser: ${chromium.source} (${chromium.executablePath})\n`);
  if (process.env[BASE_URL_VARIABLE]) return async () => {};

  if (!existsSync(join(repoRoot, 'packages/web/dist/index.html'))) {
    console.warn('[e2e] packages/web/dist/index.html is missing: run `npm run build` first (npm run test:e2e does).');
  }

  const bro = await startBro();
  process.env[BASE_URL_VARIABLE] = bro.baseUrl;
  return bro.stop;
}

/**
 * One running Bro: `node packages/server/src/main.ts` with the embedded PostgreSQL in a fresh temporary DATA_DIR,
 * the demo data loaded, on a free loopback port. `env` adds settings (a spec that needs a short idle timeout
 * starts an app of its own with it, so the shared app keeps the real one). `stop`: SIGTERM, wait, delete.
 */
export async function startBro(env: Record<string, string> = {}): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bro-e2e-'));
  // As root the embedded PostgreSQL runs as the OS user `postgres`, which must be able to walk into this folder.
  chmodSync(dataDir, 0o711);
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;

  // The embedded database is the point here: an inherited DATABASE_URL must not send the app elsewhere.
  const { DATABASE_URL: _ignoredUrl, ENCRYPTION_KEY: _ignoredKey, ...inherited } = process.env;
  const server = spawn(process.execPath, ['packages/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: baseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // Every journey signs people in from 127.0.0.1: the per-address sign-in limit (tested in the integration
      // tests) would otherwise cut the suite off after ten sign-ins a minute.
      LOGIN_RATE_LIMIT_PER_MINUTE: '300',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // LOG_LEVEL=warn keeps this quiet: whatever the server does say matters when a journey fails.
  const forward = (chunk: Buffer) => process.stderr.write(`[app] ${chunk.toString()}`);
  server.stdout?.on('data', forward);
  server.stderr?.on('data', forward);

  const teardown = async () => {
    await stopServer(server);
    await stopOrphanedPostgres(join(dataDir, 'postgres'));
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    await teardown();
    throw error;
  }

  return { baseUrl, stop: teardown };
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Bro exited with code ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Bro did not answer GET /api/health with 200 within ${startTimeoutMs / 1000} s`);
}

/** SIGTERM lets the server close HTTP, the job worker and the embedded PostgreSQL cleanly; SIGKILL is the fallback. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), stopTimeoutMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    console.warn('[e2e] Bro did not stop within 20 s of SIGTERM: killing it');
    server.kill('SIGKILL');
    await exited;
  } else if (server.exitCode !== 0) {
    // A clean stop exits 0: anything else means the shutdown itself has a bug worth a look.
    console.warn(`[e2e] Bro exited with ${server.exitCode ?? server.signalCode} on SIGTERM instead of 0`);
  }
}

/**
 * If the server died before its embedded PostgreSQL had stopped, that postmaster (started by this run, for this
 * folder only) is told to stop by its pid, so the folder can be deleted and nothing is left running.
 */
async function stopOrphanedPostgres(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  for (let waited = 0; waited < 10_000 && existsSync(pidFile); waited += 250) {
    if (waited === 5_000) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0) {
        console.warn(`[e2e] the embedded PostgreSQL (pid ${pid}) outlived Bro: stopping it`);
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone between the check and the signal: that is what we wanted.
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
