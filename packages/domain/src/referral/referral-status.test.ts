import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedReferralActions,
  applyReferralAction,
  ContactOutcome,
  DeclineReason,
  DeclinedBy,
  isDeclineReasonAllowed,
  isTerminal,
  referralActionTypes,
  ReferralSide,
  ReferralStatus,
  ServiceEndReason,
  terminalStatuses,
  type ReferralAction,
  type ReferralActionType,
  type ReferralState,
} from './referral-status.ts';

const statuses = ReferralStatus.options;
const sides = ReferralSide.options;

/**
 * The documented life cycle (DOMAIN.md §4.1–4.2, ANCHORS.md B3), written out independently of the
 * implementation's own tables so that a slip in either shows up here. `to: 'same'` means the status is kept.
 */
const documented: Record<ReferralActionType, { sides: readonly ReferralSide[]; from: readonly ReferralStatus[]; to: ReferralStatus | 'same' }> = {
  send: { sides: ['referrer'], from: ['draft'], to: 'sent' },
  receive: { sides: ['receiver', 'system'], from: ['sent'], to: 'received' },
  accept: { sides: ['receiver'], from: ['received'], to: 'accepted' },
  decline: { sides: ['receiver'], from: ['received', 'accepted'], to: 'declined' },
  reroute: { sides: ['receiver'], from: ['received'], to: 'sent' },
  withdraw: { sides: ['referrer'], from: ['draft', 'sent', 'received'], to: 'withdrawn' },
  expire: { sides: ['system'], from: ['sent', 'received'], to: 'expired' },
  log_contact_attempt: { sides: ['receiver'], from: ['received', 'accepted'], to: 'same' },
  hand_over: { sides: ['receiver'], from: ['accepted'], to: 'handed_over' },
  transfer: { sides: ['system'], from: ['sent', 'received', 'accepted'], to: 'sent' },
  close: { sides: ['system'], from: ['sent', 'received', 'accepted'], to: 'closed' },
};

/** One valid action of each type: a citizen decline works in every status where declining works at all. */
const sampleAction: Record<ReferralActionType, ReferralAction> = {
  send: { type: 'send' },
  receive: { type: 'receive' },
  accept: { type: 'accept' },
  decline: { type: 'decline', reason: 'not_wanted', decidedBy: 'citizen' },
  reroute: { type: 'reroute', toServiceId: 'service-2' },
  withdraw: { type: 'withdraw' },
  expire: { type: 'expire' },
  log_contact_attempt: { type: 'log_contact_attempt', outcome: 'reached' },
  hand_over: { type: 'hand_over' },
  transfer: { type: 'transfer', toServiceId: 'service-2' },
  close: { type: 'close', reason: 'service_closed' },
};

/** Every action a caller could build: all parameter combinations. */
function allActionsOfType(type: ReferralActionType): ReferralAction[] {
  switch (type) {
    case 'decline':
      return DeclinedBy.options.flatMap((decidedBy) => DeclineReason.options.map((reason) => ({ type, reason, decidedBy })));
    case 'log_contact_attempt':
      return ContactOutcome.options.map((outcome) => ({ type, outcome }));
    case 'reroute':
    case 'transfer':
      return [{ type, toServiceId: 'service-2' }];
    case 'close':
      return ServiceEndReason.options.map((reason) => ({ type, reason }));
    default:
      return [{ type } as ReferralAction];
  }
}

function stateOf(status: ReferralStatus, overrides: Partial<ReferralState> = {}): ReferralState {
  return { status, unsuccessfulContactAttempts: 0, hasFirstContact: false, maxContactAttempts: 3, ...overrides };
}

function expectOk(result: ReturnType<typeof applyReferralAction>): ReferralState {
  if (!result.ok) throw new Error(`expected the transition to succeed, it was refused: ${result.reason}`);
  return result.state;
}

