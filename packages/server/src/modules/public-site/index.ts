// The public site's surface: every server-rendered page for people looking for help, registered by app.ts.
export { registerPublicSite } from './public-site.routes.ts';
