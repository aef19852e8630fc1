import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createKysely } from '../db/database.ts';
import { migrateToLatest, migrateUpTo } from '../db/migrate.ts';
import type { Db } from '../db/tables.ts';
import { withDatabase } from '../test/global-setup.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { recordAccess, type AccessRecord } from './access-log.ts';
import { createAccessLogPartitions } from './access-log.queries.ts';
import { createFolderCheckpointStore, generateAuditSigningKey, readAuditSigningKey, type CheckpointStore } from './audit-checkpoints.ts';
import { appendAuditEntry, computeAuditHash, GENESIS_HASH, type AuditEntry } from './audit-log.ts';
import { createSealerState, measureSealLatency, readSealLag, sealPendingEntries, startAuditSealer, type AuditSealer } from './audit-sealer.ts';
import { verifyAuditChain, verifyLog } from './audit-verification.ts';

const USER = '5f0c2b9e-8d1a-4c3e-9b7a-1e2d3c4b5a69';
const ORGANISATION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PERSON = '7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';

function auditEntry(index: number): AuditEntry {
  return { occurredAt: new Date(), actorUserId: USER, actorOrganisationId: ORGANISATION, action: 'referral.accept', objectType: 'referral', objectId: `referral-${index}`, details: { attempt: index } };
}

function accessRecord(index: number, occurredAt = new Date()): AccessRecord {
  return { occurredAt, userId: USER, organisationId: ORGANISATION, action: 'read', objectType: 'referral', objectId: `referral-${index}`, personId: PERSON, purpose: 'referral_intake' };
}

/** Repeats `check` (a database read) until it holds, at most `attempts` times: a condition, never a duration, is tested. */
async function eventually(check: () => Promise<boolean>, attempts = 1_000): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the condition never held');
}

const isEverythingSealed = async (db: Db) => (await readSealLag(db)).every((lag) => lag.unsealedEntries === 0);

