/**
 * How large a request body each API route accepts (issue 12 §1): small by default, so a client cannot make the
 * server parse and walk megabytes of JSON; larger only where a valid request needs it. A body over the limit is a
 * 413 problem document before it is parsed. (The public site's form posts have their own 16 KB limit.)
 *
 * The sizes allow the schema's longest texts in a script of two bytes a letter (Arabic), with room for JSON.
 */
export const DEFAULT_API_BODY_LIMIT = 16 * 1024;

const KB = 1024;

/** The routes that need more, by "METHOD /path" as registered. input-bounds.test.ts checks each one exists. */
export const LARGER_BODY_LIMITS: Readonly<Record<string, number>> = {
  // Configuration documents: a whole risk instrument or eligibility rule set.
  'POST /api/risk-instruments': 256 * KB,
  'POST /api/course-config/services/:serviceId/eligibility-rules': 256 * KB,
  'PUT /api/course-config/services/:serviceId/template': 64 * KB,
  // Case work with many long texts.
  'POST /api/courses/:courseId/risk-assessments': 256 * KB,
  'PUT /api/courses/:courseId/safety-plan': 256 * KB,
  'POST /api/courses/:courseId/close': 32 * KB,
  'PUT /api/courses/:courseId/sessions/:sessionId/note': 32 * KB,
  'POST /api/courses/:courseId/onward-referrals': 32 * KB,
  'POST /api/courses': 32 * KB,
  'POST /api/referrals': 32 * KB,
  // A draft holds up to 32,000 characters of JSON.
  'PUT /api/referrals/draft': 128 * KB,
  'PUT /api/course-config/services/:serviceId/staff': 32 * KB,
  // Public content in three languages.
  'POST /api/campaigns': 192 * KB,
  'PATCH /api/campaigns/:campaignId': 192 * KB,
  'POST /api/directory/services': 192 * KB,
  'PATCH /api/directory/services/:serviceId': 192 * KB,
  'PUT /api/programmes/:programmeId': 96 * KB,
};

/** The body limit of an API route. */
export function bodyLimitOf(method: string, url: string): number {
  return LARGER_BODY_LIMITS[`${method} ${url}`] ?? DEFAULT_API_BODY_LIMIT;
}
