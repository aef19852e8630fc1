import type { ReferralForReceiver } from '@bro/domain';

/** The receiver's action panels. `openCourse` and `handOver` both end the referral as handed over (see ReceiverActions). */
export type ReceiverActionKey = 'contact' | 'accept' | 'openCourse' | 'handOver' | 'decline' | 'reroute';

/** The actions the referral's state allows AND the user's permissions permit, in the order they are offered. */
export function availableReceiverActions(referral: Pick<ReferralForReceiver, 'allowedActions'>, permissions: readonly string[]): ReceiverActionKey[] {
  const can = (action: ReferralForReceiver['allowedActions'][number], permission: string) => referral.allowedActions.includes(action) && permissions.includes(permission);
  const canHandOver = can('hand_over', 'referral:contact');
  const keys: [ReceiverActionKey, boolean][] = [
    ['contact', can('log_contact_attempt', 'referral:contact')],
    ['accept', can('accept', 'referral:decide')],
    // Opening a course hands the referral over too: the usual way on where the service runs its courses in Bro.
    ['openCourse', canHandOver && permissions.includes('course:triage')],
    ['handOver', canHandOver],
    ['decline', can('decline', 'referral:decide')],
    ['reroute', can('reroute', 'referral:decide')],
  ];
  return keys.filter(([, isAvailable]) => isAvailable).map(([key]) => key);
}

/**
 * The one next step for the referral's state: reach the person first; once reached, decide; once accepted and
 * reached, start the course. Otherwise the first action the user has.
 */
export function mainReceiverAction(referral: Pick<ReferralForReceiver, 'status' | 'hasFirstContact'>, available: readonly ReceiverActionKey[]): ReceiverActionKey | undefined {
  const preferred: readonly ReceiverActionKey[] = !referral.hasFirstContact ? ['contact', 'accept'] : referral.status === 'received' ? ['accept', 'decline'] : ['openCourse', 'handOver'];
  return preferred.find((key) => available.includes(key)) ?? available[0];
}
