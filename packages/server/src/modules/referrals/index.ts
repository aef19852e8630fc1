// The referrals module's surface: the consented referral loop (police/municipal referral, intake, closed-loop
// timeline), self-referral from the public contact form, onward referral from a course, and their jobs.
export { registerReferralRoutes } from './referral.routes.ts';
export { referralJobs } from './referral.jobs.ts';
export { publishReferralChanges, type ReferralChange } from './core/referral-transition.ts';
export { handOverReferralToCourse, readReferralForCourse } from './intake/intake.service.ts';
export { getReferralOptions } from './referring/referring.service.ts';
export {
  countReferralsNotMovable,
  endOpenReferrals,
  type OpenReferralFilter,
  type ReferralTarget,
} from './service-end/service-end.service.ts';
export {
  createOnwardReferral,
  isOnwardReferralOfCourse,
  isReferableService,
  listOnwardReferralsOfCourse,
  listOnwardServiceOptions,
} from './onward/onward-referral.service.ts';
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
