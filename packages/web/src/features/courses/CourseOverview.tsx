import { AddressProtection } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assignCourseCounsellor, updateCourseProtection } from '../../api';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { SelectField } from '../../ui/fields';
import { SummaryList, type SummaryItem } from '../../ui/SummaryList';
import { useSignedInSession } from '../auth/useSession';
import { ActionForm, coursePath, CourseRiskBadge, CourseStatusBadge, SectionHeading, SubmitButton, useCourseAction, type SectionProps } from './course-ui';
import { SafeContactForm, SafeContactWarnings } from './SafeContactForm';

/** The course at a glance: status, risk, sessions used and left, safe contact (warnings first), protection. */
export function CourseOverview({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const canEditContact = course.allowedActions.includes('update_safe_contact');

  const items: SummaryItem[] = [
    { key: 'status', term: t('courses.overview.status'), value: <CourseStatusBadge status={course.status} /> },
    { key: 'risk', term: t('courses.overview.risk'), value: <CourseRiskBadge level={course.riskLevel} /> },
    { key: 'service', term: t('courses.overview.service'), value: course.serviceName },
    { key: 'role', term: t('courses.overview.role'), value: `${t(`courses.personRole.${course.personRole}`)} (${t(`serviceLine.${course.side}`)})` },
    { key: 'origin', term: t('courses.overview.origin'), value: course.referral ? t('courses.overview.fromReferral', { reference: course.referral.reference }) : t(`courses.origin.${course.origin}`) },
    { key: 'opened', term: t('courses.overview.opened'), value: format.dateTime(course.openedAt) },
    { key: 'counsellor', term: t('courses.overview.counsellor'), value: course.counsellor?.displayName ?? t('courses.noCounsellor') },
    {
      key: 'sessions',
      term: t('courses.overview.sessions'),
      value: t('courses.overview.sessionsValue', { used: course.sessions.used, planned: course.sessions.planned, remaining: course.sessions.remaining }),
    },
    { key: 'next', term: t('courses.overview.nextSession'), value: course.nextSessionAt ? format.dateTime(course.nextSessionAt) : t('courses.none') },
    {
      key: 'contact',
      term: t('courses.overview.lastContact'),
      value: (
        <>
          {format.dateTime(course.lastContactAt)}. {t('courses.overview.nextContactDue', { date: format.date(course.nextContactDueAt) })}{' '}
          {course.isContactOverdue && course.status !== 'closed' ? <Badge tone="warning">{t('courses.contactOverdue')}</Badge> : null}
        </>
      ),
    },
    { key: 'protection', term: t('courses.overview.protection'), value: t(`addressProtection.${course.addressProtection}`) },
    { key: 'focus', term: t('courses.overview.focus'), value: course.focus.map((focus) => t(`courses.focus.${focus}`)).join(', ') },
    { key: 'modes', term: t('courses.overview.modes'), value: course.sessionModes.map((mode) => t(`courses.sessionMode.${mode}`)).join(', ') },
  ];
  if (course.triage) items.push({ key: 'triage', term: t('courses.overview.triage'), value: t(`courses.triageDecision.${course.triage.decision}`) });
  if (course.closing) items.push({ key: 'closing', term: t('courses.overview.closing'), value: t(`courses.closingReason.${course.closing.reason}`) });

  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.overview')}</SectionHeading>
      <SummaryList items={items} />
      <AssignToMe course={course} onCourseChanged={onCourseChanged} onMessage={onMessage} />

      <h3>{t('courses.safeContact.heading')}</h3>
      <SafeContactWarnings preferences={course.safeContact.preferences} />
      <SummaryList
        items={[
          { key: 'phone', term: t('courses.safeContact.phone'), value: course.safeContact.phone ?? t('courses.none') },
          { key: 'email', term: t('courses.safeContact.email'), value: course.safeContact.email ?? t('courses.none') },
          { key: 'language', term: t('courses.safeContact.language'), value: t(`languages.${course.safeContact.preferences.language}`) },
        ]}
      />
      {canEditContact ? (
        <>
          <SafeContactForm
            course={course}
            onSaved={(updated) => {
              onCourseChanged(updated);
              onMessage(t('courses.safeContact.saved'));
            }}
          />
          <ProtectionForm course={course} onCourseChanged={onCourseChanged} onMessage={onMessage} />
        </>
      ) : null}

      <h3>{t('courses.overview.historyHeading')}</h3>
      {course.otherCourses.length === 0 ? (
        <p>{t('courses.overview.noOtherCourses')}</p>
      ) : (
        <ul>
          {course.otherCourses.map((other) => (
            <li key={other.id}>
              <Link to={coursePath(other.id)}>{other.reference}</Link> · {other.serviceName} · {t(`courses.status.${other.status}`)} ·{' '}
              {t('courses.overview.period', { from: format.date(other.openedAt), to: other.closedAt ? format.date(other.closedAt) : '…' })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A counsellor takes an unassigned course (or one of a colleague) into their own caseload. */
function AssignToMe({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const action = useCourseAction('assign', ['counsellorUserId']);
  const isMine = course.counsellor?.userId === session.user.id;
  if (!course.allowedActions.includes('assign_counsellor') || session.role !== 'counsellor' || isMine) return null;
  const submit = () =>
    void action.run(async () => {
      onCourseChanged(await assignCourseCounsellor(course.id, { counsellorUserId: session.user.id }));
      onMessage(t('courses.overview.assigned'));
    });
  return (
    <ActionForm id="assign" heading={t('courses.overview.assignHeading')} action={action} onSubmit={submit}>
      <SubmitButton variant="secondary" isBusy={action.isBusy}>
        {t('courses.overview.assignToMe')}
      </SubmitButton>
    </ActionForm>
  );
}

/** The protection flag hides addresses everywhere they are not strictly needed (printed plans included). */
function ProtectionForm({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<AddressProtection>(course.addressProtection);
  const action = useCourseAction('protection', ['addressProtection']);
  const submit = () =>
    void action.run(async () => {
      onCourseChanged(await updateCourseProtection(course.id, { addressProtection: value }));
      onMessage(t('courses.overview.protectionSaved'));
    });
  return (
    <ActionForm id="protection" heading={t('courses.overview.protectionHeading')} action={action} onSubmit={submit}>
      <SelectField
        fieldKey="protection.addressProtection"
        label={t('courses.overview.protection')}
        hint={t('courses.overview.protectionHint')}
        options={AddressProtection.options.map((option) => ({ value: option, label: t(`addressProtection.${option}`) }))}
        value={value}
        error={action.errors['protection.addressProtection']}
        onChange={setValue}
      />
      <SubmitButton variant="secondary" isBusy={action.isBusy}>
        {t('courses.overview.protectionSave')}
      </SubmitButton>
    </ActionForm>
  );
}
