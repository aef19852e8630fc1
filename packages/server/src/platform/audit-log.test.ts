import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/tables.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { createFolderCheckpointStore, generateAuditSigningKey, readAuditSigningKey, type CheckpointStore } from './audit-checkpoints.ts';
import { appendAuditEntry, computeAuditHash, GENESIS_HASH, type AuditEntry } from './audit-log.ts';
import { createSealerState, hashEntry, sealPendingEntries, type SealerState } from './audit-sealer.ts';
import { verifyLog, type LogVerdict } from './audit-verification.ts';

/*
 * What the sealed chain proves: any change, removal, reordering or insertion of a sealed entry breaks the chain at a
 * named entry; the signed checkpoints outside the database catch what the chain alone cannot (cutting entries off
 * the end; rewriting every entry from some point on with recomputed hashes). Tampering here is done as the database
 * owner would: with the append-only triggers switched off.
 */

const BASE_TIME = new Date('2026-11-23T09:00:00.000Z');
const ACTOR_USER = '5f0c2b9e-8d1a-4c3e-9b7a-1e2d3c4b5a69';
const ACTOR_ORGANISATION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const LOG_TABLES = ['audit_log', 'audit_log_seals', 'access_log', 'access_log_seals'];

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

/** A rolled-back append: it leaves a free id in the chain, for a forger to use. */
async function rollBackAnAppend(db: Db): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      await appendAuditEntry(trx, entry(99));
      throw new Error('rolled back');
    })
    .catch(() => {});
}

/** Appends `count` entries, one transaction each, with a rolled-back append (a free id) after each; returns the ids. */
async function appendChainWithGaps(db: Db, count: number): Promise<string[]> {
  for (let index = 1; index <= count; index += 1) {
    await append(db, entry(index));
    await rollBackAnAppend(db);
  }
  return listIds(db);
}

async function listIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/**
 * Seals until nothing is left unsealed. The horizon is cluster-wide: another test file's open transaction (the crash
 * tests hold some for seconds) holds rounds back, so rounds repeat, keeping their observations, with a short pause
 * between them, up to 3,000 times.
 */
