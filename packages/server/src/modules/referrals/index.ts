// The referrals module's surface: the consented referral loop (police/municipal referral, intake, closed-loop
// timeline), self-referral from the public contact form, onward referral from a course, and their jobs.
export { registerReferralRoutes } from './referral.routes.ts';
export { referralJobs } from './deadlines/deadline.jobs.ts';
export { getRecord } from './core/referral-record.service.ts';
export { findOnwardTarget } from './onward/onward-referral.queries.ts';
export { receiverVisibility } from './core/referral-access.ts';
export { applyReferralTransition, publishReferralChanges } from './core/referral-transition.ts';
export { isConsentWithdrawn, visibleCategoriesOf } from './core/referral-views.ts';
export { createOnwardReferral, listOnwardReferralsOfCourse, listOnwardServiceOptions } from './onward/onward-referral.service.ts';
export {
  checkChallenge,
  createSelfReferral,
  findReceiptOfChallenge,
  getContactFormOptions,
  getHeardAboutStatistics,
  issueChallenge,
  lookUpReceipt,
  validateSelfReferral,
  type ContactFormOptions,
  type SelfReferralFieldErrors,
  type SelfReferralTarget,
} from './self-referral/self-referral.service.ts';