describe('the sealer', () => {
  let database: TestDatabase;
  let checkpointFolder: string;
  let store: CheckpointStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    checkpointFolder = mkdtempSync(join(tmpdir(), 'bro-checkpoints-'));
    store = createFolderCheckpointStore(checkpointFolder);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(checkpointFolder, { recursive: true, force: true });
  });

  it('two nodes: exactly one seals; appends from both form one chain; when the leader stops, the other takes over', async () => {
    // Two "nodes": each its own pool for requests and its own sealer with its own connection and key.
    const nodes = [0, 1].map(() => ({ db: createKysely(database.connectionString, 5), key: readAuditSigningKey(generateAuditSigningKey()) }));
    const messages: string[] = [];
    const start = (node: (typeof nodes)[number]): AuditSealer =>
      startAuditSealer({
        connectionString: database.connectionString,
        checkpoints: { store, key: node.key },
        log: (_level, message) => messages.push(message),
        roundIntervalMs: 20,
        leadershipRetryMs: 20,
        checkpointIntervalMs: 0,
      });
    const sealers = nodes.map(start);
    const leaders = () => sealers.filter((sealer) => sealer.isLeader());
    const leaderLocks = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::integer AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 727274010 AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        `.execute(database.db)
      ).rows[0]?.n;
    let overlaps = 0;
    try {
      await eventually(async () => leaders().length === 1);
      const appendFrom = async (node: (typeof nodes)[number], offset: number) => {
        for (let index = 0; index < 60; index += 1) {
          await node.db.transaction().execute((trx) => appendAuditEntry(trx, auditEntry(offset + index)));
          await recordAccess(node.db, [accessRecord(offset + index)]);
          if (leaders().length > 1) overlaps += 1;
        }
      };
      await Promise.all([appendFrom(nodes[0]!, 0), appendFrom(nodes[1]!, 1_000)]);
      await eventually(() => isEverythingSealed(database.db));
      expect(overlaps).toBe(0);
      expect(leaders()).toHaveLength(1);
      expect(await leaderLocks()).toBe(1);

      const [first] = leaders();
      const other = sealers.find((sealer) => sealer !== first)!;
      await first!.stop();
      await eventually(async () => other.isLeader());
      await Promise.all([appendFrom(nodes[0]!, 2_000), appendFrom(nodes[1]!, 3_000)]);
      await eventually(() => isEverythingSealed(database.db));
      expect(await leaderLocks()).toBe(1);
    } finally {
      for (const sealer of sealers) await sealer.stop();
      for (const node of nodes) await node.db.destroy();
    }
    expect(messages.filter((message) => message.includes('this node seals'))).toHaveLength(2);

    const checkpoints = await store.list();
    const publicKeys = await store.readPublicKeys();
    // Checkpoints from both nodes' keys, each verified with its own.
    expect(new Set(checkpoints.map((checkpoint) => checkpoint.keyId)).size).toBe(2);
    for (const log of ['audit', 'access'] as const) {
      expect(await verifyLog(database.db, { log, checkpoints, publicKeys })).toMatchObject({ isIntact: true, sealedEntries: 240, unsealedEntries: 0 });
    }
    const audit = await database.db.selectFrom('audit_log_seals').select('entry_id').orderBy('entry_id').execute();
    expect(audit.map((seal) => Number(seal.entry_id))).toEqual([...audit.map((seal) => Number(seal.entry_id))].sort((a, b) => a - b));
  });

  it('when the leader loses its connection, a node takes over (one leader, one lock), and sealing goes on', async () => {
    const sealers = [0, 1].map(() =>
      startAuditSealer({ connectionString: database.connectionString, checkpoints: undefined, log: () => undefined, roundIntervalMs: 20, leadershipRetryMs: 20 }),
    );
    const leaderPid = async () =>
      (
        await sql<{ pid: number }>`
          SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = 727274010 AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        `.execute(database.db)
      ).rows.map((row) => row.pid);
    try {
      await eventually(async () => sealers.filter((sealer) => sealer.isLeader()).length === 1 && (await leaderPid()).length === 1);
      const [lost] = await leaderPid();
      await sql`SELECT pg_terminate_backend(${lost}::integer)`.execute(database.db);
      await eventually(async () => {
        const pids = await leaderPid();
        return pids.length === 1 && pids[0] !== lost && sealers.filter((sealer) => sealer.isLeader()).length === 1;
      });
      await database.db.transaction().execute((trx) => appendAuditEntry(trx, auditEntry(5_000)));
      await eventually(() => isEverythingSealed(database.db));
      expect(await verifyAuditChain(database.db)).toMatchObject({ isIntact: true, unsealedEntries: 0 });
    } finally {
      for (const sealer of sealers) await sealer.stop();
    }
  });

  it('reports the seal lag and the insert-to-seal latency', async () => {
    // The database's clock: inserted_at is its time.
    const since = (await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(database.db)).rows[0]!.now;
    await database.db.transaction().execute((trx) => appendAuditEntry(trx, auditEntry(9_000)));
    expect((await readSealLag(database.db)).find((lag) => lag.log === 'audit')).toMatchObject({ unsealedEntries: 1 });
    const state = createSealerState();
    await eventually(async () => {
      await sealPendingEntries(database.db, { state });
      return isEverythingSealed(database.db);
    });
    expect(await readSealLag(database.db)).toEqual([
      { log: 'audit', unsealedEntries: 0, oldestUnsealedSeconds: 0 },
      { log: 'access', unsealedEntries: 0, oldestUnsealedSeconds: 0 },
    ]);
    const [audit] = await measureSealLatency(database.db, since);
    expect(audit).toMatchObject({ log: 'audit', entries: 1, unsealed: 0 });
    expect(audit!.p99Ms).toBeGreaterThanOrEqual(audit!.p50Ms);
  });
});

describe('the access log', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  const partitionOf = async (objectId: string) =>
    (await sql<{ partition: string }>`SELECT tableoid::regclass::text AS partition FROM access_log WHERE object_id = ${objectId}`.execute(database.db)).rows[0]?.partition;
  const monthName = (date: Date) => `access_log_y${date.getUTCFullYear()}m${String(date.getUTCMonth() + 1).padStart(2, '0')}`;

  it('routes rows to their month, creates months ahead, and keeps rows of no month in the default partition', async () => {
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
    await recordAccess(database.db, [accessRecord(1, now), accessRecord(2, nextMonth), accessRecord(3, new Date('2020-01-15T12:00:00Z'))]);
    expect(await partitionOf('referral-1')).toBe(monthName(now));
    expect(await partitionOf('referral-2')).toBe(monthName(nextMonth));
    expect(await partitionOf('referral-3')).toBe('access_log_default');

    expect(await createAccessLogPartitions(database.db, new Date('2031-05-31T23:30:00Z'), 1)).toBe(2);
    expect(await createAccessLogPartitions(database.db, new Date('2031-05-01T00:00:00Z'), 1)).toBe(0);
    // Month boundaries are UTC: the last millisecond of May and the first of June go to different months.
    await recordAccess(database.db, [accessRecord(4, new Date('2031-05-31T23:59:59.999Z')), accessRecord(5, new Date('2031-06-01T00:00:00.000Z'))]);
    expect(await partitionOf('referral-4')).toBe('access_log_y2031m05');
    expect(await partitionOf('referral-5')).toBe('access_log_y2031m06');

    const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'access_log_y2031m05' ORDER BY indexname`.execute(database.db);
    expect(indexes.rows.map((row) => row.indexname)).toEqual(['access_log_y2031m05_person_id_occurred_at_idx', 'access_log_y2031m05_pkey']);
  });

  it('is sealed like the audit log: a changed row is found', async () => {
    await recordAccess(database.db, [accessRecord(10), accessRecord(11), accessRecord(12)]);
    const state = createSealerState();
    await eventually(async () => {
      await sealPendingEntries(database.db, { state });
      return isEverythingSealed(database.db);
    });
    const verify = () => verifyLog(database.db, { log: 'access', checkpoints: [], publicKeys: new Map() });
    expect(await verify()).toMatchObject({ isIntact: true, unsealedEntries: 0 });
    const row = await database.db.selectFrom('access_log').select('id').where('object_id', '=', 'referral-11').executeTakeFirstOrThrow();
    await expect(sql`UPDATE access_log SET purpose = 'course_work' WHERE id = ${row.id}`.execute(database.db)).rejects.toThrow('append-only');
    await expect(sql`DELETE FROM access_log WHERE id = ${row.id}`.execute(database.db)).rejects.toThrow('append-only');
    await sql`ALTER TABLE access_log DISABLE TRIGGER USER`.execute(database.db);
    try {
      await sql`UPDATE access_log SET purpose = 'course_work' WHERE id = ${row.id}`.execute(database.db);
    } finally {
      await sql`ALTER TABLE access_log ENABLE TRIGGER USER`.execute(database.db);
    }
    expect(await verify()).toMatchObject({ isIntact: false, firstBrokenId: row.id });
  });
});

