import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../demo/demo-data.ts';
import { loadPeerSupportDemoData } from '../../demo/peer-support-demo.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
const clock = createFixedClock(TEST_NOW);

describe('peer-support demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    expect(await loadDemoDataIfEmpty({ db: database.db, cipher, clock })).toEqual({ isLoaded: true });
    // Loaded once, with the rest of the demo; a second load does nothing.
    expect(await loadPeerSupportDemoData({ db: database.db, cipher, clock })).toEqual({ isLoaded: false });
  });
  afterAll(async () => database?.drop());

  it('registers the Vores Vej Ud peer supporter and matches her, with consent, with one course of the service', async () => {
    const pairings = await database.db
      .selectFrom('peer_pairings as p')
      .innerJoin('peer_supporters as ps', 'ps.id', 'p.peer_supporter_id')
      .innerJoin('memberships as m', 'm.id', 'ps.membership_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('services as s', 's.id', 'p.service_id')
      .select(['u.email', 'm.role', 's.slug', 'p.status', 'p.display_name_enc'])
      .execute();
    expect(pairings.map(({ display_name_enc: _sealed, ...row }) => row)).toEqual([{ email: 'peerstoette@demo.bro.dk', role: 'peer_supporter', slug: 'vores-vej-ud', status: 'active' }]);
    expect(cipher.decrypt(pairings[0]!.display_name_enc)).toBe('Sara');
  });
});
