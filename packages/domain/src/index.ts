export * from './identity/access.ts';
export * from './common/problem.ts';
export * from './person/cpr.ts';
export * from './referral/referral-status.ts';
export * from './referral/Referral.ts';
export * from './referral/routing.ts';
export * from './referral/deadline.ts';
