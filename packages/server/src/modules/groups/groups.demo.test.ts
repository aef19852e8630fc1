import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../demo/demo-data.ts';
import { loadGroupDemoData } from '../../demo/group-demo.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
const clock = createFixedClock(TEST_NOW);

describe('conversation-group demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    expect(await loadDemoDataIfEmpty({ db: database.db, cipher, clock })).toEqual({ isLoaded: true });
    expect(await loadGroupDemoData({ db: database.db, cipher, clock })).toEqual({ isLoaded: false });
  });
  afterAll(async () => database?.drop());

  it('gives Vores Vej Ud a group offer for 6–8 women over 8 weekly meetings, facilitated by its counsellor, with five women waiting in order', async () => {
    const offer = await database.db
      .selectFrom('group_offers as o')
      .innerJoin('services as s', 's.id', 'o.service_id')
      .innerJoin('users as u', (join) => join.on((eb) => eb(eb.ref('u.id'), '=', eb.fn.any('o.facilitator_user_ids'))))
      .select(['o.id', 'o.name', 'o.min_participants', 'o.max_participants', 'o.meeting_count', 'o.interval_weeks', 's.slug', 'u.email'])
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ name: 'Samtalegruppe for kvinder', min_participants: 6, max_participants: 8, meeting_count: 8, interval_weeks: 1, slug: 'vores-vej-ud', email: 'voresvejud@demo.bro.dk' });
    const entries = await database.db
      .selectFrom('group_waiting_entries as w')
      .innerJoin('courses as c', 'c.id', 'w.course_id')
      .select(['w.status', 'w.added_at', 'c.client_label_enc', 'c.service_id', 'c.status as course_status'])
      .where('w.offer_id', '=', offer.id)
      .orderBy('w.added_at')
      .execute();
    expect(entries.map((entry) => cipher.decrypt(entry.client_label_enc))).toEqual(['Demo Kvinde A', 'Demo Kvinde B', 'Demo Kvinde C', 'Demo Kvinde D', 'Demo Kvinde E']);
    expect(new Set(entries.map((entry) => `${entry.status}/${entry.course_status}`))).toEqual(new Set(['waiting/active']));
  });
});
