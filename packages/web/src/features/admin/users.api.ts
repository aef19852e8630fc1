import type { AdminUser, OidcInvitation, CreateUnitRequest, CreateUserRequest, CreateUserResponse, Unit, UpdateUserRequest, UserAction } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

export const userKeys = { users: ['admin', 'users'] as const, units: ['admin', 'units'] as const };

/** The users of the admin's own organisation (sort them for display with the Danish collator). */
export const usersQuery = queryOptions({ queryKey: userKeys.users, queryFn: ({ signal }) => request<AdminUser[]>('GET', '/api/admin/users', { signal }) });
export const unitsQuery = queryOptions({ queryKey: userKeys.units, queryFn: ({ signal }) => request<Unit[]>('GET', '/api/admin/units', { signal }) });

/** The initial password in the answer is shown once and never again. */
export const createUser = (body: CreateUserRequest) => request<CreateUserResponse>('POST', '/api/admin/users', { body });
export const updateUser = (id: string, body: UpdateUserRequest) => request<AdminUser>('PATCH', `/api/admin/users/${ids(id)}`, { body });
export const changeUser = (id: string, action: UserAction) => request<AdminUser>('POST', `/api/admin/users/${ids(id)}/${action}`, { body: {} });
export const createUnit = (body: CreateUnitRequest) => request<Unit>('POST', '/api/admin/units', { body });
/** A one-time link that lets the user link their account at the organisation's identity provider; shown once. */
export const inviteToOidc = (id: string) => request<OidcInvitation>('POST', `/api/admin/users/${ids(id)}/oidc-invitation`, { body: {} });
