import { z } from 'zod';

/**
 * The referral (henvisning) life cycle, as a pure state machine. Server and web both use it: the server to refuse
 * a transition, the web to show only the buttons that can work.
 *
 *   draft → sent → received → accepted → (first contact) → handed_over
 *                      │  │        └→ declined (by the citizen) | not_reached
 *                      │  └→ declined (by service or citizen) | not_reached
 *                      └→ rerouted: back to `sent`, at another service, history kept
 *   draft | sent | received → withdrawn (by the referrer);  sent | received → expired (by the system)
 *   sent | received | accepted → (the service or its programme ends, on an admin's decision, as the system)
 *        transferred: back to `sent` at another service, history kept | closed (with a reason)
 */
export const ReferralStatus = z.enum([
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
  'not_reached',
  'handed_over',
  /** Ended because its service or programme ended, with a {@link ServiceEndReason}: not the person's or the service's decision. */
  'closed',
]);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const terminalStatuses: readonly ReferralStatus[] = ['declined', 'withdrawn', 'expired', 'not_reached', 'handed_over', 'closed'];

/** Sent and not yet ended: in the receiving service's inbox, and running against its first-contact deadline. */
export const openStatuses: readonly ReferralStatus[] = ['sent', 'received', 'accepted'];

/**
 * Who acts. The referrer's side may only send and withdraw. The system expires stale referrals and may also mark
 * a referral received (e.g. when it is delivered to the service's inbox on its behalf); when a service or programme
 * ends, it transfers or closes the open referrals (the admin who decided is recorded as the actor). Everything else
 * is the receiving service's.
 */
export const ReferralSide = z.enum(['referrer', 'receiver', 'system']);
export type ReferralSide = z.infer<typeof ReferralSide>;

/** Decline reasons. Capacity and eligibility are kept apart because the statistics need the difference. */
export const DeclineReason = z.enum(['no_capacity', 'not_eligible', 'not_wanted', 'has_other_help', 'other']);
export type DeclineReason = z.infer<typeof DeclineReason>;

export const DeclinedBy = z.enum(['service', 'citizen']);
export type DeclinedBy = z.infer<typeof DeclinedBy>;

const reasonsByDecider: Record<DeclinedBy, readonly DeclineReason[]> = {
  service: ['no_capacity', 'not_eligible', 'other'],
  citizen: ['not_wanted', 'has_other_help', 'other'],
};

export function isDeclineReasonAllowed(decidedBy: DeclinedBy, reason: DeclineReason): boolean {
  return reasonsByDecider[decidedBy].includes(reason);
}

/**
 * Why open work ends with its service (or programme) rather than being handed over: the service closed, the
 * programme it belonged to ended, or another reason the admin writes down. Shared by referrals and courses.
 */
export const ServiceEndReason = z.enum(['service_closed', 'programme_ended', 'other']);
export type ServiceEndReason = z.infer<typeof ServiceEndReason>;

export const ContactOutcome = z.enum(['reached', 'not_reached', 'not_safe_to_talk']);
export type ContactOutcome = z.infer<typeof ContactOutcome>;

export const ReferralAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send') }),
  z.object({ type: z.literal('receive') }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('decline'), reason: DeclineReason, decidedBy: DeclinedBy }),
  z.object({ type: z.literal('reroute'), toServiceId: z.string() }),
  z.object({ type: z.literal('withdraw') }),
  z.object({ type: z.literal('expire') }),
  z.object({ type: z.literal('log_contact_attempt'), outcome: ContactOutcome }),
  z.object({ type: z.literal('hand_over') }),
  z.object({ type: z.literal('transfer'), toServiceId: z.string() }),
  z.object({ type: z.literal('close'), reason: ServiceEndReason }),
]);
export type ReferralAction = z.infer<typeof ReferralAction>;
export type ReferralActionType = ReferralAction['type'];

export const referralActionTypes = [
  'send',
  'receive',
  'accept',
  'decline',
  'reroute',
  'withdraw',
  'expire',
  'log_contact_attempt',
  'hand_over',
  'transfer',
  'close',
] as const satisfies readonly ReferralActionType[];

