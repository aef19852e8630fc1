import type { AdminChangeRequested, CreateOrganisationAdminRequest, CreateOrganisationRequest, CreateUserResponse, PlatformOrganisation, UpdateOrganisationRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const organisation = (id: string) => `/api/platform/organisations/${ids(id)}`;

/** Every organisation on the platform (sort them for display with the Danish collator). */
export const organisationsQuery = queryOptions({
  queryKey: ['platform', 'organisations'],
  queryFn: ({ signal }) => request<PlatformOrganisation[]>('GET', '/api/platform/organisations', { signal }),
});

export const createOrganisation = (body: CreateOrganisationRequest) => request<PlatformOrganisation>('POST', '/api/platform/organisations', { body });
export const updateOrganisation = (id: string, body: UpdateOrganisationRequest) => request<PlatformOrganisation>('PATCH', organisation(id), { body });
/**
 * The organisation's first admin (the initial password in the answer is shown once), or, where the organisation has
 * an admin of its own, a request that waits for their approval (`202`, four eyes).
 */
export const createOrganisationAdmin = (id: string, body: CreateOrganisationAdminRequest) =>
  request<CreateUserResponse | AdminChangeRequested>('POST', `${organisation(id)}/admins`, { body });

export const isChangeRequested = (answer: CreateUserResponse | AdminChangeRequested): answer is AdminChangeRequested => 'status' in answer;