describe('applyReferralAction: every status × action × side', () => {
  const cases = statuses.flatMap((status) => referralActionTypes.flatMap((type) => sides.map((side) => ({ status, type, side }))));

  it.each(cases)('$type by $side in $status', ({ status, type, side }) => {
    // With a first contact on record, so that hand_over is judged on status and side alone here.
    const state = stateOf(status, { hasFirstContact: true });
    const result = applyReferralAction(state, sampleAction[type], side);
    const rule = documented[type];
    if (!rule.sides.includes(side)) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed_for_side' });
    } else if (!rule.from.includes(status)) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed_in_status' });
    } else {
      expect(expectOk(result).status).toBe(rule.to === 'same' ? status : rule.to);
    }
  });

  it('covers exactly the statuses and action types the schemas declare', () => {
    expect(Object.keys(documented).sort()).toEqual([...referralActionTypes].sort());
    expect(cases).toHaveLength(10 * 11 * 3);
  });
});

describe('terminal statuses', () => {
  it('are exactly declined, withdrawn, expired, not_reached, handed_over and closed', () => {
    expect([...terminalStatuses].sort()).toEqual(['closed', 'declined', 'expired', 'handed_over', 'not_reached', 'withdrawn']);
    for (const status of statuses) expect(isTerminal(status)).toBe(terminalStatuses.includes(status));
  });

  it.each(terminalStatuses)('%s accepts no action from anyone, with any parameters', (status) => {
    for (const side of sides) {
      expect(allowedReferralActions(stateOf(status, { hasFirstContact: true }), side)).toEqual([]);
      for (const type of referralActionTypes) {
        for (const action of allActionsOfType(type)) {
          expect(applyReferralAction(stateOf(status, { hasFirstContact: true }), action, side).ok).toBe(false);
        }
      }
    }
  });
});

describe('decline', () => {
  it('keeps service reasons (no_capacity, not_eligible, other) apart from citizen reasons (not_wanted, has_other_help, other)', () => {
    const allowed = (decidedBy: DeclinedBy) => DeclineReason.options.filter((reason) => isDeclineReasonAllowed(decidedBy, reason));
    expect(allowed('service')).toEqual(['no_capacity', 'not_eligible', 'other']);
    expect(allowed('citizen')).toEqual(['not_wanted', 'has_other_help', 'other']);
  });

  it.each([
    { decidedBy: 'service', reason: 'no_capacity', ok: true },
    { decidedBy: 'service', reason: 'not_eligible', ok: true },
    { decidedBy: 'service', reason: 'other', ok: true },
    { decidedBy: 'service', reason: 'not_wanted', ok: false },
    { decidedBy: 'service', reason: 'has_other_help', ok: false },
    { decidedBy: 'citizen', reason: 'not_wanted', ok: true },
    { decidedBy: 'citizen', reason: 'has_other_help', ok: true },
    { decidedBy: 'citizen', reason: 'other', ok: true },
    { decidedBy: 'citizen', reason: 'no_capacity', ok: false },
    { decidedBy: 'citizen', reason: 'not_eligible', ok: false },
  ] as const)('in received: $decidedBy with $reason → ok: $ok', ({ decidedBy, reason, ok }) => {
    const result = applyReferralAction(stateOf('received'), { type: 'decline', reason, decidedBy }, 'receiver');
    expect(result).toEqual(ok ? { ok: true, state: stateOf('declined') } : { ok: false, reason: 'reason_not_allowed' });
  });

  it.each(DeclineReason.options)('after acceptance the service may not decline (reason %s)', (reason) => {
    const result = applyReferralAction(stateOf('accepted'), { type: 'decline', reason, decidedBy: 'service' }, 'receiver');
    expect(result).toEqual({ ok: false, reason: 'not_allowed_in_status' });
  });

  it('after acceptance the citizen still may', () => {
    const state = stateOf('accepted', { hasFirstContact: true });
    expect(expectOk(applyReferralAction(state, { type: 'decline', reason: 'has_other_help', decidedBy: 'citizen' }, 'receiver')).status).toBe('declined');
  });
});

describe('reroute', () => {
  it('sends the referral back to sent at the new service, with attempts and first contact reset', () => {
    const state = stateOf('received', { unsuccessfulContactAttempts: 2, hasFirstContact: true, maxContactAttempts: 4 });
    const next = expectOk(applyReferralAction(state, { type: 'reroute', toServiceId: 'service-2' }, 'receiver'));
    expect(next).toEqual({ status: 'sent', unsuccessfulContactAttempts: 0, hasFirstContact: false, maxContactAttempts: 4 });
  });
});

