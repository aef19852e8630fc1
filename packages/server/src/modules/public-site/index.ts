// The public site's surface: every server-rendered page for people looking for help (registered by app.ts), and
// the "not found" page the app's error handling answers for a path nothing serves.
export { createNotFoundPageSender, registerPublicSite } from './public-site.routes.ts';
