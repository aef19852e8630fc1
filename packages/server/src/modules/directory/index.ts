// The directory module's surface: the public help directory (HSDS model), its staff administration, the HSDS API
// and its jobs; and, for the public site, the directory's search and its vocabulary in the public languages.
export { registerDirectoryRoutes } from './directory.routes.ts';
export { directoryJobs } from './directory.jobs.ts';
export { insertHelpService } from './directory.service.ts';
export { createDirectoryListingPublishing } from './listing-publication.service.ts';
export {
  findPublicHelpService,
  searchDirectory,
  statusesOnPublicPages,
  type LocalisedText,
  type PublicHelpService,
} from './public-directory.service.ts';
export { channelLabel, isPageLanguage, PAGE_LANGUAGES, situationLabel, targetGroupLabel, type PageLanguage } from './vocabulary.text.ts';
