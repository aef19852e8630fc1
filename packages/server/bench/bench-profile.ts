/**
 * Where a load run's time goes (rule 7: measure, don't guess): CPU seconds of the app process, of PostgreSQL's
 * processes and of the load driver, from /proc; the statements that took the most database time
 * (pg_stat_statements); and what active backends waited on, sampled every 50 ms (pg_stat_activity).
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

export type LoadProfile = {
  seconds: number;
  cpuSeconds: { app: number; postgres: number; rest: number };
  topStatements: { calls: number; totalMs: number; meanMs: number; planMs: number; sql: string }[];
  waits: { wait: string; share: number }[];
};

/** Runs `load` while profiling; answers the load's result and the profile. */
export async function profileLoad<T>(input: { connectionString: string; appPid: number; load: () => Promise<T> }): Promise<{ result: T; profile: LoadProfile }> {
  const client = new pg.Client({ connectionString: input.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_statements_reset()');
    const before = readCpuTicks(input.appPid);
    const waits = new Map<string, number>();
    let samples = 0;
    let isRunning = true;
    const sampling = (async () => {
      while (isRunning) {
        const { rows } = await client.query<{ wait: string }>(
          "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()",
        );
        for (const row of rows) waits.set(row.wait, (waits.get(row.wait) ?? 0) + 1);
        samples += rows.length;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const startedAt = Date.now();
    const result = await input.load();
    const seconds = (Date.now() - startedAt) / 1000;
    isRunning = false;
    await sampling;
    const after = readCpuTicks(input.appPid);
    // Planning counts too (track_planning): a long statement sent unprepared is planned anew every time.
    const { rows } = await client.query<{ calls: string; total: number; mean: number; plan: number; query: string }>(
      "SELECT calls, total_exec_time + total_plan_time AS total, mean_exec_time + mean_plan_time AS mean, total_plan_time AS plan, query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time + total_plan_time DESC LIMIT 8",
    );
    return {
      result,
      profile: {
        seconds,
        cpuSeconds: {
          app: (after.app - before.app) / TICKS_PER_SECOND,
          postgres: (after.postgres - before.postgres) / TICKS_PER_SECOND,
          rest: (after.total - before.total - (after.app - before.app) - (after.postgres - before.postgres)) / TICKS_PER_SECOND,
        },
        topStatements: rows.map((row) => ({ calls: Number(row.calls), totalMs: Math.round(row.total), meanMs: Math.round(row.mean * 1000) / 1000, planMs: Math.round(row.plan), sql: row.query.replace(/\s+/g, ' ').slice(0, 120) })),
        waits: [...waits].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([wait, count]) => ({ wait, share: Math.round((count / Math.max(1, samples)) * 100) / 100 })),
      },
    };
  } finally {
    await client.end();
  }
}

/** utime + stime of the app, of every process named postgres, and of every process on the machine. */
function readCpuTicks(appPid: number): { app: number; postgres: number; total: number } {
  let postgres = 0;
  let total = 0;
  let app = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ticks = readProcessTicks(entry);
    if (ticks === undefined) continue;
    total += ticks.ticks;
    if (ticks.name === 'postgres') postgres += ticks.ticks;
    if (Number(entry) === appPid) app = ticks.ticks;
  }
  return { app, postgres, total };
}

function readProcessTicks(pid: string): { name: string; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    return { name, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // the process ended meanwhile
  }
}
