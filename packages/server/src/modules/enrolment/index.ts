// The enrolment module's surface: one-time enrolment links (set a password, then TOTP) and the first platform admin.
export { registerEnrolmentRoutes } from './enrolment.routes.ts';
export { createPlatformAdmin, ENROLMENT_LINK_LIFETIME_MS } from './enrolment.service.ts';
