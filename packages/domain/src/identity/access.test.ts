import { describe, expect, it } from 'vitest';
import { hasPermission, isSecondFactorRequired, Permission, permissionsByRole, Role } from './access.ts';

const roles = Role.options;
const sessionLevelPermissions = ['public', 'session', 'mfa_pending'] as const;
const referralPermissions = Permission.options.filter((permission) => permission.startsWith('referral:'));

describe('the authorization matrix', () => {
  it('gives a platform admin no referral permission at all (no case content)', () => {
    for (const permission of referralPermissions) expect(hasPermission('platform_admin', permission)).toBe(false);
  });

  it('gives an organisation admin no referral permission either', () => {
    for (const permission of referralPermissions) expect(hasPermission('organisation_admin', permission)).toBe(false);
  });

  it.each(roles)('gives %s at least one permission', (role) => {
    expect(permissionsByRole[role].length).toBeGreaterThan(0);
  });

  it('lists only role permissions in the matrix, never the session levels', () => {
    for (const role of roles) for (const permission of sessionLevelPermissions) expect(permissionsByRole[role]).not.toContain(permission);
  });

  it('lets only intake coordinators decide on referrals', () => {
    expect(roles.filter((role) => hasPermission(role, 'referral:decide'))).toEqual(['intake_coordinator']);
  });

  it('requires a second factor of every role', () => {
    for (const role of roles) expect(isSecondFactorRequired(role)).toBe(true);
  });
});

describe('hasPermission', () => {
  it.each(roles)('grants public, session and mfa_pending to %s', (role) => {
    for (const permission of sessionLevelPermissions) expect(hasPermission(role, permission)).toBe(true);
  });

  it('grants a role permission exactly when the matrix lists it', () => {
    for (const role of roles) {
      for (const permission of Permission.options) {
        if ((sessionLevelPermissions as readonly string[]).includes(permission)) continue;
        expect(hasPermission(role, permission), `${role} / ${permission}`).toBe(permissionsByRole[role].includes(permission));
      }
    }
  });
});