describe('when the service or programme ends', () => {
  it.each(['sent', 'received', 'accepted'] as const)('transfer moves a %s referral to sent at the new service, starting afresh', (status) => {
    const state = stateOf(status, { unsuccessfulContactAttempts: 2, hasFirstContact: true, maxContactAttempts: 4 });
    const next = expectOk(applyReferralAction(state, { type: 'transfer', toServiceId: 'service-2' }, 'system'));
    expect(next).toEqual({ status: 'sent', unsuccessfulContactAttempts: 0, hasFirstContact: false, maxContactAttempts: 4 });
  });

  it.each(ServiceEndReason.options)('close ends an open referral as closed (reason %s), whatever contact there was', (reason) => {
    for (const status of ['sent', 'received', 'accepted'] as const) {
      expect(expectOk(applyReferralAction(stateOf(status, { hasFirstContact: true }), { type: 'close', reason }, 'system')).status).toBe('closed');
    }
  });

  it('is the platform’s act on an admin’s decision: neither the receiving staff nor the referrer can transfer or close', () => {
    for (const side of ['receiver', 'referrer'] as const) {
      expect(applyReferralAction(stateOf('received'), { type: 'close', reason: 'other' }, side)).toEqual({ ok: false, reason: 'not_allowed_for_side' });
      expect(allowedReferralActions(stateOf('accepted'), side)).not.toContain('transfer');
    }
  });
});

describe('contact attempts', () => {
  it.each(['received', 'accepted'] as const)('reached sets first contact without changing the status (%s)', (status) => {
    const state = stateOf(status, { unsuccessfulContactAttempts: 1 });
    const next = expectOk(applyReferralAction(state, { type: 'log_contact_attempt', outcome: 'reached' }, 'receiver'));
    expect(next).toEqual({ ...state, hasFirstContact: true });
  });

  it.each(['not_reached', 'not_safe_to_talk'] as const)('%s counts as unsuccessful; the Nth such attempt without first contact ends in not_reached', (outcome) => {
    let state = stateOf('accepted', { maxContactAttempts: 3 });
    for (const [attempt, expectedStatus] of [
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'not_reached'],
    ] as const) {
      state = expectOk(applyReferralAction(state, { type: 'log_contact_attempt', outcome }, 'receiver'));
      expect(state).toMatchObject({ status: expectedStatus, unsuccessfulContactAttempts: attempt, hasFirstContact: false });
    }
    expect(applyReferralAction(state, { type: 'log_contact_attempt', outcome }, 'receiver')).toEqual({ ok: false, reason: 'not_allowed_in_status' });
  });

  it('ends in not_reached from received too (before any decision on the referral)', () => {
    const state = stateOf('received', { unsuccessfulContactAttempts: 1, maxContactAttempts: 2 });
    expect(expectOk(applyReferralAction(state, { type: 'log_contact_attempt', outcome: 'not_reached' }, 'receiver')).status).toBe('not_reached');
  });

  it('after a first contact, unsuccessful attempts never end the referral', () => {
    let state = stateOf('accepted', { hasFirstContact: true, maxContactAttempts: 2 });
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      state = expectOk(applyReferralAction(state, { type: 'log_contact_attempt', outcome: 'not_reached' }, 'receiver'));
      expect(state).toEqual({ status: 'accepted', unsuccessfulContactAttempts: attempt, hasFirstContact: true, maxContactAttempts: 2 });
    }
  });

  it('a reroute gives the new service its own full count of attempts', () => {
    let state = stateOf('received', { unsuccessfulContactAttempts: 2, maxContactAttempts: 3 });
    state = expectOk(applyReferralAction(state, { type: 'reroute', toServiceId: 'service-2' }, 'receiver'));
    state = expectOk(applyReferralAction(state, { type: 'receive' }, 'receiver'));
    state = expectOk(applyReferralAction(state, { type: 'log_contact_attempt', outcome: 'not_reached' }, 'receiver'));
    expect(state).toMatchObject({ status: 'received', unsuccessfulContactAttempts: 1 });
  });
});

