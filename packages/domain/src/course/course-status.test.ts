import { describe, expect, it } from 'vitest';
import {
  allowedCourseActions,
  canServiceHoldSide,
  contactIntervalDays,
  countSessions,
  courseRoleFromReferralRole,
  isTriageReasonRequired,
  nextContactDueAt,
  referralRoleFromCourseRole,
  riskPrompts,
  sideOfCourseRole,
  statusAfterTriage,
} from './course-status.ts';
import { emptySafetyPlan, safetyPlanForPrint, SafetyPlanContent } from './safety-plan.ts';

const now = new Date('2026-11-23T09:00:00.000Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('course life cycle', () => {
  it('allows triage only in triage, and nothing at all once closed', () => {
    expect(allowedCourseActions('triage')).toContain('triage');
    expect(allowedCourseActions('active')).not.toContain('triage');
    expect(allowedCourseActions('bridging')).toEqual(expect.arrayContaining(['plan_session', 'refer_onward', 'close']));
    expect(allowedCourseActions('closed')).toEqual([]);
  });

  it('moves to active on accept and to bridging on onward referral', () => {
    expect(statusAfterTriage('accept')).toBe('active');
    expect(statusAfterTriage('refer_onward')).toBe('bridging');
  });

  it('needs a reason to go against the proposal or when the rules could not decide', () => {
    expect(isTriageReasonRequired('accept', 'accept')).toBe(false);
    expect(isTriageReasonRequired('refer_onward', 'refer_onward')).toBe(false);
    expect(isTriageReasonRequired('refer_onward', 'accept')).toBe(true);
    expect(isTriageReasonRequired('accept', 'refer_onward')).toBe(true);
    expect(isTriageReasonRequired('clarify', 'accept')).toBe(true);
  });
});

describe('sides', () => {
  it('puts exposed people and relatives on the victim side, people who use violence on the perpetrator side', () => {
    expect(sideOfCourseRole('exposed')).toBe('victim');
    expect(sideOfCourseRole('relative')).toBe('victim');
    expect(sideOfCourseRole('uses_violence')).toBe('perpetrator');
  });

  it('lets a line-limited service hold only its own side', () => {
    expect(canServiceHoldSide('victim', 'victim')).toBe(true);
    expect(canServiceHoldSide('victim', 'perpetrator')).toBe(false);
    expect(canServiceHoldSide(null, 'perpetrator')).toBe(true);
  });

  it('makes the counsellor choose a side for a person referred as both', () => {
    expect(courseRoleFromReferralRole('both')).toBeNull();
    expect(courseRoleFromReferralRole('uses_violence')).toBe('uses_violence');
    expect(referralRoleFromCourseRole('relative')).toBeNull();
    expect(referralRoleFromCourseRole('exposed')).toBe('exposed');
  });
});

describe('countSessions', () => {
  it('counts attended sessions as used, and future planned ones as scheduled', () => {
    const counts = countSessions(
      [
        { attendance: 'attended', plannedAt: hoursFromNow(-72) },
        { attendance: 'no_show', plannedAt: hoursFromNow(-48) },
        { attendance: 'cancelled_by_person', plannedAt: hoursFromNow(-24) },
        { attendance: 'attended', plannedAt: hoursFromNow(-2) },
        { attendance: 'planned', plannedAt: hoursFromNow(24) },
        { attendance: 'planned', plannedAt: hoursFromNow(-1) },
      ],
      5,
      now,
    );
    expect(counts).toEqual({ planned: 5, used: 2, remaining: 3, scheduled: 1, cancelled: 1, noShows: 1 });
  });

  it('never reports negative sessions remaining', () => {
    const attended = Array.from({ length: 6 }, () => ({ attendance: 'attended' as const, plannedAt: hoursFromNow(-1) }));
    expect(countSessions(attended, 5, now).remaining).toBe(0);
  });
});

describe('contact deadlines and risk prompts', () => {
  const policy = { contactIntervalDays: 14, highRiskContactIntervalDays: 3 };

  it('shortens the contact interval for high risk', () => {
    expect(contactIntervalDays(policy, null)).toBe(14);
    expect(contactIntervalDays(policy, 'medium')).toBe(14);
    expect(contactIntervalDays(policy, 'high')).toBe(3);
    expect(nextContactDueAt(now, policy, 'high')).toEqual(hoursFromNow(72));
  });

  it('prompts a safety plan and a case conference for high risk in an open course', () => {
    expect(riskPrompts({ riskLevel: 'high', hasSafetyPlan: false, offersCaseConference: true, isOpen: true })).toEqual({ safetyPlan: true, caseConference: true });
    expect(riskPrompts({ riskLevel: 'high', hasSafetyPlan: true, offersCaseConference: false, isOpen: true })).toEqual({ safetyPlan: false, caseConference: false });
    expect(riskPrompts({ riskLevel: 'medium', hasSafetyPlan: false, offersCaseConference: true, isOpen: true })).toEqual({ safetyPlan: false, caseConference: false });
    expect(riskPrompts({ riskLevel: 'high', hasSafetyPlan: false, offersCaseConference: true, isOpen: false })).toEqual({ safetyPlan: false, caseConference: false });
  });
});

describe('safety plan for print', () => {
  const plan = SafetyPlanContent.parse({
    ...emptySafetyPlan,
    safePlaces: [{ name: 'Søster', address: 'Hemmelig Allé 1' }, { name: 'Biblioteket' }],
  });

  it('keeps addresses only when the address is known to be unprotected', () => {
    expect(safetyPlanForPrint(plan, 'none')).toEqual({ content: plan, hiddenAddresses: 0 });
    for (const protection of ['name_and_address', 'special', 'shelter', 'unknown'] as const) {
      const printed = safetyPlanForPrint(plan, protection);
      expect(printed.hiddenAddresses).toBe(1);
      expect(JSON.stringify(printed.content)).not.toContain('Hemmelig Allé');
      expect(printed.content.safePlaces.map((place) => place.name)).toEqual(['Søster', 'Biblioteket']);
    }
  });
});
