import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/tables.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { appendAuditEntry, computeAuditHash, GENESIS_HASH, verifyAuditChain, type AuditEntry } from './audit-log.ts';

/*
 * What the chain proves, and what it does not: any change, removal, reordering or insertion in the middle of the log
 * breaks the chain at a named entry. Two attacks it cannot see on its own: cutting entries off the end (the shorter
 * chain is still a valid chain) and rewriting every entry from some point on with recomputed hashes. Both need an
 * external anchor (the latest hash published daily outside the database, QUALITY.md #42), which is not built yet.
 */

const BASE_TIME = new Date('2026-11-23T09:00:00.000Z');
const ACTOR_USER = '5f0c2b9e-8d1a-4c3e-9b7a-1e2d3c4b5a69';
const ACTOR_ORGANISATION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function entry(index: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    occurredAt: new Date(BASE_TIME.getTime() + index * 60_000),
    actorUserId: ACTOR_USER,
    actorOrganisationId: ACTOR_ORGANISATION,
    action: 'referral.accept',
    objectType: 'referral',
    objectId: `referral-${index}`,
    // Keys out of order on purpose: the hash must not depend on the order jsonb happens to store them in.
    details: { toStatus: 'accepted', attempt: index, isEscalated: false, note: null },
    ...overrides,
  };
}

async function append(db: Db, auditEntry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => appendAuditEntry(trx, auditEntry));
}

/** Appends `count` entries, each in its own transaction, and returns their ids in order. */
async function appendChain(db: Db, count: number): Promise<string[]> {
  for (let index = 1; index <= count; index += 1) await append(db, entry(index));
  return listIds(db);
}

async function listIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** A rolled-back append: it leaves a free id in the middle of the chain for a forger to use. */
async function rollBackAnAppend(db: Db): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      await appendAuditEntry(trx, entry(99));
      throw new Error('rolled back');
    })
    .catch(() => {});
}

/**
 * Tampering as the database owner would: with the append-only triggers switched off and the fork-guarding
 * UNIQUE(previous_hash) constraint dropped (an owner can do both; only the chain itself then tells).
 */
async function tamper(db: Db, statement: (db: Db) => Promise<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
  await sql`ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_previous_hash_key`.execute(db);
  try {
    await statement(db);
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
  }
}

