// The services module's surface: an organisation admin's own services (tilbud) — line, deadlines, contact attempts —
// and ending one, with its open work handed over or closed; `handOverOpenReferrals` does the referral part of that for
// whoever ends something else (a programme).
export { registerServiceAdminRoutes } from './service-admin.routes.ts';
export { createService } from './service-admin.service.ts';
export { handOverOpenReferrals } from './service-end.service.ts';
