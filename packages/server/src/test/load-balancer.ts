import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createProxyServer } from 'http-proxy-3';
import { findFreePort } from '../db/embedded-postgres.ts';

/**
 * A load balancer in front of app processes, for the two-node test: round robin, X-Forwarded-For added, server-sent
 * events streamed through. With BRO_HAPROXY (the path of Debian's haproxy, as .ci/run sets it) it is HAProxy with
 * the settings of deploy/haproxy/haproxy.cfg; otherwise a small proxy from the npm registry (http-proxy-3), since
 * `npm test` may assume nothing but Node.
 *
 * `sourceAddress`: the balancer connects to the nodes from this loopback address, so the nodes can tell it from a
 * client (which comes from 127.0.0.1) and trust only it (TRUST_PROXY).
 */
export type LoadBalancer = { url: string; kind: 'haproxy' | 'http-proxy-3'; close: () => Promise<void> };

export async function startLoadBalancer(input: { targets: readonly string[]; sourceAddress: string }): Promise<LoadBalancer> {
  const haproxy = process.env.BRO_HAPROXY;
  return haproxy ? startHaproxy(haproxy, input) : startNodeProxy(input);
}

async function startNodeProxy({ targets, sourceAddress }: { targets: readonly string[]; sourceAddress: string }): Promise<LoadBalancer> {
  const proxy = createProxyServer({ xfwd: true, localAddress: sourceAddress });
  let turn = 0;
  const server: Server = createServer((request, response) => {
    const target = targets[turn++ % targets.length] ?? '';
    proxy.web(request, response, { target }, () => {
      if (!response.headersSent) response.writeHead(502).end();
    });
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'http-proxy-3',
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      proxy.close();
    },
  };
}

async function startHaproxy(executable: string, { targets, sourceAddress }: { targets: readonly string[]; sourceAddress: string }): Promise<LoadBalancer> {
  const port = await findFreePort();
  const folder = mkdtempSync(join(tmpdir(), 'bro-haproxy-'));
  const configPath = join(folder, 'haproxy.cfg');
  const servers = targets.map((target, index) => `  server node${index + 1} ${new URL(target).host} check source ${sourceAddress}`);
  writeFileSync(
    configPath,
    [
      'global',
      '  log stderr format raw local0 warning',
      'defaults',
      '  mode http',
      '  log global',
      '  timeout connect 5s',
      '  timeout client 60s',
      '  timeout server 60s',
      'frontend bro',
      `  bind 127.0.0.1:${port}`,
      '  option forwardfor',
      '  default_backend nodes',
      'backend nodes',
      '  balance roundrobin',
      '  option httpchk GET /api/ready',
      '  http-check expect status 200',
      '  default-server inter 1s fall 2 rise 1',
      ...servers,
      '',
    ].join('\n'),
  );
  const child = spawn(executable, ['-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  // The nodes are ready before HAProxy starts, and HAProxy (2.6) counts a checked server as up from the start.
  const deadline = Date.now() + 20_000;
  while (!(await answersReady(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`HAProxy did not come up:\n${output}`);
    }
    await sleep(200);
  }
  return {
    url,
    kind: 'haproxy',
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function answersReady(url: string): Promise<boolean> {
  return fetch(`${url}/api/ready`).then(
    (response) => response.ok,
    () => false,
  );
}
