// The OIDC module's surface: sign-in through an organisation's identity provider, invitations that link accounts,
// and the provider settings (which the organisations module changes, with the organisation's approval where needed).
export { registerOidcRoutes } from './oidc.routes.ts';
export {
  checkOidcProviderRequest,
  getOidcProviderSettings,
  saveOidcProviderSettings,
  toOidcProviderView,
  type OidcProviderChange,
} from './oidc-provider-admin.service.ts';
export { confirmOidcIdentities } from './oidc.queries.ts';