describe('audit log hash chain', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => database.drop());
  // Every test starts from an empty log, with the ids starting at 1 again.
  beforeEach(async () => tamper(db, (db) => sql`TRUNCATE audit_log RESTART IDENTITY`.execute(db)));

  it('an empty log is intact', async () => {
    expect(await verifyAuditChain(db)).toEqual({ isIntact: true, entries: 0 });
  });

  it('a chain of appends verifies, across batch boundaries too', async () => {
    await appendChain(db, 7);
    expect(await verifyAuditChain(db)).toEqual({ isIntact: true, entries: 7 });
    expect(await verifyAuditChain(db, 2)).toEqual({ isIntact: true, entries: 7 });
  });

  it('links each entry to the one before it, starting from the genesis hash', async () => {
    await appendChain(db, 3);
    const rows = await db.selectFrom('audit_log').select(['previous_hash', 'hash']).orderBy('id').execute();
    expect(rows[0]?.previous_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.previous_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.previous_hash).toBe(rows[1]?.hash);
  });

  it('a rolled-back append leaves no entry and no break (only a gap in the ids)', async () => {
    await append(db, entry(1));
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAuditEntry(trx, entry(2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await append(db, entry(3));
    const ids = await listIds(db);
    expect(ids).toHaveLength(2);
    expect(Number(ids[1]) - Number(ids[0])).toBe(2);
    expect(await verifyAuditChain(db)).toEqual({ isIntact: true, entries: 2 });
  });

  describe('detects tampering by the database owner', () => {
    it('an altered details field, at that entry', async () => {
      const ids = await appendChain(db, 5);
      await tamper(db, (db) => sql`UPDATE audit_log SET details = jsonb_set(details, '{toStatus}', '"declined"') WHERE id = ${ids[2]}`.execute(db));
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: ids[2], problem: expect.stringContaining('hash does not match the entry content') });
    });

    it('an altered action, at that entry', async () => {
      const ids = await appendChain(db, 5);
      await tamper(db, (db) => sql`UPDATE audit_log SET action = 'referral.decline' WHERE id = ${ids[1]}`.execute(db));
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: ids[1], problem: expect.stringContaining('entry content') });
    });

    it('an altered time or actor, at that entry', async () => {
      const ids = await appendChain(db, 5);
      await tamper(db, (db) => sql`UPDATE audit_log SET occurred_at = occurred_at + interval '1 millisecond' WHERE id = ${ids[3]}`.execute(db));
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: ids[3] });
    });

    it('a deleted middle entry, at the entry after the gap', async () => {
      const ids = await appendChain(db, 5);
      await tamper(db, (db) => sql`DELETE FROM audit_log WHERE id = ${ids[2]}`.execute(db));
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: ids[3], problem: expect.stringContaining('previous_hash') });
    });

    it('two entries with their contents swapped, at the first of them', async () => {
      const ids = await appendChain(db, 5);
      // Swap every column but the id, hashes included: the entries now sit in each other's place.
      await tamper(db, (db) =>
        sql`
          UPDATE audit_log AS target SET
            occurred_at = source.occurred_at, actor_user_id = source.actor_user_id, actor_organisation_id = source.actor_organisation_id,
            action = source.action, object_type = source.object_type, object_id = source.object_id, details = source.details,
            previous_hash = source.previous_hash, hash = source.hash || '-'
          FROM audit_log AS source
          WHERE (target.id, source.id) IN ((${ids[1]}::bigint, ${ids[3]}::bigint), (${ids[3]}::bigint, ${ids[1]}::bigint))
        `.execute(db),
      );
      // hash is UNIQUE, so the swap went through a suffix; strip it now that both rows have moved.
      await tamper(db, (db) => sql`UPDATE audit_log SET hash = rtrim(hash, '-') WHERE id IN (${ids[1]}, ${ids[3]})`.execute(db));
      const swapped = await db.selectFrom('audit_log').select(['id', 'object_id']).where('id', 'in', [ids[1]!, ids[3]!]).orderBy('id').execute();
      expect(swapped.map((row) => row.object_id)).toEqual(['referral-4', 'referral-2']);
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: ids[1] });
    });

    it('a forged entry inserted in the middle with a correctly computed hash, at the entry after it', async () => {
      // A rolled-back append leaves a free id in the middle of the chain for the forger to use.
      await append(db, entry(1));
      await append(db, entry(2));
      await rollBackAnAppend(db);
      await append(db, entry(3));
      await append(db, entry(4));
      const ids = await listIds(db);
      const freeId = String(Number(ids[1]) + 1);
      expect(ids).not.toContain(freeId);

      const before = await db.selectFrom('audit_log').select('hash').where('id', '=', ids[1]!).executeTakeFirstOrThrow();
      const forged = entry(50, { action: 'referral.withdraw', details: {} });
      const forgedHash = computeAuditHash(before.hash, { ...forged, details: {} });
      await tamper(db, (db) =>
        sql`
          INSERT INTO audit_log (id, occurred_at, actor_user_id, actor_organisation_id, action, object_type, object_id, details, previous_hash, hash)
          OVERRIDING SYSTEM VALUE
          VALUES (${freeId}, ${forged.occurredAt}, ${forged.actorUserId}, ${forged.actorOrganisationId}, ${forged.action}, ${forged.objectType},
                  ${forged.objectId}, '{}'::jsonb, ${before.hash}, ${forgedHash})
        `.execute(db),
      );
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: ids[2], problem: expect.stringContaining('previous_hash') });
    });

    it('a forged entry with a made-up hash, at the forged entry', async () => {
      await append(db, entry(1));
      await rollBackAnAppend(db);
      await append(db, entry(2));
      const ids = await listIds(db);
      const freeId = String(Number(ids[0]) + 1);
      await tamper(db, (db) =>
        sql`
          INSERT INTO audit_log (id, occurred_at, action, object_type, object_id, previous_hash, hash)
          OVERRIDING SYSTEM VALUE
          VALUES (${freeId}, ${BASE_TIME}, 'referral.withdraw', 'referral', 'referral-1', ${'f'.repeat(64)}, ${'e'.repeat(64)})
        `.execute(db),
      );
      expect(await verifyAuditChain(db)).toMatchObject({ isIntact: false, firstBrokenId: freeId });
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the triggers are on', async () => {
    const ids = await appendChain(db, 2);
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE id = ${ids[0]}`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`DELETE FROM audit_log WHERE id = ${ids[0]}`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow('append-only');
    expect(await verifyAuditChain(db)).toEqual({ isIntact: true, entries: 2 });
  });

  it('serialises concurrent appends: 200 appends from 20 concurrent writers, one transaction each, form one chain', async () => {
    const writers = 20;
    const appendsPerWriter = 10;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let index = 0; index < appendsPerWriter; index += 1) {
          await append(db, entry(writer * appendsPerWriter + index, { objectId: `referral-${writer}-${index}` }));
        }
      }),
    );
    expect(await verifyAuditChain(db)).toEqual({ isIntact: true, entries: writers * appendsPerWriter });
    const { rows } = await sql<{ entries: string; distinctPrevious: string }>`
      SELECT count(*) AS entries, count(DISTINCT previous_hash) AS "distinctPrevious" FROM audit_log
    `.execute(db);
    expect(rows[0]).toEqual({ entries: '200', distinctPrevious: '200' });
  });

  describe('npm run audit:verify', () => {
    const tool = resolve(import.meta.dirname, '../tools/verify-audit-chain.ts');
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [tool], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );

    it('prints "intact" and exits 0 for an intact chain, "BROKEN at entry" and exits 1 for a broken one', async () => {
      const ids = await appendChain(db, 3);
      expect(await run({ DATABASE_URL: database.connectionString })).toEqual({ code: 0, stdout: 'audit chain intact: 3 entries\n', stderr: '' });

      await tamper(db, (db) => sql`UPDATE audit_log SET object_id = 'referral-x' WHERE id = ${ids[1]}`.execute(db));
      const broken = await run({ DATABASE_URL: database.connectionString });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toBe(`audit chain BROKEN at entry ${ids[1]}: hash does not match the entry content (the entry was altered)\n`);
    });

    it('exits 2 when there is no database to verify, without creating one', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'bro-audit-verify-'));
      try {
        const result = await run({ DATA_DIR: dataDir });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^audit chain not verified: no database in /);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
