import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/app-deps.ts';
import { registerCampaignPages } from './campaign-pages.routes.ts';
import { registerContactPages } from './contact-pages.routes.ts';
import { registerHelpPages } from './help-pages.routes.ts';

/**
 * The public site: pages for people looking for help, readable without JavaScript, with no cookie, nothing stored
 * in the browser and a quick exit on every page. It reads the directory, campaigns and self-referral only through
 * those modules' surfaces.
 */
export function registerPublicSite(app: FastifyInstance, deps: AppDeps): void {
  registerHelpPages(app, deps);
  registerContactPages(app, deps);
  registerCampaignPages(app, deps);
}