describe('the migration to sealed logs', () => {
  it('carries the hash-chained audit log over as the first stretch of the sealed chain, and moves the access log with its ids', async () => {
    const { adminUrl, databasePrefix } = inject('testDatabase');
    const name = `${databasePrefix}legacy_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const db = createKysely(withDatabase(adminUrl, name), 2);
    try {
      await migrateUpTo(db, '2026-12-08T1110-add-sign-in-throttling-and-unlock-links');
      // Three entries chained the old way: previous_hash/hash on the row, appended under the lock.
      let previousHash = GENESIS_HASH;
      const legacy = [1, 2, 3].map((index) => ({ ...auditEntry(index), occurredAt: new Date(Date.UTC(2026, 10, index)) }));
      for (const entry of legacy) {
        const hash = computeAuditHash(previousHash, { ...entry, details: entry.details ?? {} });
        await sql`
          INSERT INTO audit_log (occurred_at, actor_user_id, actor_organisation_id, action, object_type, object_id, details, previous_hash, hash)
          VALUES (${entry.occurredAt}, ${entry.actorUserId}, ${entry.actorOrganisationId}, ${entry.action}, ${entry.objectType}, ${entry.objectId}, ${JSON.stringify(entry.details)}, ${previousHash}, ${hash})
        `.execute(db);
        previousHash = hash;
      }
      await sql`
        INSERT INTO access_log (occurred_at, user_id, organisation_id, action, object_type, object_id, person_id, purpose)
        VALUES (now(), ${USER}, ${ORGANISATION}, 'read', 'referral', 'referral-1', ${PERSON}, 'referral_intake'),
               (now(), ${USER}, ${ORGANISATION}, 'list', 'referral', 'referral-2', ${PERSON}, 'referral_intake')
      `.execute(db);

      await migrateToLatest(db);
      const seals = await db.selectFrom('audit_log_seals').select(['entry_id', 'hash']).orderBy('entry_id').execute();
      expect(seals.map((seal) => seal.entry_id)).toEqual(['1', '2', '3']);
      expect(seals[2]?.hash).toBe(previousHash);
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: true, sealedEntries: 3 });

      // New entries chain on from the old head; the moved access rows keep their ids and new ones follow them.
      await db.transaction().execute((trx) => appendAuditEntry(trx, auditEntry(4)));
      await recordAccess(db, [accessRecord(3)]);
      const state = createSealerState();
      await eventually(async () => {
        await sealPendingEntries(db, { state });
        return isEverythingSealed(db);
      });
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: true, sealedEntries: 4 });
      const access = await db.selectFrom('access_log').select(['id', 'object_id']).orderBy('id').execute();
      expect(access).toEqual([
        { id: '1', object_id: 'referral-1' },
        { id: '2', object_id: 'referral-2' },
        { id: '3', object_id: 'referral-3' },
      ]);
      expect(await verifyLog(db, { log: 'access', checkpoints: [], publicKeys: new Map() })).toMatchObject({ isIntact: true, sealedEntries: 3 });
    } finally {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
