import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeReferralIntake } from '../../../platform/referral-intake-locks.queries.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { postReferral, referralRequest, startReferralTests, type ReferralFixture } from '../referral.builders.ts';

/**
 * A referral must never be created at a service whose ending has already handed over its open referrals. The
 * creation holds the service's shared intake lock; an ending takes it exclusively (platform/referral-intake-locks).
 */
describe('POST /api/referrals while the service is being ended', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const countReferrals = async () => Number((await t.db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a creation that waited for the ending (422 service_not_allowed) and writes nothing of it', async () => {
    const before = await countReferrals();
    await t.db.connection().execute(async (ending) => {
      // The ending's transaction, as endService runs it: intake closed, then the service made inactive.
      await sql`BEGIN`.execute(ending);
      await closeReferralIntake(ending, { serviceId: fx.services.lokk.id });
      await ending.updateTable('services').set({ is_active: false }).where('id', '=', fx.services.lokk.id).execute();
      const creation = postReferral(fx.people.policeReferrer, referralRequest(t, fx));
      // Wait (bounded) until the creation is queued on the intake lock, so it read the service before the ending committed.
      for (let attempt = 0; attempt < 500; attempt += 1) {
        const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`.execute(t.db);
        if ((waiting.rows[0]?.n ?? 0) > 0) break;
        await sleep(10);
      }
      await sql`COMMIT`.execute(ending);
      const response = await creation;
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('service_not_allowed');
    });
    expect(await countReferrals()).toBe(before);
  });
});
