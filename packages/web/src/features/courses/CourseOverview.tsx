import { AddressProtection, UpdateProtectionRequest, type Course } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormSelectField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useFormat, type Formatters } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { SummaryList, type SummaryItem } from '../../ui/SummaryList';
import { useSignedInSession } from '../auth/useSession';
import { coursePath, CourseRiskLevel, CourseStatusBadge, SectionHeading, useCourseForm, type SectionProps } from './course-ui';
import { assignCourseCounsellor, updateCourseProtection } from './courses.api';
import { SafeContactForm, SafeContactWarnings } from './SafeContactForm';

/** The course at a glance, most important first. */
function overviewItems(course: Course, t: TFunction, format: Formatters): SummaryItem[] {
  const { sessions } = course;
  const items: (SummaryItem | false)[] = [
    { key: 'status', term: t('courses.overview.status'), value: <CourseStatusBadge status={course.status} /> },
    { key: 'risk', term: t('courses.overview.risk'), value: <CourseRiskLevel course={course} /> },
    { key: 'service', term: t('courses.overview.service'), value: course.serviceName },
    { key: 'role', term: t('courses.overview.role'), value: `${t(`courses.personRole.${course.personRole}`)} (${t(`serviceLine.${course.side}`)})` },
    { key: 'origin', term: t('courses.overview.origin'), value: course.referral ? t('courses.overview.fromReferral', { reference: course.referral.reference }) : t(`courses.origin.${course.origin}`) },
    { key: 'opened', term: t('courses.overview.opened'), value: format.dateTime(course.openedAt) },
    { key: 'counsellor', term: t('courses.overview.counsellor'), value: course.counsellor?.displayName ?? t('courses.noCounsellor') },
    { key: 'sessions', term: t('courses.overview.sessions'), value: t('courses.overview.sessionsValue', { used: sessions.used, planned: sessions.planned, remaining: sessions.remaining }) },
    { key: 'next', term: t('courses.overview.nextSession'), value: course.nextSessionAt ? format.dateTime(course.nextSessionAt) : t('courses.none') },
    { key: 'contact', term: t('courses.overview.lastContact'), value: <LastContact course={course} format={format} /> },
    { key: 'protection', term: t('courses.overview.protection'), value: t(`addressProtection.${course.addressProtection}`) },
    { key: 'focus', term: t('courses.overview.focus'), value: course.focus.map((focus) => t(`courses.focus.${focus}`)).join(', ') },
    { key: 'modes', term: t('courses.overview.modes'), value: course.sessionModes.map((mode) => t(`courses.sessionMode.${mode}`)).join(', ') },
    course.triage !== null && { key: 'triage', term: t('courses.overview.triage'), value: t(`courses.triageDecision.${course.triage.decision}`) },
    course.closing !== null && { key: 'closing', term: t('courses.overview.closing'), value: t(`courses.closingReason.${course.closing.reason}`) },
  ];
  return items.filter((item): item is SummaryItem => item !== false);
}

function LastContact({ course, format }: { course: Course; format: Formatters }) {
  const { t } = useTranslation();
  return (
    <>
      {format.dateTime(course.lastContactAt)}. {t('courses.overview.nextContactDue', { date: format.date(course.nextContactDueAt) })}{' '}
      {course.isContactOverdue && course.status !== 'closed' ? <Badge tone="warning">{t('courses.contactOverdue')}</Badge> : null}
    </>
  );
}

/** The course at a glance: status, risk, sessions used and left, safe contact (warnings first), protection. */
export function CourseOverview({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const section = { course, onCourseChanged, onMessage };
  return (
    <section className="app-section" aria-labelledby="course-section-heading">
      <SectionHeading>{t('courses.sections.overview')}</SectionHeading>
      <SummaryList items={overviewItems(course, t, format)} />
      <AssignToMe {...section} />
      <SafeContact {...section} />
      <OtherCourses course={course} />
    </section>
  );
}

function SafeContact({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const contact = course.safeContact;
  return (
    <>
      <h3>{t('courses.safeContact.heading')}</h3>
      <SafeContactWarnings preferences={contact.preferences} />
      <SummaryList
        items={[
          { key: 'phone', term: t('courses.safeContact.phone'), value: contact.phone ?? t('courses.none') },
          { key: 'email', term: t('courses.safeContact.email'), value: contact.email ?? t('courses.none') },
          { key: 'language', term: t('courses.safeContact.language'), value: t(`languages.${contact.preferences.language}`) },
          ...(course.fromReferral?.safeTimes ? [{ key: 'referralTimes', term: t('courses.safeContact.referralTimes'), value: course.fromReferral.safeTimes }] : []),
        ]}
      />
      {course.allowedActions.includes('update_safe_contact') ? (
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
    </>
  );
}

function OtherCourses({ course }: { course: Course }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
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
    </>
  );
}

const nothingToCheck = checkedBy<Record<string, never>>(() => ({}));

/** A counsellor takes an unassigned course (or one of a colleague) into their own caseload. */
function AssignToMe({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const form = useCourseForm({
    schema: nothingToCheck,
    defaultValues: {},
    idPrefix: 'assign',
    onSubmit: async () => {
      onCourseChanged(await assignCourseCounsellor(course.id, { counsellorUserId: session.user.id }));
      onMessage(t('courses.overview.assigned'));
    },
  });
  const isMine = course.counsellor?.userId === session.user.id;
  if (!course.allowedActions.includes('assign_counsellor') || session.role !== 'counsellor' || isMine) return null;
  return (
    <FormPanel id="assign" heading={t('courses.overview.assignHeading')} form={form}>
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.overview.assignToMe')}
      </SubmitButton>
    </FormPanel>
  );
}

/** The protection flag hides addresses everywhere they are not strictly needed (printed plans included). */
function ProtectionForm({ course, onCourseChanged, onMessage }: SectionProps) {
  const { t } = useTranslation();
  const schema = useRequestSchema(UpdateProtectionRequest, (values: UpdateProtectionRequest) => values);
  const form = useCourseForm({
    schema,
    defaultValues: { addressProtection: course.addressProtection },
    idPrefix: 'protection',
    onSubmit: async (request) => {
      onCourseChanged(await updateCourseProtection(course.id, request));
      onMessage(t('courses.overview.protectionSaved'));
    },
  });
  return (
    <FormPanel id="protection" heading={t('courses.overview.protectionHeading')} form={form}>
      <FormSelectField
        control={form.control}
        name="addressProtection"
        label={t('courses.overview.protection')}
        hint={t('courses.overview.protectionHint')}
        options={AddressProtection.options.map((option) => ({ value: option, label: t(`addressProtection.${option}`) }))}
      />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.overview.protectionSave')}
      </SubmitButton>
    </FormPanel>
  );
}