/** What the machine needs to know about a referral. */
export type ReferralState = {
  status: ReferralStatus;
  /** Unsuccessful attempts since the referral last arrived at its current service. */
  unsuccessfulContactAttempts: number;
  hasFirstContact: boolean;
  /** After this many unsuccessful attempts without ever reaching the person, the referral ends as `not_reached`. */
  maxContactAttempts: number;
};

export type TransitionResult =
  | { ok: true; state: ReferralState }
  | { ok: false; reason: 'not_allowed_in_status' | 'not_allowed_for_side' | 'needs_first_contact' | 'reason_not_allowed' };

const actionsBySide: Record<ReferralSide, readonly ReferralActionType[]> = {
  referrer: ['send', 'withdraw'],
  receiver: ['receive', 'accept', 'decline', 'reroute', 'log_contact_attempt', 'hand_over'],
  system: ['expire', 'receive', 'transfer', 'close'],
};

const statusesByAction: Record<ReferralActionType, readonly ReferralStatus[]> = {
  send: ['draft'],
  receive: ['sent'],
  accept: ['received'],
  decline: ['received', 'accepted'],
  reroute: ['received'],
  withdraw: ['draft', 'sent', 'received'],
  expire: ['sent', 'received'],
  log_contact_attempt: ['received', 'accepted'],
  hand_over: ['accepted'],
  transfer: ['sent', 'received', 'accepted'],
  close: ['sent', 'received', 'accepted'],
};

export function isTerminal(status: ReferralStatus): boolean {
  return terminalStatuses.includes(status);
}

/** Applies one action. Pure: the caller persists the new state and the event. */
export function applyReferralAction(state: ReferralState, action: ReferralAction, side: ReferralSide): TransitionResult {
  if (!actionsBySide[side].includes(action.type)) return { ok: false, reason: 'not_allowed_for_side' };
  if (!statusesByAction[action.type].includes(state.status)) return { ok: false, reason: 'not_allowed_in_status' };

  switch (action.type) {
    case 'send':
      return moved(state, 'sent');
    case 'receive':
      return moved(state, 'received');
    case 'accept':
      return moved(state, 'accepted');
    case 'decline':
      // Once accepted, only the citizen can still say no; the service decided when it accepted. Checked before the
      // reason, so a service decline after acceptance is refused for what it is, whatever reason it gives.
      if (state.status === 'accepted' && action.decidedBy === 'service') return { ok: false, reason: 'not_allowed_in_status' };
      if (!isDeclineReasonAllowed(action.decidedBy, action.reason)) return { ok: false, reason: 'reason_not_allowed' };
      return moved(state, 'declined');
    case 'reroute':
    case 'transfer':
      // A new service starts afresh: its own attempts, its own first contact.
      return { ok: true, state: { ...state, status: 'sent', unsuccessfulContactAttempts: 0, hasFirstContact: false } };
    case 'close':
      return moved(state, 'closed');
    case 'withdraw':
      return moved(state, 'withdrawn');
    case 'expire':
      return moved(state, 'expired');
    case 'log_contact_attempt':
      return logContactAttempt(state, action.outcome);
    case 'hand_over':
      if (!state.hasFirstContact) return { ok: false, reason: 'needs_first_contact' };
      return moved(state, 'handed_over');
  }
}

function moved(state: ReferralState, status: ReferralStatus): TransitionResult {
  return { ok: true, state: { ...state, status } };
}

function logContactAttempt(state: ReferralState, outcome: ContactOutcome): TransitionResult {
  if (outcome === 'reached') return { ok: true, state: { ...state, hasFirstContact: true } };
  const unsuccessfulContactAttempts = state.unsuccessfulContactAttempts + 1;
  // "Not reached after N attempts" is a normal ending, not a failure of the service.
  const status = !state.hasFirstContact && unsuccessfulContactAttempts >= state.maxContactAttempts ? 'not_reached' : state.status;
  return { ok: true, state: { ...state, status, unsuccessfulContactAttempts } };
}

/** The action types a side could take now (parameters aside). Drives the buttons in the web app. */
export function allowedReferralActions(state: ReferralState, side: ReferralSide): ReferralActionType[] {
  return referralActionTypes.filter((type) => {
    if (!actionsBySide[side].includes(type) || !statusesByAction[type].includes(state.status)) return false;
    if (type === 'hand_over') return state.hasFirstContact;
    return true;
  });
}
