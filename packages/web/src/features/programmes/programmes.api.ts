import type { AppointManagerRequest, CreateProgrammeRequest, EndProgrammeRequest, Programme, ProgrammeChoices, ProgrammeOverview, ProgrammeSummary, UpdateProgrammeRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const programme = (id: string) => `/api/programmes/${ids(id)}`;

export const programmeKeys = { all: ['programmes'] as const, platform: ['platform', 'programmes'] as const };

/** The programmes the user manages (a grant, not a role: the navigation shows "Programmer" when there are any). */
export const managedProgrammesQuery = queryOptions({ queryKey: [...programmeKeys.all, 'mine'], queryFn: ({ signal }) => request<ProgrammeSummary[]>('GET', '/api/programmes', { signal }) });
export const programmeQuery = (id: string) => queryOptions({ queryKey: [...programmeKeys.all, id], queryFn: ({ signal }) => request<Programme>('GET', programme(id), { signal }) });
export const programmeOverviewQuery = (id: string) =>
  queryOptions({ queryKey: [...programmeKeys.all, id, 'overview'], queryFn: ({ signal }) => request<ProgrammeOverview>('GET', `${programme(id)}/overview`, { signal }) });
export const programmeChoicesQuery = queryOptions({ queryKey: [...programmeKeys.all, 'choices'], queryFn: ({ signal }) => request<ProgrammeChoices>('GET', '/api/programmes/choices', { signal }) });
export const updateProgramme = (id: string, body: UpdateProgrammeRequest) => request<Programme>('PUT', programme(id), { body });
export const endProgramme = (id: string, body: EndProgrammeRequest) => request<Programme>('POST', `${programme(id)}/end`, { body });

/** The platform admin's view: every programme and its managers. */
export const allProgrammesQuery = queryOptions({ queryKey: programmeKeys.platform, queryFn: ({ signal }) => request<ProgrammeSummary[]>('GET', '/api/platform/programmes', { signal }) });
export const createProgramme = (body: CreateProgrammeRequest) => request<ProgrammeSummary>('POST', '/api/platform/programmes', { body });
export const appointManager = (id: string, body: AppointManagerRequest) => request<ProgrammeSummary>('POST', `/api/platform/programmes/${ids(id)}/managers`, { body });
/** A manager appoints a co-manager of their own programme. */
export const appointCoManager = (id: string, body: AppointManagerRequest) => request<ProgrammeSummary>('POST', `${programme(id)}/managers`, { body });
export const removeManager = (id: string, userId: string) => request<ProgrammeSummary>('DELETE', `${programme(id)}/managers/${ids(userId)}`);
