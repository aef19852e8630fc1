// The campaigns module's surface: staff administration of awareness campaigns, and the published campaign the
// public site shows.
export { registerCampaignRoutes } from './campaign.routes.ts';
export { findPublicCampaign, insertCampaignOf, type PublicCampaign } from './campaign.service.ts';
export { setCampaignStatus } from './campaign.queries.ts';
