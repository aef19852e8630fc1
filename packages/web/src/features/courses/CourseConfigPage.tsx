import { AssignServiceStaffRequest, CourseFocus, CourseTemplateInput, SessionMode, type CourseServiceConfig } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { FormCheckboxField, FormCheckboxGroup, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { assignServiceStaff, courseConfigQuery, saveCourseTemplate } from './course-config.api';
import { parseWholeNumber, useCourseForm } from './course-ui';
import { RulesEditor } from './RulesEditor';
import './courses.css';

/**
 * `/course-config`: the organisation admin's course settings per service — the template, the eligibility rules
 * (versioned; the server refuses rules it cannot evaluate) and who works at the service. No course content.
 */
export function CourseConfigPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const config = useQuery(courseConfigQuery);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('courses.config.heading'));
  const replace = (updated: CourseServiceConfig, text: string) => {
    queryClient.setQueryData(courseConfigQuery.queryKey, (services) => services?.map((service) => (service.serviceId === updated.serviceId ? updated : service)));
    setMessage(text);
  };
  return (
    <>
      <PageHeading>{t('courses.config.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.config.intro')}</p>
      <LiveMessage message={message} isVisible />
      <Loaded query={config}>
        {(services) =>
          services.length === 0 ? (
            <p>{t('courses.config.empty')}</p>
          ) : (
            services.map((service) => (
              <section key={service.serviceId} className="app-section app-course-config" aria-labelledby={`service-${service.serviceId}`}>
                <h2 id={`service-${service.serviceId}`}>{service.serviceName}</h2>
                <p className="form-hint">{service.serviceLine ? t(`serviceLine.${service.serviceLine}`) : t('serviceLine.all')}</p>
                <TemplateForm service={service} onSaved={(updated) => replace(updated, t('courses.config.templateSaved', { service: service.serviceName }))} />
                <RulesEditor service={service} onSaved={(version) => setMessage(t('courses.config.rulesSaved', { service: service.serviceName, version }))} />
                <StaffForm service={service} onSaved={(updated) => replace(updated, t('courses.config.staffSaved', { service: service.serviceName }))} />
              </section>
            ))
          )
        }
      </Loaded>
    </>
  );
}

type TemplateValues = {
  plannedSessions: string;
  sessionModes: SessionMode[];
  focus: CourseFocus[];
  contactIntervalDays: string;
  highRiskContactIntervalDays: string;
  offersCaseConference: boolean;
};

/** The template, checked with the server's CourseTemplateInput: numbers as typed, each with its allowed range. */
const toTemplateRequest = (values: TemplateValues) => ({
  ...values,
  plannedSessions: parseWholeNumber(values.plannedSessions),
  contactIntervalDays: parseWholeNumber(values.contactIntervalDays),
  highRiskContactIntervalDays: parseWholeNumber(values.highRiskContactIntervalDays),
});

const templateMessages = (t: TFunction) => ({
  plannedSessions: t('courses.config.range', { min: 1, max: 50 }),
  sessionModes: t('courses.config.chooseOne'),
  focus: t('courses.config.chooseOne'),
  contactIntervalDays: t('courses.config.range', { min: 1, max: 90 }),
  highRiskContactIntervalDays: t('courses.config.range', { min: 1, max: 30 }),
});

function TemplateForm({ service, onSaved }: { service: CourseServiceConfig; onSaved: (service: CourseServiceConfig) => void }) {
  const { t } = useTranslation();
  const { template } = service;
  const prefix = `template-${service.serviceId}`;
  const form = useCourseForm({
    schema: useRequestSchema(CourseTemplateInput, toTemplateRequest, templateMessages),
    defaultValues: {
      plannedSessions: String(template.plannedSessions),
      sessionModes: [...template.sessionModes],
      focus: [...template.focus],
      contactIntervalDays: String(template.contactIntervalDays),
      highRiskContactIntervalDays: String(template.highRiskContactIntervalDays),
      offersCaseConference: template.offersCaseConference,
    },
    idPrefix: prefix,
    onSubmit: async (request) => onSaved(await saveCourseTemplate(service.serviceId, request)),
  });
  const number = { control: form.control, inputMode: 'numeric', inputClassName: 'app-short-input' } as const;
  return (
    <FormPanel id={prefix} heading={t('courses.config.templateHeading', { service: service.serviceName })} form={form}>
      {template.isDefault ? <p className="form-hint">{t('courses.config.defaultTemplate')}</p> : null}
      <FormTextField {...number} name="plannedSessions" label={t('courses.config.plannedSessions')} />
      <FormCheckboxGroup<TemplateValues, SessionMode>
        control={form.control}
        name="sessionModes"
        legend={t('courses.config.sessionModes')}
        options={SessionMode.options.map((value) => ({ value, label: t(`courses.sessionMode.${value}`) }))}
      />
      <FormCheckboxGroup<TemplateValues, CourseFocus> control={form.control} name="focus" legend={t('courses.config.focus')} options={CourseFocus.options.map((value) => ({ value, label: t(`courses.focus.${value}`) }))} />
      <FormTextField {...number} name="contactIntervalDays" label={t('courses.config.contactInterval')} hint={t('courses.config.contactIntervalHint')} />
      <FormTextField {...number} name="highRiskContactIntervalDays" label={t('courses.config.highRiskInterval')} />
      <FormCheckboxField control={form.control} name="offersCaseConference" label={t('courses.config.caseConference')} hint={t('courses.config.caseConferenceHint')} />
      <SubmitButton isBusy={form.isBusy}>{t('courses.config.saveTemplate')}</SubmitButton>
    </FormPanel>
  );
}

const staffRoles = ['intake_coordinator', 'counsellor', 'supervisor'] as const;

function StaffForm({ service, onSaved }: { service: CourseServiceConfig; onSaved: (service: CourseServiceConfig) => void }) {
  const { t } = useTranslation();
  const prefix = `staff-${service.serviceId}`;
  const schema = useRequestSchema(AssignServiceStaffRequest, (values: AssignServiceStaffRequest) => values);
  const form = useCourseForm({
    schema,
    defaultValues: { membershipIds: service.staff.map((member) => member.membershipId) },
    idPrefix: prefix,
    onSubmit: async (request) => onSaved(await assignServiceStaff(service.serviceId, request)),
  });
  const roleName = (role: string) => ((staffRoles as readonly string[]).includes(role) ? t(`roles.${role as (typeof staffRoles)[number]}`) : role);
  return (
    <FormPanel id={prefix} heading={t('courses.config.staffHeading', { service: service.serviceName })} form={form}>
      {service.assignableStaff.length === 0 ? (
        <p>{t('courses.config.noStaff')}</p>
      ) : (
        <FormCheckboxGroup
          control={form.control}
          name="membershipIds"
          legend={t('courses.config.staff')}
          hint={t('courses.config.staffHint')}
          options={service.assignableStaff.map((member) => ({ value: member.membershipId, label: `${member.displayName} (${roleName(member.role)})` }))}
        />
      )}
      <SubmitButton isBusy={form.isBusy}>{t('courses.config.saveStaff')}</SubmitButton>
    </FormPanel>
  );
}
