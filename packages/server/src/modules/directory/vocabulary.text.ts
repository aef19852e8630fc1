// The directory's vocabulary in the public languages (target groups, channels, situations) is kept in
// @bro/domain, so the staff app shows the same words as the public site and the HSDS API; this module's surface
// goes on offering it to the public site.
export { channelLabel, isPageLanguage, PAGE_LANGUAGES, situationLabel, targetGroupLabel, type PageLanguage } from '@bro/domain';
