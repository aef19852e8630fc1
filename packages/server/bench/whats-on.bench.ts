import { expandRecurrence, parseRecurrenceRule, RECURRENCE_LIMITS } from '@bro/domain';
import { sql } from 'kysely';
import type { Db } from '../src/db/tables.ts';
import { materialiseOccurrences } from '../src/modules/events/index.ts';
import { createFieldCipher } from '../src/platform/field-encryption.ts';
import { makeFigure, round, type Figure } from './bench-figures.ts';
import { progress } from './bench-harness.ts';
import type { LoadJob, LoadResult, LoadVariant } from './load-driver.ts';

/**
 * The public "what's on" page with 10,000 future occurrences (issue 14, Performance): p95 ≤ 50 ms at a fixed rate,
 * the list query's plan (EXPLAIN ANALYZE, BUFFERS: an index range scan, no sort of the table), and the bounded
 * expansion of malformed or endless rules (each within a bound of time and count, whatever the rule).
 */

/**
 * `rate`: the fixed arrival rate the p95 is taken at. The page is public and national, but its traffic is a small part
 * of the app's 500 req/s mixed design load (QUALITY.md §1.8): 100 req/s is already far above any plausible peak.
 */
export const whatsOnTargets = { p95Ms: 50, rate: 100, occurrences: 10_000, expansionMs: 50 } as const;

const CITIES = ['København V', 'Aarhus C', 'Odense C', 'Aalborg', 'Esbjerg', 'Vejle', 'Roskilde', 'Herning'];
/** Three days a week for a year: about 156 occurrences per event, so 66 events give about 10,300. */
const EVENTS = 66;

type Measure = { db: Db; encryptionKey: string; url: string; runLoad: (job: Omit<LoadJob, 'warmupSeconds' | 'durationSeconds'> & { durationSeconds?: number; warmupSeconds?: number }) => Promise<LoadResult>; seconds: number };

