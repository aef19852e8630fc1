// The auth module's surface: password + TOTP sign-in, sessions, sign-out.
export { registerAuthRoutes } from './auth.routes.ts';
export { forgetSignInAddressFailures } from './lockout.service.ts';
