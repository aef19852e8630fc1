import { describe, expect, it } from 'vitest';
import { canReplaceParticipant, findPickProblems, isOutOfOrder, isReconfirmationDue, waitingDays } from './waiting-list.ts';

const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const pick = (picked: string[], overrideReason?: string, alreadyInGroup = 0) => findPickProblems({ waitingInOrder: list, picked, alreadyInGroup, minimum: 6, maximum: 8, overrideReason });

describe('picking from the waiting list', () => {
  it('accepts the top of the list within capacity', () => {
    expect(pick(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual([]);
  });
  it('refuses fewer than the minimum and more than the maximum', () => {
    expect(pick(['a', 'b'])).toEqual([{ path: 'body.entryIds', message: 'below_minimum' }]);
    expect(pick(list)).toEqual([{ path: 'body.entryIds', message: 'above_maximum' }]);
    expect(pick(['a'], undefined, 8)).toEqual([{ path: 'body.entryIds', message: 'above_maximum' }]);
  });
  it('needs a reason to pick out of order', () => {
    const skipping = ['a', 'b', 'c', 'd', 'e', 'g'];
    expect(isOutOfOrder(list, skipping)).toBe(true);
    expect(pick(skipping)).toEqual([{ path: 'body.overrideReason', message: 'override_reason_required' }]);
    expect(pick(skipping, 'Foretrækker aftenhold')).toEqual([]);
    expect(isOutOfOrder(list, ['b', 'a'])).toBe(false);
  });
  it('refuses someone not waiting, and the same entry twice', () => {
    expect(pick(['a', 'b', 'c', 'd', 'e', 'x'])).toEqual([{ path: 'body.entryIds.5', message: 'not_waiting' }]);
    expect(pick(['a', 'a', 'c', 'd', 'e', 'f'])).toEqual([{ path: 'body.entryIds', message: 'duplicate_entry' }]);
  });
});

describe('waiting times and replacement', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('counts whole days and asks for reconfirmation after the offer’s period', () => {
    expect(waitingDays(new Date('2026-11-07T13:00:00Z'), now)).toBe(29);
    expect(isReconfirmationDue({ waitingSince: new Date('2026-11-07T12:00:00Z'), reconfirmAfterDays: 30, now })).toBe(true);
    expect(isReconfirmationDue({ waitingSince: new Date('2026-11-08T12:00:00Z'), reconfirmAfterDays: 30, now })).toBe(false);
  });
  it('offers a freed place only before the second meeting', () => {
    const starts = [new Date('2026-12-01T16:00:00Z'), new Date('2026-12-08T16:00:00Z')];
    expect(canReplaceParticipant(starts, now)).toBe(true);
    expect(canReplaceParticipant(starts, new Date('2026-12-08T16:00:00Z'))).toBe(false);
  });
});
