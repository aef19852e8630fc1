import type { AssignServiceStaffRequest, CourseServiceConfig, CourseTemplateInput, EligibilityRuleSetView } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

// Course configuration (organisation admin): templates, eligibility rules, staff; no course content.
const configService = (serviceId: string) => `/api/course-config/services/${ids(serviceId)}`;

export const courseConfigQuery = queryOptions({
  queryKey: ['course-config'],
  queryFn: ({ signal }) => request<CourseServiceConfig[]>('GET', '/api/course-config/services', { signal }),
});

export const saveCourseTemplate = (serviceId: string, body: CourseTemplateInput) => request<CourseServiceConfig>('PUT', `${configService(serviceId)}/template`, { body });
/**
 * The admin's rules go as written (`EligibilityRules` once valid): the server validates them and names each problem's
 * place (422). Typing them here would claim a shape the admin's text may not have.
 */
export const saveEligibilityRules = (serviceId: string, rules: unknown) => request<EligibilityRuleSetView>('POST', `${configService(serviceId)}/eligibility-rules`, { body: rules });
/** Every saved version of a service's rules, newest first; asked for when the admin wants to see them. */
export const ruleVersionsQuery = (serviceId: string) =>
  queryOptions({ queryKey: ['course-config', serviceId, 'rule-versions'], queryFn: ({ signal }) => request<EligibilityRuleSetView[]>('GET', `${configService(serviceId)}/eligibility-rules`, { signal }) });
export const assignServiceStaff = (serviceId: string, body: AssignServiceStaffRequest) => request<CourseServiceConfig>('PUT', `${configService(serviceId)}/staff`, { body });
