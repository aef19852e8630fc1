import { describe, expect, it } from 'vitest';
import { deriveOperationId, listProblemResponses } from './openapi.ts';

describe('deriveOperationId', () => {
  it.each([
    ['GET', '/api/referrals', 'listReferrals'],
    ['POST', '/api/referrals', 'createReferral'],
    ['GET', '/api/referrals/{id}', 'getReferral'],
    ['GET', '/api/referrals/{referralId}', 'getReferral'],
    ['POST', '/api/inbox/{referralId}/accept', 'acceptInboxReferral'],
    ['GET', '/api/inbox/{referralId}', 'getInboxReferral'],
    ['POST', '/api/referrals/{referralId}/consent/withdraw', 'withdrawReferralConsent'],
    ['POST', '/api/admin/users/{userId}/reset-totp', 'resetAdminUserTotp'],
    ['PATCH', '/api/courses/{courseId}/shelter-stays/{stayId}', 'updateCourseShelterStay'],
    ['POST', '/api/course-config/services/{serviceId}/eligibility-rules', 'createCourseConfigServiceEligibilityRule'],
    ['PUT', '/api/courses/{courseId}/safety-plan', 'setCourseSafetyPlan'],
    ['PUT', '/api/courses/{courseId}/outcomes/{phase}', 'setCourseOutcome'],
    ['GET', '/api/supervision/caseloads/{userId}', 'getSupervisionCaseload'],
    ['GET', '/api/courses/{courseId}/access-history/{extractId}/print', 'getCourseAccessHistoryExtractPrint'],
    ['GET', '/api/courses/{courseId}/underretninger/{underretningId}', 'getCourseUnderretning'],
    ['GET', '/api/health', 'getHealth'],
    ['DELETE', '/api/campaigns/{campaignId}', 'deleteCampaign'],
  ])('%s %s → %s', (method, path, operationId) => {
    expect(deriveOperationId(method, path)).toBe(operationId);
  });
});

describe('listProblemResponses', () => {
  const facts = { method: 'GET', hasPathParameters: false, hasInputSchema: false, hasBody: false, isPublic: true, isRateLimited: false, isIdempotent: false };

  it('a public GET without input can fail only on the server', () => {
    expect(Object.keys(listProblemResponses(facts))).toEqual(['default']);
  });

  it('an idempotent, rate-limited create on a session can give every generic problem', () => {
    const responses = listProblemResponses({ ...facts, method: 'POST', hasInputSchema: true, hasBody: true, isPublic: false, isRateLimited: true, isIdempotent: true });
    expect(Object.keys(responses)).toEqual(['400', '401', '403', '409', '413', '422', '429', 'default']);
    expect(responses['403']?.description).toContain('csrf_failed');
    expect(responses['422']?.description).toContain('idempotency_mismatch');
    expect(responses['400']?.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocument' } } });
  });

  it('a GET of an object by id on a session: 401, 403 without CSRF, 404, 422', () => {
    const responses = listProblemResponses({ ...facts, hasPathParameters: true, hasInputSchema: true, isPublic: false });
    expect(Object.keys(responses)).toEqual(['401', '403', '404', '422', 'default']);
    expect(responses['403']?.description).not.toContain('csrf');
  });
});