describe('hand_over', () => {
  it('needs a first contact', () => {
    expect(applyReferralAction(stateOf('accepted'), { type: 'hand_over' }, 'receiver')).toEqual({ ok: false, reason: 'needs_first_contact' });
    expect(allowedReferralActions(stateOf('accepted'), 'receiver')).not.toContain('hand_over');
  });

  it('ends the referral once the person was reached', () => {
    const state = stateOf('accepted', { hasFirstContact: true });
    expect(expectOk(applyReferralAction(state, { type: 'hand_over' }, 'receiver')).status).toBe('handed_over');
    expect(allowedReferralActions(state, 'receiver')).toContain('hand_over');
  });
});

describe('a whole journey', () => {
  it('draft → sent → received → accepted → reached → handed_over', () => {
    const steps: [ReferralAction, ReferralSide, ReferralState['status']][] = [
      [{ type: 'send' }, 'referrer', 'sent'],
      [{ type: 'receive' }, 'receiver', 'received'],
      [{ type: 'accept' }, 'receiver', 'accepted'],
      [{ type: 'log_contact_attempt', outcome: 'not_safe_to_talk' }, 'receiver', 'accepted'],
      [{ type: 'log_contact_attempt', outcome: 'reached' }, 'receiver', 'accepted'],
      [{ type: 'hand_over' }, 'receiver', 'handed_over'],
    ];
    let state = stateOf('draft');
    for (const [action, side, expected] of steps) {
      state = expectOk(applyReferralAction(state, action, side));
      expect(state.status).toBe(expected);
    }
    expect(state).toEqual({ status: 'handed_over', unsuccessfulContactAttempts: 1, hasFirstContact: true, maxContactAttempts: 3 });
  });
});

const arbitraryState: fc.Arbitrary<ReferralState> = fc.record({
  status: fc.constantFrom(...statuses),
  unsuccessfulContactAttempts: fc.nat({ max: 10 }),
  hasFirstContact: fc.boolean(),
  maxContactAttempts: fc.integer({ min: 1, max: 6 }),
});
const arbitrarySide = fc.constantFrom(...sides);
const arbitraryAction: fc.Arbitrary<ReferralAction> = fc.constantFrom(...referralActionTypes.flatMap(allActionsOfType));

describe('properties', () => {
  it('allowedReferralActions agrees with applyReferralAction', () => {
    fc.assert(
      fc.property(arbitraryState, arbitrarySide, (state, side) => {
        const allowed = allowedReferralActions(state, side);
        for (const type of referralActionTypes) {
          const someSucceeds = allActionsOfType(type).some((action) => applyReferralAction(state, action, side).ok);
          // Listed ⇒ works for some valid parameters; not listed ⇒ fails for all of them.
          expect(someSucceeds).toBe(allowed.includes(type));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('over random action sequences: a terminal status is never left, attempts never go negative, first contact is never lost except by reroute', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(arbitraryAction, arbitrarySide), { maxLength: 60 }),
        (maxContactAttempts, steps) => {
          let state = stateOf('draft', { maxContactAttempts });
          for (const [action, side] of steps) {
            const result = applyReferralAction(state, action, side);
            if (isTerminal(state.status)) expect(result.ok).toBe(false);
            if (!result.ok) continue;
            const next = result.state;
            expect(next.unsuccessfulContactAttempts).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(next.unsuccessfulContactAttempts)).toBe(true);
            expect(next.maxContactAttempts).toBe(maxContactAttempts);
            if (state.hasFirstContact && action.type !== 'reroute' && action.type !== 'transfer') {
              expect(next.hasFirstContact).toBe(true);
              expect(next.status).not.toBe('not_reached');
            }
            state = next;
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('never changes the state it was given (pure)', () => {
    fc.assert(
      fc.property(arbitraryState, arbitraryAction, arbitrarySide, (state, action, side) => {
        const before = { ...state };
        applyReferralAction(state, action, side);
        allowedReferralActions(state, side);
        expect(state).toEqual(before);
      }),
    );
  });
});
