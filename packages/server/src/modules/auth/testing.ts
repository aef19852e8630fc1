// Test helpers other modules' tests may use: signing in through the real routes, reading the audit log.
export { auditEntries, loginFully, loginWithPassword } from './auth.test-support.ts';
