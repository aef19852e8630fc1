import { describe, expect, it } from 'vitest';
import { hasPermission, isSecondFactorRequired, listRolesWithPermission, Permission, permissionsByRole, Role } from './access.ts';

const roles = Role.options;
const sessionLevelPermissions = ['public', 'session', 'mfa_pending'] as const;
const referralPermissions = Permission.options.filter((permission) => permission.startsWith('referral:'));
/** Permissions that show course content (configuration shows none). */
const courseContentPermissions = Permission.options.filter((permission) => (permission.startsWith('course:') && permission !== 'course:configure') || permission === 'access_history:produce');

describe('the authorization matrix', () => {
  it('gives a platform admin no referral permission at all (no case content)', () => {
    for (const permission of referralPermissions) expect(hasPermission('platform_admin', permission)).toBe(false);
  });

  it('gives an organisation admin no referral permission either', () => {
    for (const permission of referralPermissions) expect(hasPermission('organisation_admin', permission)).toBe(false);
  });

  it('gives platform and organisation admins no course content at all', () => {
    for (const role of ['platform_admin', 'organisation_admin'] as const) {
      for (const permission of courseContentPermissions) expect(hasPermission(role, permission), `${role} / ${permission}`).toBe(false);
    }
  });

  it('lets only counsellors record course work, and only supervisors see others\' caseloads', () => {
    expect(roles.filter((role) => hasPermission(role, 'course:write'))).toEqual(['counsellor']);
    expect(roles.filter((role) => hasPermission(role, 'course:supervise'))).toEqual(['supervisor']);
  });

  it('lets only organisation admins configure courses, and only platform admins publish instruments', () => {
    expect(roles.filter((role) => hasPermission(role, 'course:configure'))).toEqual(['organisation_admin']);
    expect(roles.filter((role) => hasPermission(role, 'instruments:manage'))).toEqual(['platform_admin']);
    expect(roles.filter((role) => hasPermission(role, 'platform:messages'))).toEqual(['platform_admin']);
  });

  it('keeps approving directory listings apart from keeping them: no role does both', () => {
    expect(roles.filter((role) => hasPermission(role, 'directory:approve'))).toEqual(['platform_admin']);
    for (const role of roles) expect(hasPermission(role, 'directory:approve') && hasPermission(role, 'directory:manage'), role).toBe(false);
  });

  it('guards each organisation admin task with its own permission, granted to the organisation admin only', () => {
    const intended: Record<string, Role[]> = {
      'users:manage': ['organisation_admin'],
      'services:manage': ['organisation_admin'],
      'directory:manage': ['organisation_admin'],
      'campaigns:manage': ['organisation_admin'],
      'statistics:read': ['organisation_admin'],
    };
    for (const [permission, holders] of Object.entries(intended)) {
      expect(roles.filter((role) => hasPermission(role, Permission.parse(permission))), permission).toEqual(holders);
      expect(listRolesWithPermission(Permission.parse(permission)), permission).toEqual(holders);
    }
  });

  it('never lets users:manage stand in for directory, campaign or statistics work', () => {
    // Deny by default: holding users:manage implies nothing; every other task must be listed for the role itself.
    for (const permission of ['services:manage', 'directory:manage', 'campaigns:manage', 'statistics:read'] as const) {
      for (const role of roles) expect(hasPermission(role, permission), `${role} / ${permission}`).toBe(permissionsByRole[role].includes(permission));
    }
  });

  it('gives a platform admin none of an organisation\'s own administration', () => {
    for (const permission of ['users:manage', 'services:manage', 'directory:manage', 'campaigns:manage', 'statistics:read'] as const) expect(hasPermission('platform_admin', permission)).toBe(false);
  });

  it('gives a referrer nothing of the courses', () => {
    for (const permission of courseContentPermissions) expect(hasPermission('referrer', permission)).toBe(false);
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
