// The publishing module's surface: four-eyes approval of public content. A content module proposes new or changed
// items with `proposePublication` (in its own transaction) and reads their state with `readPublicationStates`; it
// plugs its kind in as a `PublishableKind`, which app.ts hands to `registerPublishingRoutes`.
export { registerPublishingRoutes } from './publishing.routes.ts';
export { proposePublication, readPublicationStates, type PublishableKind } from './publishing.service.ts';
