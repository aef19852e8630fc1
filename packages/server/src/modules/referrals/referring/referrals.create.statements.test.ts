import type { ReferralForReferrer } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStatements } from '../../../test/statement-recorder.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { postReferral, referralRequest, startReferralTests, type ReferralFixture } from '../referral.builders.ts';

/**
 * The create path's shape (QUALITY.md §2 P3: at most 8 statements, nothing read back): round trips, not SQL, set
 * the ceiling of creations per second. Counted below Kysely, at the pg client, so BEGIN and COMMIT count too.
 */
describe('POST /api/referrals: statements per request', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests()); });
  afterAll(async () => t.close());

  it('creates and sends a referral in at most 8 statements, session lookup and rate-limit check included, reading back nothing it wrote', async () => {
    const { result, statements } = await recordStatements(() => postReferral(fx.people.policeReferrer, referralRequest(t, fx)));
    expect(result.statusCode).toBe(201);
    const counted = statements;
    expect(counted.length, counted.join('\n')).toBeLessThanOrEqual(8);
    // The audit chain takes no lock and reads no head: appends never wait for one another (ADR 0011).
    expect(counted.filter((statement) => /pg_advisory_xact_lock\(|from "audit_log"/i.test(statement))).toEqual([]);
    // Nothing written is read back: no read of the referral, its events or its person after the writes.
    const firstWrite = counted.findIndex((statement) => /^WITH "write_0"/.test(statement));
    expect(firstWrite).toBeGreaterThan(0);
    expect(counted.slice(firstWrite + 1).filter((statement) => /^select/i.test(statement))).toEqual([]);
  });

  it('answers exactly what a later read of the referral shows', async () => {
    const created = await postReferral(fx.people.policeReferrer, referralRequest(t, fx));
    const answer = created.json() as ReferralForReferrer;
    const read = await fx.people.policeReferrer.client.get(`/api/referrals/${answer.id}`);
    expect(read.json()).toEqual(answer);
  });

  it('links a second party of the same call-out with the same statement count, and names the first in the answer', async () => {
    const first = (await postReferral(fx.people.policeReferrer, referralRequest(t, fx))).json() as ReferralForReferrer;
    const { result, statements } = await recordStatements(() => postReferral(fx.people.policeReferrer, referralRequest(t, fx, { to: 'dmv', linkedReferralId: first.id })));
    expect(result.statusCode).toBe(201);
    expect((result.json() as ReferralForReferrer).linkedReferralIds).toEqual([first.id]);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(8);
  });
});
