// The directory module's surface: the public help directory (HSDS model), its staff administration, the HSDS API,
// the public pages and their jobs.
export { registerDirectoryRoutes } from './directory.routes.ts';
export { registerPublicPages } from './public-pages.routes.ts';
export { registerContactPages } from './contact-pages.routes.ts';
export { registerCampaignPages } from './campaign-pages.routes.ts';
export { directoryJobs } from './directory.jobs.ts';
export { insertHelpService } from './directory.service.ts';
