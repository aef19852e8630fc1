// The referrals module's surface: the consented referral loop (police/municipal referral, intake, closed-loop
// timeline), self-referral from the public contact form, onward referral from a course, and their jobs.
export { registerReferralRoutes } from './referral.routes.ts';
export { referralJobs } from './referral.jobs.ts';
export { getRecord } from './referral.service.ts';
export { findOnwardTarget, insertPerson } from './referral.queries.ts';
export { receiverVisibility } from './referral-access.ts';
export { applyReferralTransition, publishReferralChanges } from './referral-transition.ts';
export { isConsentWithdrawn, visibleCategoriesOf } from './referral-views.ts';
export { createOnwardReferral, listOnwardReferralsOfCourse, listOnwardServiceOptions } from './onward-referral.service.ts';
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
} from './self-referral.service.ts';
