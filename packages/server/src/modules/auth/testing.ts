// Test helpers other modules' tests may use: signing in through the real routes, reading the audit log.
export { auditEntries, loginFully, loginWithPassword, makeAuthenticationStale, sessionFrom, totpCode } from './auth.test-support.ts';
