/**
 * Realistic volume for the bench (QUALITY.md §1.8), written with SQL (generate_series, INSERT … SELECT) into the
 * template database, so seeding 25,000 referrals takes seconds rather than the minutes the API would.
 *
 * Scale 1 is one year: 250,000 referrals, 150,000 persons, about a million referral events, a course for every
 * referral handed over, and 10 million access-log rows (the real year is 75–150 million: scale 1 says so). Spread over
 * the 98 municipalities and 12 police districts (referrers), 39 receiving organisations with 49 services, one national
 * programme, and 5,000 users (3,400 referrers, 1,600 receiving staff), 1,500 of them signed in lately.
 *
 * Encrypted fields hold real ciphertext under the template's key: a handful of values are encrypted here and reused
 * by the SQL, so a detail read decrypts as in production. Ids are derived from the row number (bench_uuid), so the SQL can
 * link rows (referral ↔ consent ↔ person ↔ course) without lookups. Everything is deterministic but the ciphertext.
 */
import { CreateHelpServiceRequest, municipalities, type CreateHelpServiceInput } from '@bro/domain';
import pg from 'pg';
import type { Db } from '../src/db/tables.ts';
import { safeContactFromInput, sealSafeContact } from '../src/modules/courses/index.ts';
import { insertHelpService } from '../src/modules/directory/index.ts';
import type { FieldCipher } from '../src/platform/field-encryption.ts';
import { createSealerState, readSealLag, sealPendingEntries } from '../src/platform/audit-sealer.ts';

export type VolumeCounts = { referrals: number; persons: number; accessLog: number; users: number; listings: number; historyDays: number };

/**
 * A scale is a length of history at the national rate (≈ 685 referrals a day), not a thinner rate: 0.1 is about 36
 * days, 1 a year, 10 ten years. What staff work on — the open referrals of the last week, the courses of the last
 * weeks — is then the same at every scale, and the flat-cost figures compare the same work over more history.
 */
export function countsAtScale(scale: number): VolumeCounts {
  return {
    historyDays: 365 * scale,
    referrals: Math.round(250_000 * scale),
    persons: Math.round(150_000 * scale),
    accessLog: Math.round(10_000_000 * scale),
    // Organisations and staff do not grow with the years: the same country, the same people.
    users: 5_000,
    listings: 400,
  };
}

/** Referrals of the last week are open: an intake inbox holds about a week's referrals to its service. */
const OPEN_DAYS = 7;

const receivingKinds = [
  ...Array.from({ length: 24 }, () => 'counselling_service'),
  ...Array.from({ length: 8 }, () => 'shelter'),
  ...Array.from({ length: 6 }, () => 'perpetrator_programme'),
  'national_hotline',
];

