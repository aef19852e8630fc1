import type { AdminService, CreateServiceRequest, EndServiceRequest, ServiceEndPreview, ServiceEndResult, UpdateServiceRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

export const serviceKeys = { services: ['admin', 'services'] as const };

/** The own organisation's services, with whom each takes and how many open cases it has. */
export const servicesQuery = queryOptions({ queryKey: serviceKeys.services, queryFn: ({ signal }) => request<AdminService[]>('GET', '/api/admin/services', { signal }) });

export const createService = (body: CreateServiceRequest) => request<AdminService>('POST', '/api/admin/services', { body });
export const updateService = (id: string, body: UpdateServiceRequest) => request<AdminService>('PUT', `/api/admin/services/${ids(id)}`, { body });

/** What ending a service would touch (counts only) and the services that can take all of it. */
export const serviceEndPreviewQuery = (id: string) =>
  queryOptions({ queryKey: [...serviceKeys.services, id, 'end'], queryFn: ({ signal }) => request<ServiceEndPreview>('GET', `/api/admin/services/${ids(id)}/end`, { signal }) });

export const endService = (id: string, body: EndServiceRequest) => request<ServiceEndResult>('POST', `/api/admin/services/${ids(id)}/end`, { body });
