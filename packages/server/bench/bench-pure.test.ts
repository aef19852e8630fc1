import { describe, expect, it } from 'vitest';
import { fillParameter, learnReturnedValues, newReplayValues, planReplay, rowsInsertedPerTable, type SchemaFacts } from './bare-route.ts';
import { compareWithSmallerScale, formatSummaryTable, makeFigure, percentile, summarise } from './bench-figures.ts';
import type { CapturedStatement } from './statement-capture.ts';

const userId = '0b8f2c4e-1d3a-4b5c-8d6e-7f8091a2b3c4';
const serviceId = '1c9a3d5f-2e4b-4c6d-9e7f-8091a2b3c4d5';
const incidentId = '2dab4e60-3f5c-4d7e-af80-91a2b3c4d5e6';
const referralId = '3ebc5f71-4061-4e8f-b091-a2b3c4d5e6f7';
const schema: SchemaFacts = {
  uniqueColumns: new Map([
    ['referrals', new Set(['id', 'reference'])],
    ['audit_log', new Set(['id', 'hash'])],
  ]),
  foreignKeyColumns: new Map([['referrals', new Set(['service_id', 'created_by_user_id'])]]),
};

/** A create path in miniature: the session read, a sibling check, the insert, an audit entry, the key's answer. */
const captured: CapturedStatement[] = [
  { sql: 'select "user_id" from "sessions" where "id" = $1', parameters: ['session-hash'], rows: [{ user_id: userId }] },
  { sql: 'select "id" from "referrals" where "incident_id" = $1', parameters: [incidentId], rows: [] },
  {
    sql: 'insert into "referrals" ("incident_id", "service_id", "created_by_user_id", "reference") values ($1, $2, $3, $4) returning "id"',
    parameters: [incidentId, serviceId, userId, 'BRO-17'],
    rows: [{ id: referralId }],
  },
  { sql: 'insert into "audit_log" ("object_id", "actor_user_id", "hash") values ($1, $2, $3)', parameters: [referralId, userId, 'ab'.repeat(32)], rows: [] },
  { sql: 'update "idempotency_keys" set "response_body" = $1 where "key" = $2', parameters: [`{"id":"${referralId}"}`, 'capture-key-1'], rows: [] },
];

describe('the bare route replay plan', () => {
  const plan = planReplay({ statements: captured, idempotencyKey: 'capture-key-1', schema, responseStatus: 201, responseBody: '{}' });

  it('makes anew what the request created, wherever it recurs, and keeps what it read or referenced', () => {
    expect(plan.statements.map((statement) => statement.slots)).toEqual([
      ['same'],
      ['fresh'], // the new incident, also where it is read before it is written
      ['fresh', 'same', 'same', 'fresh'], // incident and reference fresh; the service and the user (read before) kept
      ['same', 'same', 'fresh'], // the referral id comes from RETURNING on replay; the hash is unique
      ['same', 'idempotency_key'],
    ]);
    expect(plan.substitutions.map((substitution) => substitution.why)).toContain('new id referrals.incident_id');
  });

  it('gives one replay one new value per created value and a new replay other ones', () => {
    const first = newReplayValues();
    const second = newReplayValues();
    const inFirst = [fillParameter(incidentId, 'fresh', 'k1', first), fillParameter(incidentId, 'fresh', 'k1', first)];
    const inSecond = fillParameter(incidentId, 'fresh', 'k2', second);
    expect(inFirst[0]).toBe(inFirst[1]);
    expect(inFirst[0]).not.toBe(incidentId);
    expect(inSecond).not.toBe(inFirst[0]);
    expect(fillParameter('capture-key-1', 'idempotency_key', 'k2', second)).toBe('k2');
  });

  it('uses the ids the database returned in later statements, also inside JSON documents', () => {
    const values = newReplayValues();
    const replayedId = '4fcd6082-5172-4f90-8102-b3c4d5e6f708';
    learnReturnedValues([{ id: referralId }], [{ id: replayedId }], values);
    expect(fillParameter(referralId, 'same', 'k', values)).toBe(replayedId);
    expect(fillParameter(`{"id":"${referralId}"}`, 'same', 'k', values)).toBe(`{"id":"${replayedId}"}`);
  });

  it('uses ids a SELECT reserved as an array, element by element', () => {
    const values = newReplayValues();
    const captured = ['7c9e6679-7425-40de-944b-e07fc1f90ae7', '16fd2706-8baf-433b-82eb-8c7fada847da'];
    const replayed = ['9b2f1a3c-0d4e-4f5a-8b6c-7d8e9f0a1b2c', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'];
    learnReturnedValues([{ event_ids: captured }], [{ event_ids: replayed }], values);
    expect(fillParameter(captured[1], 'same', 'k', values)).toBe(replayed[1]);
    expect(fillParameter(captured[0], 'same', 'k', values)).toBe(replayed[0]);
  });
});

describe('figures', () => {
  it('takes percentiles by nearest rank and summarises pairs as median with spread', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBe(0);
    expect(summarise([900, 1100, 1000])).toEqual({ median: 1000, min: 900, max: 1100 });
  });

  it('judges each figure against its target, and says nothing without a value', () => {
    expect(makeFigure({ figure: 'create_full_rps', value: 999, unit: 'req/s', target: 1000, comparison: '>=' }).meets_target).toBe(false);
    expect(makeFigure({ figure: 'inbox_at_1000rps_p95_ms', value: 12, unit: 'ms', target: 20, comparison: '<=' }).meets_target).toBe(true);
    expect(makeFigure({ figure: 'commit_to_sealed_p99_ms', value: null, unit: 'ms', target: 2000, comparison: '<=' }).meets_target).toBeNull();
  });

  it('compares latencies with the smaller scale’s run, figure by figure', () => {
    const at = (value: number) => makeFigure({ figure: 'detail_at_1000rps_p95_ms', value, unit: 'ms', target: 20, comparison: '<=' });
    const [flat] = compareWithSmallerScale({ current: [at(15)], previous: [at(10)], previousScale: 0.1, target: 1.5 });
    expect(flat).toMatchObject({ figure: 'flat_cost_detail_at_1000rps_p95_ms', value: 1.5, meets_target: true });
    expect(formatSummaryTable([at(15)])).toContain('detail_at_1000rps_p95_ms | 15 ms');
  });
});

describe('rows a captured request inserted', () => {
  it('counts the row groups of every insert … values, also inside a CTE', () => {
    const rows = rowsInsertedPerTable([
      ...captured,
      { sql: 'with p as (insert into "persons" ("id") values ($1) returning id) insert into "referral_events" ("a", "b") values ($2, $3), ($4, $5)', parameters: [], rows: [] },
    ]);
    expect(Object.fromEntries(rows)).toEqual({ referrals: 1, audit_log: 1, persons: 1, referral_events: 2 });
  });
});
