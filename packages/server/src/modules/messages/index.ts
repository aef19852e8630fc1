// The messages module's surface: the transactional outbox. Modules queue e-mail and SMS with enqueueMessage inside
// their own transaction; the deliver-outbox-messages job sends them; the platform admin sees how delivery went.
export { registerMessageRoutes } from './message.routes.ts';
export { createOutboxMetricsCollectors, enqueueMessage } from './message.service.ts';
export { createMessageJobs, deliverDueMessages, MAX_DELIVERY_ATTEMPTS, type SendTimeCheck, type SendTimeChecks } from './message.jobs.ts';
