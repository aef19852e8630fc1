/**
 * The rules of a group offer's waiting list, pure so that the server and the staff page decide alike.
 *
 * - The list is kept in order of the date added (a person who declines but keeps their place keeps that date).
 * - Forming a group takes people from the top; anyone picked past someone still waiting needs a stated reason.
 * - A group starts only with at least the offer's minimum and never more than its maximum.
 * - An entry that has waited longer than the offer's reconfirmation period is asked to confirm; unanswered by the
 *   deadline, it lapses.
 */

/** Days a person has to answer a reconfirmation request before their entry lapses. */
export const RECONFIRMATION_DEADLINE_DAYS = 14;

const DAY_MS = 86_400_000;

export type PickProblem = { path: string; message: 'below_minimum' | 'above_maximum' | 'override_reason_required' | 'not_waiting' | 'duplicate_entry' };

/**
 * Is picking `picked` from the list allowed? `waitingInOrder` is the list as it stands (ids, first = longest
 * waiting). Capacity problems come first: they are about the group, not about who.
 */
export function findPickProblems(input: {
  waitingInOrder: readonly string[];
  picked: readonly string[];
  alreadyInGroup: number;
  minimum: number;
  maximum: number;
  overrideReason: string | null | undefined;
}): PickProblem[] {
  const total = input.alreadyInGroup + input.picked.length;
  if (new Set(input.picked).size !== input.picked.length) return [{ path: 'body.entryIds', message: 'duplicate_entry' }];
  if (total > input.maximum) return [{ path: 'body.entryIds', message: 'above_maximum' }];
  if (total < input.minimum) return [{ path: 'body.entryIds', message: 'below_minimum' }];
  const unknown = input.picked.findIndex((id) => !input.waitingInOrder.includes(id));
  if (unknown >= 0) return [{ path: `body.entryIds.${unknown}`, message: 'not_waiting' }];
  if (isOutOfOrder(input.waitingInOrder, input.picked) && !input.overrideReason) return [{ path: 'body.overrideReason', message: 'override_reason_required' }];
  return [];
}

/** Out of order: someone earlier on the list than a picked person is left waiting. */
export function isOutOfOrder(waitingInOrder: readonly string[], picked: readonly string[]): boolean {
  const top = new Set(waitingInOrder.slice(0, picked.length));
  return picked.some((id) => !top.has(id));
}

export function waitingDays(addedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - addedAt.getTime()) / DAY_MS));
}

/** Has a waiting entry waited long enough to be asked whether it still wants its place? */
export function isReconfirmationDue(input: { waitingSince: Date; reconfirmAfterDays: number; now: Date }): boolean {
  return input.now.getTime() - input.waitingSince.getTime() >= input.reconfirmAfterDays * DAY_MS;
}

export function reconfirmationDeadline(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + RECONFIRMATION_DEADLINE_DAYS * DAY_MS);
}

/** A place that frees up is offered to the next on the list only until the second meeting has begun. */
export function canReplaceParticipant(meetingStarts: readonly Date[], now: Date): boolean {
  const second = [...meetingStarts].sort((a, b) => a.getTime() - b.getTime())[1];
  return second === undefined || now.getTime() < second.getTime();
}
