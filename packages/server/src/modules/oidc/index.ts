// The OIDC module's surface: sign-in through an organisation's identity provider, and its administration.
export { registerOidcRoutes } from './oidc.routes.ts';