/** Runs every seeding step in order on one client; `report` hears each step's name. */
export async function seedVolume(input: { connectionString: string; db: Db; cipher: FieldCipher; scale: number; report: (line: string) => void }): Promise<VolumeCounts> {
  const counts = countsAtScale(input.scale);
  const client = new pg.Client({ connectionString: input.connectionString });
  await client.connect();
  try {
    const cipherTexts = encryptSamples(input.cipher);
    const step = async (name: string, sql: string, parameters: unknown[] = []) => {
      const startedAt = Date.now();
      for (const statement of splitStatements(sql, parameters)) await client.query(statement.sql, statement.parameters);
      input.report(`  seeded ${name} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    };
    await step('id function', uuidFunctionSql());
    await step('organisations', organisationsSql(), [municipalities.map((m) => m.code), municipalities.map((m) => m.name), receivingKinds]);
    await step('services and programme', servicesSql());
    await step('users and memberships', usersSql(counts.users));
    await step('persons', personsSql(counts.persons), [cipherTexts.names]);
    await step('referrals and consents', referralsSql(counts), [cipherTexts.situations, cipherTexts.phones]);
    await step('referral events', eventsSql());
    await step('courses and sessions', coursesSql(), [cipherTexts.labels, cipherTexts.safeContact]);
    await step('access log partitions (the seeded history, by month)', accessLogPartitionsSql(counts.historyDays));
    await step('access log', accessLogSql(counts.accessLog));
    await step('audit log', auditLogSql(counts.referrals));
    await sealSeededLogs(input.db, input.report);
    const startedAt = Date.now();
    await seedListings(input.db, input.cipher, counts.listings);
    input.report(`  seeded ${counts.listings} directory listings in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    await step('statistics (VACUUM ANALYZE)', 'DROP FUNCTION bench_uuid(text);\nVACUUM ANALYZE');
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * A step's SQL is several statements; a prepared statement takes one. Each gets the parameters it names, numbered
 * anew from $1 in the order of their first numbers.
 */
function splitStatements(sql: string, parameters: unknown[]): { sql: string; parameters: unknown[] }[] {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.trim().replace(/;$/, ''))
    .filter((statement) => statement.length > 0)
    .map((statement) => {
      const used = [...new Set([...statement.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])))].sort((a, b) => a - b);
      const renumbered = statement.replace(/\$(\d+)/g, (_match, number: string) => `$${used.indexOf(Number(number)) + 1}`);
      return { sql: renumbered, parameters: used.map((number) => parameters[number - 1]) };
    });
}

function encryptSamples(cipher: FieldCipher) {
  const names = ['Anna Testesen', 'Mette Prøvesen', 'Fatima Eksempel', 'Lars Bench', 'Sofie Syntetisk', 'Jonas Fiktiv', 'Ida Data', 'Omar Opdigtet'];
  return {
    names: names.map((name) => cipher.encrypt(name)),
    situations: ['Syntetisk henvisning: vold i hjemmet, ingen rigtige oplysninger.', 'Syntetisk: trusler og kontrol over en længere periode.', 'Syntetisk: anmeldt af politiet efter udkald.'].map((text) =>
      cipher.encrypt(text),
    ),
    phones: ['+4512345678', '+4587654321', '+4522334455'].map((phone) => cipher.encrypt(phone)),
    labels: names.map((name) => cipher.encrypt(name.split(' ')[0] ?? name)),
    safeContact: sealSafeContact(cipher, safeContactFromInput(undefined)),
  };
}

/**
 * Ids derived from a name and a row number, shaped as version-4 uuids (the API checks the version and variant
 * digits), so rows can be linked without lookups. Dropped when seeding ends. Mirrored by md5Uuid in
 * bench-database.ts.
 */
function uuidFunctionSql(): string {
  return `CREATE FUNCTION bench_uuid(name text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT (substr(md5(name), 1, 12) || '4' || substr(md5(name), 14, 3) || '8' || substr(md5(name), 18, 15))::uuid $$`;
}

function organisationsSql(): string {
  return `
    INSERT INTO organisations (slug, name, kind, municipality_code)
    SELECT 'kommune-' || code, name || ' Kommune', 'municipality', code FROM unnest($1::text[], $2::text[]) AS m(code, name);
    INSERT INTO organisations (slug, name, kind)
    SELECT 'politikreds-' || i, 'Politikreds ' || i, 'police_district' FROM generate_series(1, 12) AS i;
    INSERT INTO organisations (slug, name, kind)
    SELECT 'modtager-' || i, initcap(replace(kind, '_', ' ')) || ' ' || i, kind FROM unnest($3::text[]) WITH ORDINALITY AS r(kind, i);`;
}

function servicesSql(): string {
  return `
    INSERT INTO services (organisation_id, slug, name, service_line)
    SELECT id, 'ydelse-' || slug, 'Rådgivning ' || name, CASE WHEN kind = 'perpetrator_programme' THEN 'perpetrator' ELSE 'victim' END
    FROM organisations WHERE slug LIKE 'modtager-%';
    INSERT INTO services (organisation_id, slug, name, service_line)
    SELECT id, 'grupper-' || slug, 'Samtalegrupper ' || name, 'victim' FROM organisations WHERE kind = 'counselling_service' ORDER BY slug LIMIT 10;
    INSERT INTO programmes (slug, name) VALUES ('bench-national', 'Landsdækkende henvisning');
    INSERT INTO programme_referrers (programme_id, organisation_id)
    SELECT p.id, o.id FROM programmes p, organisations o WHERE p.slug = 'bench-national' AND o.kind IN ('municipality', 'police_district');
    INSERT INTO programme_services (programme_id, service_id, is_proposed)
    SELECT p.id, s.id, true FROM programmes p, services s WHERE p.slug = 'bench-national';`;
}

/**
 * Users 1–3,400 refer (spread over the 110 referring organisations); the rest work at the 39 receiving
 * organisations: one in ten an intake coordinator, one in ten a supervisor, the others counsellors, each assigned to
 * every service of their organisation. Emails `bench-<n>@bench.invalid` let the bench find its users again.
 */
function usersSql(users: number): string {
  return `
    CREATE TEMP TABLE bench_orgs AS
      SELECT id, kind, row_number() OVER (ORDER BY slug) - 1 AS n, slug LIKE 'modtager-%' AS is_receiving FROM organisations;
    INSERT INTO users (id, email, display_name, last_signed_in_at)
    SELECT bench_uuid('bench-user-' || i), 'bench-' || i || '@bench.invalid', 'Bench Bruger ' || i, CASE WHEN i % 10 < 3 THEN now() - (i % 7) * interval '1 day' END
    FROM generate_series(1, ${users}) AS i;
    INSERT INTO memberships (id, user_id, organisation_id, role, service_line)
    SELECT bench_uuid('bench-membership-' || i), bench_uuid('bench-user-' || i), o.id, 'referrer', NULL
    FROM generate_series(1, 3400) AS i
    JOIN (SELECT id, row_number() OVER (ORDER BY n) - 1 AS k FROM bench_orgs WHERE NOT is_receiving) o ON o.k = i % 110;
    INSERT INTO memberships (id, user_id, organisation_id, role, service_line)
    SELECT bench_uuid('bench-membership-' || i), bench_uuid('bench-user-' || i), o.id,
      CASE (i - 3401) / 39 % 10 WHEN 0 THEN 'intake_coordinator' WHEN 1 THEN 'supervisor' ELSE 'counsellor' END,
      CASE WHEN o.kind = 'perpetrator_programme' THEN 'perpetrator' ELSE 'victim' END
    FROM generate_series(3401, ${users}) AS i
    JOIN (SELECT id, kind, row_number() OVER (ORDER BY n) - 1 AS k FROM bench_orgs WHERE is_receiving) o ON o.k = (i - 3401) % 39;
    INSERT INTO service_staff (service_id, membership_id)
    SELECT s.id, m.id FROM memberships m JOIN services s ON s.organisation_id = m.organisation_id WHERE m.role <> 'referrer';`;
}

function personsSql(persons: number): string {
  return `
    INSERT INTO persons (id, created_by_organisation_id, full_name_enc, gender, birth_year, address_protection, created_at)
    SELECT bench_uuid('bench-person-' || i), o.id, ($1::text[])[1 + i % array_length($1::text[], 1)],
      (ARRAY['woman', 'woman', 'woman', 'man', 'other'])[1 + i % 5], 1950 + i % 55, 'none', now() - (i % 365) * interval '1 day'
    FROM generate_series(0, ${persons - 1}) AS i
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS k FROM organisations WHERE kind IN ('municipality', 'police_district')) o ON o.k = i % 110;`;
}

/**
 * Referral i is sent by referrer user 1 + i % 3,400 to service i % 49, evenly over the history, oldest first. Those
 * of the last 7 days are still open (sent, received, accepted: the inboxes); of the rest most were handed over (a
 * course), some declined, not reached or withdrawn. Two referrals share an incident (the person and the one who uses
 * violence).
 */
function referralsSql(counts: VolumeCounts): string {
  const n = counts.referrals;
  const firstOpen = Math.floor(n * (1 - OPEN_DAYS / counts.historyDays));
  return `
    CREATE TEMP TABLE bench_services AS
      SELECT s.id, s.organisation_id, s.service_line, row_number() OVER (ORDER BY s.slug) - 1 AS k FROM services s;
    CREATE TEMP TABLE bench_referrals AS
      SELECT i,
        bench_uuid('bench-referral-' || i) AS id,
        bench_uuid('bench-consent-' || i) AS consent_id,
        bench_uuid('bench-person-' || (i % ${counts.persons})) AS person_id,
        bench_uuid('bench-user-' || (1 + i % 3400)) AS user_id,
        m.organisation_id AS referring_organisation_id,
        o.kind AS referring_kind,
        s.id AS service_id, s.organisation_id AS receiving_organisation_id, s.service_line,
        now() - (${n} - i) * interval '${counts.historyDays} days' / ${n} AS sent_at,
        CASE WHEN i >= ${firstOpen} THEN (ARRAY['sent', 'received', 'accepted'])[1 + i % 3]
          ELSE (ARRAY['handed_over', 'handed_over', 'handed_over', 'handed_over', 'handed_over', 'handed_over', 'handed_over', 'declined', 'not_reached', 'withdrawn'])[1 + i % 10] END AS status
      FROM generate_series(0, ${n - 1}) AS i
      JOIN memberships m ON m.id = bench_uuid('bench-membership-' || (1 + i % 3400))
      JOIN organisations o ON o.id = m.organisation_id
      JOIN bench_services s ON s.k = i % 49;
    INSERT INTO consents (id, person_id, recipient_organisation_id, data_categories, purpose, method, obtained_by_user_id, obtained_by_organisation_id, obtained_at, created_at)
    SELECT consent_id, person_id, receiving_organisation_id, '{identity,contact,situation,children}', 'referral_for_counselling', 'oral_at_scene', user_id, referring_organisation_id, sent_at, sent_at
    FROM bench_referrals;
    INSERT INTO referrals (id, reference, incident_id, person_id, person_role, source, referring_organisation_id, created_by_user_id, programme_id, service_id,
      receiving_organisation_id, consent_id, status, risk_level, situation_enc, phone_enc, is_safe_to_call, voicemail_allowed, sms_allowed, children_in_home,
      due_at, sent_at, received_at, first_contact_at, closed_at, created_at, updated_at)
    SELECT r.id, 'BRO-' || nextval('referral_reference_seq'), bench_uuid('bench-incident-' || (r.i / 2)), r.person_id,
      CASE WHEN r.service_line = 'perpetrator' THEN 'uses_violence' ELSE 'exposed' END,
      CASE WHEN r.referring_kind = 'police_district' THEN 'police' ELSE 'municipality' END,
      r.referring_organisation_id, r.user_id, p.id, r.service_id, r.receiving_organisation_id, r.consent_id, r.status,
      (ARRAY['standard', 'standard', 'standard', 'medium', 'high'])[1 + r.i % 5],
      ($1::text[])[1 + r.i % array_length($1::text[], 1)], ($2::text[])[1 + r.i % array_length($2::text[], 1)], 'yes', 'no', 'no', 'no',
      r.sent_at + interval '48 hours', r.sent_at,
      CASE WHEN r.status <> 'sent' THEN r.sent_at + interval '2 hours' END,
      CASE WHEN r.status IN ('accepted', 'handed_over') THEN r.sent_at + interval '20 hours' END,
      CASE WHEN r.status NOT IN ('sent', 'received', 'accepted') THEN r.sent_at + interval '10 days' END,
      r.sent_at, r.sent_at
    FROM bench_referrals r, programmes p WHERE p.slug = 'bench-national';`;
}

/** create + send for every referral, then what happened to it: about four events a referral. */
function eventsSql(): string {
  return `
    INSERT INTO referral_events (referral_id, action, from_status, to_status, actor_user_id, actor_organisation_id, occurred_at)
    SELECT r.id, e.action, e.from_status, e.to_status, CASE WHEN e.by_referrer THEN r.user_id END, CASE WHEN e.by_referrer THEN r.referring_organisation_id ELSE r.receiving_organisation_id END,
      r.sent_at + e.after
    FROM bench_referrals r
    CROSS JOIN LATERAL (VALUES
      ('create', NULL, 'draft', true, interval '0'),
      ('send', 'draft', 'sent', true, interval '1 second'),
      ('receive', 'sent', 'received', false, interval '2 hours'),
      ('accept', 'received', 'accepted', false, interval '20 hours'),
      ('hand_over', 'accepted', 'handed_over', false, interval '10 days')
    ) AS e(action, from_status, to_status, by_referrer, after)
    WHERE e.action IN ('create', 'send')
      OR (e.action = 'receive' AND r.status <> 'sent')
      OR (e.action = 'accept' AND r.status IN ('accepted', 'handed_over'))
      OR (e.action = 'hand_over' AND r.status = 'handed_over');`;
}

/**
 * A course for every referral handed over, held by a counsellor of the receiving organisation; the courses of the
 * last ten weeks are still active, with sessions: two behind them, two ahead.
 */
function coursesSql(): string {
  return `
    CREATE TEMP TABLE bench_counsellors AS
      SELECT m.user_id, m.organisation_id, row_number() OVER (PARTITION BY m.organisation_id ORDER BY m.user_id) - 1 AS k,
        count(*) OVER (PARTITION BY m.organisation_id) AS of
      FROM memberships m WHERE m.role = 'counsellor';
    INSERT INTO courses (id, reference, person_id, service_id, organisation_id, side, person_role, origin, referral_id, is_anonymous, client_label_enc,
      address_protection, safe_contact_enc, status, counsellor_user_id, planned_sessions, session_modes, focus, contact_interval_days,
      high_risk_contact_interval_days, offers_case_conference, risk_level, opened_by_user_id, opened_at, closing_reason, closed_at, closed_by_user_id, created_at, updated_at)
    SELECT bench_uuid('bench-course-' || r.i), 'FL-' || nextval('course_reference_seq'), r.person_id, r.service_id, r.receiving_organisation_id, r.service_line,
      CASE WHEN r.service_line = 'perpetrator' THEN 'uses_violence' ELSE 'exposed' END, 'referral', r.id, false,
      ($1::text[])[1 + r.i % array_length($1::text[], 1)], 'none', $2, CASE WHEN is_active THEN 'active' ELSE 'closed' END,
      c.user_id, 8, '{in_person,phone,video}', '{clarification,bridging}', 14, 7, false, (ARRAY['standard', 'medium', 'high'])[1 + r.i % 3],
      c.user_id, r.sent_at + interval '10 days',
      CASE WHEN NOT is_active THEN 'completed' END, CASE WHEN NOT is_active THEN r.sent_at + interval '70 days' END, CASE WHEN NOT is_active THEN c.user_id END,
      r.sent_at + interval '10 days', r.sent_at + interval '10 days'
    FROM (SELECT *, sent_at > now() - interval '80 days' AS is_active FROM bench_referrals WHERE status = 'handed_over') r
    JOIN bench_counsellors c ON c.organisation_id = r.receiving_organisation_id AND c.k = r.i % c.of;
    INSERT INTO course_sessions (course_id, planned_at, duration_minutes, mode, attendance, created_by_user_id, created_at, updated_at)
    SELECT c.id, now() + (s.week * 7 + (hashtext(c.id::text) & 3)) * interval '1 day', 60, 'in_person',
      CASE WHEN s.week < 0 THEN 'attended' ELSE 'planned' END, c.counsellor_user_id, c.opened_at, c.opened_at
    FROM courses c CROSS JOIN generate_series(-2, 1) AS s(week)
    WHERE c.status = 'active';`;
}

/**
 * Reads of referrals by staff, spread over the history and never in the future (the access log is to be partitioned by
 * month: a row must fall in a month that has a partition): the table that dominates storage.
 */
function accessLogSql(rows: number): string {
  return `
    INSERT INTO access_log (occurred_at, user_id, organisation_id, action, object_type, object_id, person_id, purpose)
    SELECT least(r.sent_at + (g % 30) * interval '1 day', now()), bench_uuid('bench-user-' || (3401 + g % 1600)), r.receiving_organisation_id,
      (ARRAY['read', 'read', 'read', 'list'])[1 + g % 4], 'referral', r.id::text, r.person_id, 'referral_intake'
    FROM generate_series(0, ${rows - 1}) AS g
    JOIN bench_referrals r ON r.i = g % (SELECT count(*) FROM bench_referrals);`;
}

/** Four audit entries a referral. */
function auditLogSql(referrals: number): string {
  return `
    INSERT INTO audit_log (occurred_at, actor_user_id, actor_organisation_id, action, object_type, object_id, details)
    SELECT r.sent_at + (g % 4) * interval '1 hour', r.user_id, r.referring_organisation_id,
      (ARRAY['referral.created', 'referral.sent', 'referral.received', 'referral.accepted'])[1 + g % 4], 'referral', r.id::text, '{}'::jsonb
    FROM generate_series(0, ${referrals * 4 - 1}) AS g
    JOIN bench_referrals r ON r.i = g / 4;`;
}

/** A partition for each month of the seeded history, as the sealer leader creates them month by month in production. */
function accessLogPartitionsSql(historyDays: number): string {
  return `
    SELECT create_access_log_partition(month::date)
    FROM generate_series(date_trunc('month', (now() - interval '${Math.ceil(historyDays) + 31} days') AT TIME ZONE 'UTC'), date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') AS month;`;
}

/**
 * Seals every seeded entry into the hash chain now, in the template: a real database's history is sealed, and a
 * backlog of millions of unsealed rows would have the bench measure the sealer catching up instead of the app.
 */
async function sealSeededLogs(db: Db, report: (line: string) => void): Promise<void> {
  const startedAt = Date.now();
  const state = createSealerState();
  let sealed = 0;
  for (;;) {
    const rounds = await sealPendingEntries(db, { state, batchSize: 20_000 });
    const sealedThisRound = rounds.reduce((sum, round) => sum + round.sealed, 0);
    sealed += sealedThisRound;
    const lag = await readSealLag(db);
    if (lag.every((log) => log.unsealedEntries === 0)) break;
    // The horizon is observed before sealing: a round that sealed nothing waits one round for it to move on.
    if (sealedThisRound === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  report(`  sealed ${sealed} audit and access-log entries in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

const words = ['rådgivning', 'støtte', 'samtaler', 'kvinder', 'mænd', 'familie', 'børn', 'unge', 'krisecenter', 'psykolog', 'netværk', 'gruppe', 'vold', 'hjælp', 'anonym'];

/** The public directory: listings through the admin code path (its denormalised search columns need it). */
async function seedListings(db: Db, cipher: FieldCipher, count: number): Promise<void> {
  const organisations = await db.selectFrom('organisations').select('id').where('slug', 'like', 'modtager-%').orderBy('slug').execute();
  const codes = municipalities.map((municipality) => municipality.code);
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index += 1) {
      const word = (offset: number) => words[(index * 7 + offset) % words.length] ?? 'hjælp';
      const municipalityCode = codes[index % codes.length] ?? '101';
      const input: CreateHelpServiceInput = {
        slug: `bench-listing-${index}`,
        nameDa: `${word(0)} ${word(3)} ${index}`,
        nameEn: `Service ${index}`,
        descriptionDa: Array.from({ length: 20 }, (_, offset) => word(offset)).join(' '),
        descriptionEn: 'Advice and support for people affected by violence in close relationships.',
        howToContactDa: 'Ring eller skriv til os.',
        howToContactEn: 'Call or write to us.',
        targetGroups: index % 3 === 0 ? ['women'] : index % 3 === 1 ? ['men', 'uses_violence'] : ['lgbt', 'women'],
        channels: index % 2 === 0 ? ['phone', 'chat'] : ['in_person'],
        languages: index % 4 === 0 ? ['da', 'en', 'ar'] : ['da'],
        isAnonymousContactOffered: index % 3 === 0,
        isFreeOfCharge: true,
        schedule: index % 10 === 0 ? { isOpen24Hours: true, rules: [] } : { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '15:00' }] },
        serviceArea: index % 7 === 0 ? { isNational: true } : { isNational: false, municipalityCodes: [municipalityCode] },
        phones: [{ number: `7${String(index).padStart(7, '0')}` }],
        locations: [{ nameDa: 'Kontor', nameEn: 'Office', isConfidential: false, addressLine: `Gade ${index}`, postalCode: '8000', city: 'Aarhus C', municipalityCode }],
      };
      const organisation = organisations[index % organisations.length];
      if (!organisation) throw new Error('no receiving organisations to list services for');
      await insertHelpService(trx, { request: CreateHelpServiceRequest.parse(input), organisationId: organisation.id, now, cipher, publishedAt: now });
    }
  });
}
