import type { Db } from '../db/tables.ts';
import { createSealerState, sealPendingEntries } from '../platform/audit-sealer.ts';
import { verifyAuditChain, type LogVerdict } from '../platform/audit-verification.ts';

/**
 * Seals what the test wrote, then verifies the audit chain from the genesis hash: a test's entries are hashed and
 * checked, not merely counted as unsealed. The horizon is cluster-wide, so another test file's open transaction can
 * hold a round back: rounds repeat (keeping their observations, with a short pause) until nothing is left, at most 3,000 times.
 */
export async function sealAndVerifyAuditChain(db: Db): Promise<LogVerdict> {
  const state = createSealerState();
  for (let round = 0; round < 3_000; round += 1) {
    await sealPendingEntries(db, { state });
    const verdict = await verifyAuditChain(db);
    if (!verdict.isIntact || verdict.unsealedEntries === 0) return verdict;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return verifyAuditChain(db);
}