async function sealEverything(db: Db, options: { state?: SealerState; store?: CheckpointStore; batchSize?: number } = {}): Promise<void> {
  const state = options.state ?? createSealerState();
  for (let round = 0; round < 3_000; round += 1) {
    await sealPendingEntries(db, { state, batchSize: options.batchSize, checkpoints: options.store ? { store: options.store, key: signingKey } : undefined });
    const unsealed = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM audit_log WHERE id > (SELECT COALESCE(max(entry_id), 0) FROM audit_log_seals))::integer
           + (SELECT count(*) FROM access_log WHERE id > (SELECT COALESCE(max(entry_id), 0) FROM access_log_seals))::integer AS n
    `.execute(db);
    if (unsealed.rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('entries stayed unsealed for 3,000 rounds');
}

/** As the database owner: append-only triggers off for the statement. */
async function tamper(db: Db, statement: (db: Db) => Promise<unknown>): Promise<void> {
  for (const table of LOG_TABLES) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
  try {
    await statement(db);
  } finally {
    for (const table of LOG_TABLES) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
  }
}

const signingKey = readAuditSigningKey(generateAuditSigningKey());

describe('audit log: lock-free appends, sealed chain, signed checkpoints', () => {
  let database: TestDatabase;
  let db: Db;
  let checkpointFolder: string;
  let store: CheckpointStore;

  const verify = async (options: { batchSize?: number } = {}): Promise<LogVerdict> =>
    verifyLog(db, { log: 'audit', checkpoints: await store.list(), publicKeys: await store.readPublicKeys(), ...options });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => database.drop());
  // Every test starts from empty logs (ids from 1 again) and an empty checkpoint folder.
  beforeEach(async () => {
    await tamper(db, (db) => sql`TRUNCATE audit_log, audit_log_seals, access_log, access_log_seals RESTART IDENTITY`.execute(db));
    checkpointFolder = mkdtempSync(join(tmpdir(), 'bro-checkpoints-'));
    store = createFolderCheckpointStore(checkpointFolder);
    await store.publishPublicKey(signingKey.keyId, signingKey.publicKeyPem);
    return () => rmSync(checkpointFolder, { recursive: true, force: true });
  });

  it('an empty log is intact', async () => {
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 0, unsealedEntries: 0 });
  });

  it('appends carry no hash and wait for nobody; the sealer hashes them in id order from the genesis hash', async () => {
    await append(db, entry(1));
    await db.transaction().execute(async (trx) => {
      const { appendAuditEntries } = await import('./audit-log.ts');
      await appendAuditEntries(trx, [entry(2), entry(3), entry(4)]);
    });
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 0, unsealedEntries: 4 });

    await sealEverything(db, { store });
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((row) => row.object_id)).toEqual(['referral-1', 'referral-2', 'referral-3', 'referral-4']);
    // The entries of one multi-row append share their transaction.
    expect(new Set(rows.slice(1).map((row) => row.xact_id)).size).toBe(1);
    const seals = await db.selectFrom('audit_log_seals').select(['entry_id', 'hash']).orderBy('entry_id').execute();
    let previousHash = GENESIS_HASH;
    for (const [index, row] of rows.entries()) {
      previousHash = computeAuditHash(previousHash, { occurredAt: row.occurred_at, actorUserId: row.actor_user_id, actorOrganisationId: row.actor_organisation_id, action: row.action, objectType: row.object_type, objectId: row.object_id, details: row.details });
      expect(seals[index]).toEqual({ entry_id: row.id, hash: previousHash });
    }
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 4, unsealedEntries: 0, checkpointsChecked: 1 });
    expect(await verify({ batchSize: 2 })).toMatchObject({ isIntact: true, sealedEntries: 4 });
  });

  it('seals in batches and checkpoints the head of every round that sealed something', async () => {
    for (let index = 1; index <= 7; index += 1) await append(db, entry(index));
    // Rounds of at most 3, each checkpointed: the checkpoints show where the rounds ended.
    await sealEverything(db, { store, batchSize: 3 });
    const checkpoints = (await store.list()).filter((checkpoint) => checkpoint.log === 'audit');
    expect(checkpoints.map((checkpoint) => checkpoint.sequence)).toEqual(['3', '6', '7']);
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 7, checkpointsChecked: 3 });
  });

  it('a rolled-back append leaves no entry and no break (only a gap in the ids)', async () => {
    const ids = await appendChainWithGaps(db, 3);
    expect(ids.map(Number)).toEqual([1, 3, 5]);
    await sealEverything(db, { store });
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 3 });
  });

  describe('a transaction that commits late never ends up behind a sealed entry', () => {
    it('the sealer stops before an entry whose transaction is still open, and seals it and the ones after it once it commits', async () => {
      const state = createSealerState();
      await append(db, entry(1));
      await append(db, entry(2));
      await sealEverything(db, { state });

      // The trap: `older` gets its transaction id first; `open` then appends (id 3) and stays open; `older` appends
      // (id 4) and commits. Entry 4 is committed, visible and its transaction id is below every running one, yet
      // sealing it would put it ahead of entry 3.
      const older = await db.startTransaction().execute();
      await sql`SELECT pg_current_xact_id()`.execute(older);
      const open = await db.startTransaction().execute();
      await appendAuditEntry(open, entry(3));
      await appendAuditEntry(older, entry(4));
      await older.commit().execute();
      await append(db, entry(5));

      for (let round = 0; round < 5; round += 1) await sealPendingEntries(db, { state });
      const sealedWhileOpen = await db.selectFrom('audit_log_seals').select('entry_id').orderBy('entry_id').execute();
      expect(sealedWhileOpen.map((seal) => seal.entry_id)).toEqual(['1', '2']);
      expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 2, unsealedEntries: 2 });

      await open.commit().execute();
      await sealEverything(db, { state, store });
      const sealed = await db.selectFrom('audit_log_seals').select('entry_id').orderBy('entry_id').execute();
      expect(sealed.map((seal) => seal.entry_id)).toEqual(['1', '2', '3', '4', '5']);
      expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 5, unsealedEntries: 0 });
    });
  });

  describe('detects tampering by the database owner (generated)', () => {
    type Tampering =
      | { kind: 'modify'; index: number; field: 'action' | 'details' | 'occurred_at' | 'object_id' | 'actor_user_id' }
      | { kind: 'delete entry'; index: number }
      | { kind: 'delete entry and seal'; index: number }
      | { kind: 'insert'; index: number; withSeal: boolean }
      | { kind: 'reorder'; index: number; other: number }
      | { kind: 'truncate tail'; count: number }
      | { kind: 'rehash with forged head'; index: number };

    const tampering = (length: number): fc.Arbitrary<Tampering> => {
      const index = fc.integer({ min: 0, max: length - 1 });
      return fc.oneof(
        fc.record({ kind: fc.constant('modify' as const), index, field: fc.constantFrom('action' as const, 'details' as const, 'occurred_at' as const, 'object_id' as const, 'actor_user_id' as const) }),
        fc.record({ kind: fc.constant('delete entry' as const), index }),
        fc.record({ kind: fc.constant('delete entry and seal' as const), index }),
        fc.record({ kind: fc.constant('insert' as const), index: fc.integer({ min: 0, max: length - 2 }), withSeal: fc.boolean() }),
        fc
          .tuple(fc.integer({ min: 0, max: length - 2 }), fc.integer({ min: 1, max: length - 1 }))
          .map(([first, distance]) => ({ kind: 'reorder' as const, index: first, other: Math.min(length - 1, first + distance) })),
        fc.record({ kind: fc.constant('truncate tail' as const), count: fc.integer({ min: 1, max: length - 1 }) }),
        fc.record({ kind: fc.constant('rehash with forged head' as const), index }),
      );
    };

    /** Applies the tampering; returns the id verification must name (undefined: any id, the kind is what counts). */
    async function apply(ids: string[], change: Tampering, checkpointed: readonly string[]): Promise<string | undefined> {
      const at = (index: number) => ids[index]!;
      switch (change.kind) {
        case 'modify': {
          const assignment = {
            action: sql`action = 'referral.decline'`,
            details: sql`details = jsonb_set(details, '{toStatus}', '"declined"')`,
            occurred_at: sql`occurred_at = occurred_at + interval '1 millisecond'`,
            object_id: sql`object_id = 'referral-x'`,
            actor_user_id: sql`actor_user_id = NULL`,
          }[change.field];
          await tamper(db, (db) => sql`UPDATE audit_log SET ${assignment} WHERE id = ${at(change.index)}`.execute(db));
          return at(change.index);
        }
        case 'delete entry':
          await tamper(db, (db) => sql`DELETE FROM audit_log WHERE id = ${at(change.index)}`.execute(db));
          return at(change.index);
        case 'delete entry and seal':
          await tamper(db, async (db) => {
            await sql`DELETE FROM audit_log WHERE id = ${at(change.index)}`.execute(db);
            await sql`DELETE FROM audit_log_seals WHERE entry_id = ${at(change.index)}`.execute(db);
          });
          // A checkpointed entry is named missing by its checkpoint; any other breaks the chain at the next entry.
          return checkpointed.includes(at(change.index)) ? at(change.index) : at(change.index + 1);
        case 'insert': {
          // Into the free id a rolled-back append left after entry `index`.
          const freeId = String(Number(at(change.index)) + 1);
          const forged = entry(50, { action: 'referral.withdraw', details: {} });
          const before = await db.selectFrom('audit_log_seals').select('hash').where('entry_id', '=', at(change.index)).executeTakeFirstOrThrow();
          await tamper(db, async (db) => {
            await sql`
              INSERT INTO audit_log (id, occurred_at, actor_user_id, actor_organisation_id, action, object_type, object_id, details)
              OVERRIDING SYSTEM VALUE
              VALUES (${freeId}, ${forged.occurredAt}, ${forged.actorUserId}, ${forged.actorOrganisationId}, ${forged.action}, ${forged.objectType}, ${forged.objectId}, '{}'::jsonb)
            `.execute(db);
            if (change.withSeal) {
              const hash = computeAuditHash(before.hash, { ...forged, details: {} });
              await sql`INSERT INTO audit_log_seals (entry_id, hash) VALUES (${freeId}, ${hash})`.execute(db);
            }
          });
          // A forged entry with a correct seal breaks the entry after it; one without a seal is itself named.
          return change.withSeal ? at(change.index + 1) : freeId;
        }
        case 'reorder':
          // Every column but the id swapped: the two entries now sit in each other's place.
          await tamper(db, (db) =>
            sql`
              UPDATE audit_log AS target SET
                occurred_at = source.occurred_at, actor_user_id = source.actor_user_id, actor_organisation_id = source.actor_organisation_id,
                action = source.action, object_type = source.object_type, object_id = source.object_id, details = source.details
              FROM audit_log AS source
              WHERE (target.id, source.id) IN ((${at(change.index)}::bigint, ${at(change.other)}::bigint), (${at(change.other)}::bigint, ${at(change.index)}::bigint))
            `.execute(db),
          );
          return at(change.index);
        case 'truncate tail': {
          const kept = at(ids.length - 1 - change.count);
          await tamper(db, async (db) => {
            await sql`DELETE FROM audit_log WHERE id > ${kept}`.execute(db);
            await sql`DELETE FROM audit_log_seals WHERE entry_id > ${kept}`.execute(db);
          });
          // The first checkpointed entry that is gone is named missing (the newest checkpoint sealed the last entry).
          return checkpointed.find((sequence) => BigInt(sequence) > BigInt(kept));
        }
        case 'rehash with forged head': {
          // Alter one entry, then recompute every seal from there: the chain is self-consistent, the head is forged.
          await tamper(db, async (db) => {
            await sql`UPDATE audit_log SET action = 'referral.decline' WHERE id = ${at(change.index)}`.execute(db);
            await sql`DELETE FROM audit_log_seals WHERE entry_id >= ${at(change.index)}`.execute(db);
            const head = await db.selectFrom('audit_log_seals').select('hash').orderBy('entry_id', 'desc').limit(1).executeTakeFirst();
            const rows = await sql<Parameters<typeof hashEntry>[2]>`SELECT *, xact_id::text AS xact_id FROM audit_log WHERE id >= ${at(change.index)} ORDER BY id`.execute(db);
            let previousHash = head?.hash ?? GENESIS_HASH;
            for (const row of rows.rows) {
              previousHash = hashEntry('audit', previousHash, row);
              await sql`INSERT INTO audit_log_seals (entry_id, hash) VALUES (${row.id}, ${previousHash})`.execute(db);
            }
          });
          return undefined;
        }
      }
    }

    it('modify, delete, insert, reorder, truncate the tail, re-hash with a forged head: each is found, at the right entry', async () => {
      const length = 6;
      await fc.assert(
        fc.asyncProperty(tampering(length), async (change) => {
          await tamper(db, (db) => sql`TRUNCATE audit_log, audit_log_seals RESTART IDENTITY`.execute(db));
          rmSync(join(checkpointFolder, 'checkpoints.jsonl'), { force: true });
          const ids = await appendChainWithGaps(db, length);
          // Checkpoints along the way (after entry 3 and at the end), as a running sealer leaves them.
          await sealEverything(db, { store, batchSize: 3 });
          expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: length });

          const checkpointed = (await store.list()).map((checkpoint) => checkpoint.sequence);
          const named = await apply(ids, change, checkpointed);
          const verdict = await verify();
          expect(verdict.isIntact, `${JSON.stringify(change)} went unnoticed`).toBe(false);
          if (named !== undefined) expect(verdict.firstBrokenId, `${JSON.stringify(change)}: ${verdict.problem}`).toBe(named);
          if (change.kind === 'rehash with forged head') expect(verdict.problem).toMatch(/forged head/);
          if (change.kind === 'truncate tail') expect(verdict.problem).toMatch(/truncated tail/);
        }),
        { numRuns: 40, seed: 13 },
      );
      // Each run builds, seals and checks a chain: about 40 queries. Generous, for a loaded machine.
    }, 180_000);

    it('an altered or forged checkpoint, and one signed by an unknown key', async () => {
      await appendChainWithGaps(db, 3);
      await sealEverything(db, { store });
      const [checkpoint] = await store.list();
      const publicKeys = await store.readPublicKeys();
      const forgedHead = { ...checkpoint!, headHash: 'f'.repeat(64) };
      expect(await verifyLog(db, { log: 'audit', checkpoints: [forgedHead], publicKeys })).toMatchObject({ isIntact: false, problem: expect.stringContaining('invalid signature') });
      const otherKey = readAuditSigningKey(generateAuditSigningKey());
      const { signCheckpoint } = await import('./audit-checkpoints.ts');
      const foreign = signCheckpoint(otherKey, { log: 'audit', sequence: checkpoint!.sequence, headHash: checkpoint!.headHash, time: new Date() });
      expect(await verifyLog(db, { log: 'audit', checkpoints: [foreign], publicKeys })).toMatchObject({ isIntact: false, problem: expect.stringContaining('unknown key') });
    });
  });

  it('verification starts from the oldest retained checkpoint once retention has cut the oldest entries', async () => {
    const ids = await appendChainWithGaps(db, 6);
    await sealEverything(db, { store, batchSize: 3 });
    const [first] = await store.list();
    // What retention will do: remove entries and seals up to a checkpoint's head.
    await tamper(db, async (db) => {
      await sql`DELETE FROM audit_log WHERE id <= ${first!.sequence}`.execute(db);
      await sql`DELETE FROM audit_log_seals WHERE entry_id <= ${first!.sequence}`.execute(db);
    });
    expect(await verify()).toMatchObject({ isIntact: true, startedFrom: first!.sequence, sealedEntries: 3, checkpointsChecked: 1 });
    // Cutting one entry further than a checkpoint is not retention: the next entry no longer chains.
    await tamper(db, async (db) => {
      await sql`DELETE FROM audit_log WHERE id = ${ids[3]}`.execute(db);
      await sql`DELETE FROM audit_log_seals WHERE entry_id = ${ids[3]}`.execute(db);
    });
    expect(await verify()).toMatchObject({ isIntact: false, firstBrokenId: ids[4] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of entries and seals while the triggers are on', async () => {
    await append(db, entry(1));
    await sealEverything(db);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`UPDATE audit_log_seals SET hash = 'x'`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`DELETE FROM audit_log_seals`.execute(db)).rejects.toThrow('append-only');
    await expect(sql`TRUNCATE audit_log_seals`.execute(db)).rejects.toThrow('append-only');
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: 1 });
  });

  it('200 appends from 20 concurrent writers, one transaction each, wait on no lock and seal into one chain', async () => {
    const writers = 20;
    const appendsPerWriter = 10;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let index = 0; index < appendsPerWriter; index += 1) {
          await append(db, entry(writer * appendsPerWriter + index, { objectId: `referral-${writer}-${index}` }));
        }
      }),
    );
    await sealEverything(db, { store });
    expect(await verify()).toMatchObject({ isIntact: true, sealedEntries: writers * appendsPerWriter, unsealedEntries: 0 });
  });

  describe('npm run audit:verify', () => {
    const tool = resolve(import.meta.dirname, '../tools/verify-audit-chain.ts');
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [tool], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );

    it('says "intact" with the counts and exits 0; names the broken entry and exits 1; catches a truncated tail', async () => {
      const ids = await appendChainWithGaps(db, 3);
      await sealEverything(db, { store });
      const env = { DATABASE_URL: database.connectionString, AUDIT_CHECKPOINT_DIR: checkpointFolder };
      expect(await run(env)).toEqual({
        code: 0,
        stdout: 'audit log intact: 3 sealed entries (from genesis), 1 checkpoints checked; 0 unsealed\naccess log intact: 0 sealed entries (from genesis), 0 checkpoints checked; 0 unsealed\n',
        stderr: '',
      });

      await tamper(db, (db) => sql`UPDATE audit_log SET object_id = 'referral-x' WHERE id = ${ids[1]}`.execute(db));
      const broken = await run(env);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toBe(`audit log BROKEN at entry ${ids[1]}: entry ${ids[1]} does not match its seal: it was modified, or an entry before it was deleted, inserted or reordered\n`);

      await tamper(db, (db) => sql`UPDATE audit_log SET object_id = 'referral-2' WHERE id = ${ids[1]}`.execute(db));
      await tamper(db, async (db) => {
        await sql`DELETE FROM audit_log WHERE id = ${ids[2]}`.execute(db);
        await sql`DELETE FROM audit_log_seals WHERE entry_id = ${ids[2]}`.execute(db);
      });
      const truncated = await run(env);
      expect(truncated.code).toBe(1);
      expect(truncated.stderr).toMatch(new RegExp(`^audit log BROKEN at entry ${ids[2]}: .*truncated tail`));
    });

    it('reports unsealed entries, and fails only when the oldest is older than the alarm threshold', async () => {
      await append(db, entry(1));
      const env = { DATABASE_URL: database.connectionString, AUDIT_CHECKPOINT_DIR: checkpointFolder };
      const fresh = await run(env);
      expect(fresh.code).toBe(0);
      expect(fresh.stdout).toMatch(/^audit log intact: 0 sealed entries \(from genesis\), 0 checkpoints checked; 1 unsealed, oldest \d+\.\d s\n/);
      // An entry inserted a minute ago that nobody sealed: the sealer is not running.
      await tamper(db, (db) => sql`UPDATE audit_log SET inserted_at = inserted_at - interval '1 minute'`.execute(db));
      const late = await run(env);
      expect(late.code).toBe(1);
      expect(late.stderr).toMatch(/^audit log: 1 unsealed, the oldest for \d+\.\d s, over the 5 s alarm: is the sealer running\?\n$/);
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