/** Events on the bench's services, materialised by the app's own code (one transaction per event). */
async function seedOpenEvents(db: Db, encryptionKey: string): Promise<number> {
  const cipher = createFieldCipher(encryptionKey);
  const services = await db.selectFrom('services').select(['id', 'organisation_id']).where('is_active', '=', true).orderBy('id').limit(EVENTS).execute();
  if (services.length === 0) throw new Error("what's on: the bench database has no active service");
  const now = new Date();
  const startDate = now.toISOString().slice(0, 10);
  // Several events per service where the seed has fewer services than events.
  for (let index = 0; index < EVENTS; index++) {
    const service = services[index % services.length] as (typeof services)[number];
    const isOnline = index % 5 === 4;
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('open_events')
        .values({
          organisation_id: service.organisation_id,
          service_id: service.id,
          title: `Drop-in ${index + 1}`,
          description: 'Åben drop-in med kaffe.',
          recurrence_rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
          start_date: startDate,
          start_time: `${String(9 + (index % 8)).padStart(2, '0')}:00`,
          duration_minutes: 120,
          is_online: isOnline,
          ...(isOnline ? { online_link_enc: cipher.encrypt(`https://moede.example.dk/${index}`) } : { place_name: 'Huset', address_line: `Gaden ${index + 1}`, postal_code: '1700', city: CITIES[index % CITIES.length] }),
          is_registration_required: false,
          capacity: null,
          is_published: true,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await materialiseOccurrences(trx, { eventId: id, organisationId: service.organisation_id, now });
    });
  }
  await sql`ANALYZE open_event_occurrences`.execute(db);
  const row = await db.selectFrom('open_event_occurrences').select((eb) => eb.fn.countAll<string>().as('count')).where('starts_at', '>=', now).where('is_public', '=', true).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The list query's plan as PostgreSQL ran it: what docs/performance.md quotes. */
async function explainList(db: Db, filter: { city?: string; isOnline?: boolean }): Promise<{ executionMs: number; plan: string[] }> {
  const cityClause = filter.city ? sql`AND o.city_key = ${filter.city.toLocaleLowerCase('da')}` : sql``;
  const onlineClause = filter.isOnline ? sql`AND o.is_online` : sql``;
  const result = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS)
    SELECT o.id, o.starts_at, e.title, org.name FROM open_event_occurrences o
    JOIN open_events e ON e.id = o.event_id JOIN organisations org ON org.id = e.organisation_id
    WHERE o.is_public AND o.starts_at >= now() ${cityClause} ${onlineClause}
    ORDER BY o.starts_at, o.id LIMIT 21 OFFSET 80`.execute(db);
  const plan = result.rows.map((row) => row['QUERY PLAN']);
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? Number.NaN);
  return { executionMs, plan };
}

/** The worst time of expanding malformed or endless rules over an unbounded window: each must stay within its bound. */
function measureBoundedExpansion(): Figure {
  const rules = ['FREQ=DAILY', 'FREQ=DAILY;INTERVAL=1;COUNT=1000', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU', 'FREQ=MONTHLY;BYDAY=5MO', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;INTERVAL=4'];
  const refused = ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9', 'FREQ=MONTHLY;BYDAY=MO,5TH', 'FREQ=SECONDLY', 'FREQ=WEEKLY;BYDAY=XX'];
  let worstMs = 0;
  let mostDates = 0;
  // Once untimed: the first call pays for loading and compiling rrule, not for the rule.
  expandRecurrence({ rule: 'FREQ=WEEKLY;BYDAY=TU', startDate: '2020-01-01', startTime: '11:00' }, { from: '2020-01-01', to: '2020-12-31' });
  for (const rule of rules) {
    const began = performance.now();
    const dates = expandRecurrence({ rule, startDate: '2020-01-01', startTime: '11:00' }, { from: '2020-01-01', to: '2999-12-31' });
    worstMs = Math.max(worstMs, performance.now() - began);
    mostDates = Math.max(mostDates, dates.length);
  }
  const refusedAll = refused.every((rule) => !parseRecurrenceRule(rule).ok);
  return makeFigure({ figure: 'recurrence_expansion_worst_ms', value: round(worstMs, 2), unit: 'ms', target: whatsOnTargets.expansionMs, comparison: '<=', details: { most_dates: mostDates, date_cap: RECURRENCE_LIMITS.maxOccurrences, months_cap: RECURRENCE_LIMITS.maxMonthsAhead, never_expanded_rules_refused: refusedAll } });
}

export async function measureWhatsOn(input: Measure): Promise<{ figures: Figure[]; errors: number }> {
  progress(`what's on: seeding ${EVENTS} weekly events (about ${whatsOnTargets.occurrences} future occurrences)`);
  const occurrences = await seedOpenEvents(input.db, input.encryptionKey);
  const variants: LoadVariant[] = ['/hvad-sker-der', '/hvad-sker-der?by=Aarhus%20C', '/hvad-sker-der?online=1', '/hvad-sker-der?side=5', '/en/hvad-sker-der?by=Odense%20C&side=2', '/ar/hvad-sker-der?side=20'].map((path) => ({ path, headers: {} }));
  for (const variant of variants) {
    const check = await fetch(`${input.url}${variant.path}`);
    if (check.status !== 200) throw new Error(`what's on: ${variant.path} answered ${check.status}`);
  }
  const plans = [await explainList(input.db, {}), await explainList(input.db, { city: 'Aarhus C' }), await explainList(input.db, { isOnline: true })];
  for (const line of plans[0]?.plan ?? []) progress(`  plan: ${line}`);
  const common = { url: input.url, method: 'GET' as const, variants, warmupSeconds: 1, durationSeconds: input.seconds };
  const closed = await input.runLoad({ ...common, connections: 50 });
  const single = await input.runLoad({ ...common, connections: 1 });
  const atRate = await input.runLoad({ ...common, connections: 50, ratePerSecond: whatsOnTargets.rate });
  const figures = [
    makeFigure({ figure: 'whats_on_future_occurrences', value: occurrences, unit: 'rows', target: whatsOnTargets.occurrences, comparison: '>=' }),
    makeFigure({ figure: 'whats_on_rps', value: round(closed.rps), unit: 'req/s', target: null, comparison: '>=', details: { c: 50, errors: closed.errors } }),
    makeFigure({ figure: 'whats_on_one_client_p95_ms', value: single.requests > 0 ? round(single.p95Ms, 1) : null, unit: 'ms', target: whatsOnTargets.p95Ms, comparison: '<=', details: { p50_ms: round(single.p50Ms, 1), rps: round(single.rps) } }),
    makeFigure({
      figure: `whats_on_at_${whatsOnTargets.rate}rps_p95_ms`,
      value: atRate.requests > 0 ? round(atRate.p95Ms, 1) : null,
      unit: 'ms',
      target: whatsOnTargets.p95Ms,
      comparison: '<=',
      details: { p50_ms: round(atRate.p50Ms, 1), p99_ms: round(atRate.p99Ms, 1), achieved_rps: round(atRate.rps), errors: atRate.errors },
    }),
    makeFigure({ figure: 'whats_on_query_execution_ms', value: round(Math.max(...plans.map((plan) => plan.executionMs)), 2), unit: 'ms', target: null, comparison: '<=', details: { plans: plans.map((plan) => plan.plan.find((line) => /Index|Seq Scan/.test(line))?.trim()) } }),
    measureBoundedExpansion(),
  ];
  return { figures, errors: closed.errors + single.errors + atRate.errors };
}
