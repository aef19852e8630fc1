// The public site's surface: every server-rendered page for people looking for help (registered by app.ts), the
// "not found" page the app's error handling answers for a path nothing serves, and the static start pages main.ts
// writes for the load balancer's error page.
export { createNotFoundPageSender, registerPublicSite } from './public-site.routes.ts';
export { writeStaticStartPages } from './static-start-pages.ts';
