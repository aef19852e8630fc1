import { CourseFocus, SessionMode, type CourseServiceConfig } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignServiceStaff, fetchCourseConfig, saveCourseTemplate } from '../../api';
import { useResource } from '../../useResource';
import { CheckboxField, CheckboxGroup, TextField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { ActionForm, parseWholeNumber, SubmitButton, useCourseAction } from './course-ui';
import { RulesEditor } from './RulesEditor';
import './courses.css';

/**
 * `/course-config`: the organisation admin's course settings per service — the template, the eligibility rules
 * (versioned; the server refuses rules it cannot evaluate) and who works at the service. No course content.
 */
export function CourseConfigPage() {
  const { t } = useTranslation();
  const config = useResource((signal) => fetchCourseConfig(signal), []);
  const [message, setMessage] = useState<string>();
  const replace = (updated: CourseServiceConfig, text: string) => {
    if (config.data) config.setData(config.data.map((service) => (service.serviceId === updated.serviceId ? updated : service)));
    setMessage(text);
  };
  return (
    <>
      <PageHeading>{t('courses.config.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.config.intro')}</p>
      <LiveMessage message={message} isVisible />
      {config.error ? (
        <LoadFailed message={config.error.detail ?? t('errors.network')} onRetry={() => void config.reload()} />
      ) : !config.data ? (
        <Loading />
      ) : config.data.length === 0 ? (
        <p>{t('courses.config.empty')}</p>
      ) : (
        config.data.map((service) => (
          <section key={service.serviceId} className="app-section app-course-config" aria-labelledby={`service-${service.serviceId}`}>
            <h2 id={`service-${service.serviceId}`}>{service.serviceName}</h2>
            <p className="form-hint">{service.serviceLine ? t(`serviceLine.${service.serviceLine}`) : t('serviceLine.all')}</p>
            <TemplateForm service={service} onSaved={(updated) => replace(updated, t('courses.config.templateSaved', { service: service.serviceName }))} />
            <RulesEditor service={service} onSaved={(version) => setMessage(t('courses.config.rulesSaved', { service: service.serviceName, version }))} />
            <StaffForm service={service} onSaved={(updated) => replace(updated, t('courses.config.staffSaved', { service: service.serviceName }))} />
          </section>
        ))
      )}
    </>
  );
}

function TemplateForm({ service, onSaved }: { service: CourseServiceConfig; onSaved: (service: CourseServiceConfig) => void }) {
  const { t } = useTranslation();
  const template = service.template;
  const [sessions, setSessions] = useState(String(template.plannedSessions));
  const [modes, setModes] = useState<SessionMode[]>([...template.sessionModes]);
  const [focus, setFocus] = useState<CourseFocus[]>([...template.focus]);
  const [interval, setContactInterval] = useState(String(template.contactIntervalDays));
  const [highRiskInterval, setHighRiskInterval] = useState(String(template.highRiskContactIntervalDays));
  const [offersConference, setOffersConference] = useState(template.offersCaseConference);
  const prefix = `template-${service.serviceId}`;
  const action = useCourseAction(prefix, ['plannedSessions', 'sessionModes', 'focus', 'contactIntervalDays', 'highRiskContactIntervalDays', 'offersCaseConference']);

  const submit = () => {
    const found: Record<string, string> = {};
    const planned = parseWholeNumber(sessions);
    const days = parseWholeNumber(interval);
    const highRiskDays = parseWholeNumber(highRiskInterval);
    if (planned === undefined || planned < 1 || planned > 50) found[`${prefix}.plannedSessions`] = t('courses.config.range', { min: 1, max: 50 });
    if (modes.length === 0) found[`${prefix}.sessionModes`] = t('courses.config.chooseOne');
    if (focus.length === 0) found[`${prefix}.focus`] = t('courses.config.chooseOne');
    if (days === undefined || days < 1 || days > 90) found[`${prefix}.contactIntervalDays`] = t('courses.config.range', { min: 1, max: 90 });
    if (highRiskDays === undefined || highRiskDays < 1 || highRiskDays > 30) found[`${prefix}.highRiskContactIntervalDays`] = t('courses.config.range', { min: 1, max: 30 });
    if (planned === undefined || days === undefined || highRiskDays === undefined || Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () =>
      onSaved(
        await saveCourseTemplate(service.serviceId, {
          plannedSessions: planned,
          sessionModes: modes,
          focus,
          contactIntervalDays: days,
          highRiskContactIntervalDays: highRiskDays,
          offersCaseConference: offersConference,
        }),
      ),
    );
  };

  const number = (key: string, label: string, value: string, set: (value: string) => void, hint?: string) => (
    <TextField fieldKey={`${prefix}.${key}`} label={label} hint={hint} inputMode="numeric" inputClassName="app-short-input" value={value} error={action.errors[`${prefix}.${key}`]} onChange={(event) => set(event.target.value)} />
  );

  return (
    <ActionForm id={prefix} heading={t('courses.config.templateHeading', { service: service.serviceName })} action={action} onSubmit={submit}>
      {template.isDefault ? <p className="form-hint">{t('courses.config.defaultTemplate')}</p> : null}
      {number('plannedSessions', t('courses.config.plannedSessions'), sessions, setSessions)}
      <CheckboxGroup<SessionMode>
        fieldKey={`${prefix}.sessionModes`}
        legend={t('courses.config.sessionModes')}
        options={SessionMode.options.map((value) => ({ value, label: t(`courses.sessionMode.${value}`) }))}
        values={modes}
        error={action.errors[`${prefix}.sessionModes`]}
        onChange={setModes}
      />
      <CheckboxGroup<CourseFocus>
        fieldKey={`${prefix}.focus`}
        legend={t('courses.config.focus')}
        options={CourseFocus.options.map((value) => ({ value, label: t(`courses.focus.${value}`) }))}
        values={focus}
        error={action.errors[`${prefix}.focus`]}
        onChange={setFocus}
      />
      {number('contactIntervalDays', t('courses.config.contactInterval'), interval, setContactInterval, t('courses.config.contactIntervalHint'))}
      {number('highRiskContactIntervalDays', t('courses.config.highRiskInterval'), highRiskInterval, setHighRiskInterval)}
      <CheckboxField fieldKey={`${prefix}.offersCaseConference`} label={t('courses.config.caseConference')} hint={t('courses.config.caseConferenceHint')} isChecked={offersConference} onChange={setOffersConference} />
      <SubmitButton isBusy={action.isBusy}>{t('courses.config.saveTemplate')}</SubmitButton>
    </ActionForm>
  );
}

function StaffForm({ service, onSaved }: { service: CourseServiceConfig; onSaved: (service: CourseServiceConfig) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(service.staff.map((member) => member.membershipId));
  const prefix = `staff-${service.serviceId}`;
  const action = useCourseAction(prefix, ['membershipIds']);
  const submit = () => void action.run(async () => onSaved(await assignServiceStaff(service.serviceId, { membershipIds: chosen })));
  const staffRoles = ['intake_coordinator', 'counsellor', 'supervisor'] as const;
  const roleName = (role: string) => ((staffRoles as readonly string[]).includes(role) ? t(`roles.${role as (typeof staffRoles)[number]}`) : role);
  return (
    <ActionForm id={prefix} heading={t('courses.config.staffHeading', { service: service.serviceName })} action={action} onSubmit={submit}>
      {service.assignableStaff.length === 0 ? (
        <p>{t('courses.config.noStaff')}</p>
      ) : (
        <CheckboxGroup<string>
          fieldKey={`${prefix}.membershipIds`}
          legend={t('courses.config.staff')}
          hint={t('courses.config.staffHint')}
          options={service.assignableStaff.map((member) => ({ value: member.membershipId, label: `${member.displayName} (${roleName(member.role)})` }))}
          values={chosen}
          error={action.errors[`${prefix}.membershipIds`]}
          onChange={setChosen}
        />
      )}
      <SubmitButton isBusy={action.isBusy}>{t('courses.config.saveStaff')}</SubmitButton>
    </ActionForm>
  );
}
