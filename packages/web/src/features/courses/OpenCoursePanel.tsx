import type { ReferralForReceiver } from '@bro/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIdempotentCall } from '../../api/useIdempotentCall';
import { FormRadioGroup, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { coursePath, useCourseForm } from './course-ui';
import { openCourse } from './courses.api';

type OpenValues = { personRole: 'exposed' | 'uses_violence' | undefined; clientLabel: string };

/**
 * "Åbn forløb" on an accepted referral with first contact: opens a course at the service and hands the referral
 * over in the same step, so the referrer sees that help has started. Shown from the inbox's referral page.
 */
export function OpenCoursePanel({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // One key per panel: a double click or a retry opens one course (and hands the referral over once).
  const send = useIdempotentCall();
  const needsRole = referral.role === 'both';
  const needsLabel = !referral.person?.fullName;
  const schema = useMemo(
    () =>
      checkedBy<OpenValues>((values) => ({
        personRole: needsRole && !values.personRole ? t('courses.openFromReferral.roleRequired') : undefined,
        clientLabel: needsLabel && !values.clientLabel.trim() ? t('courses.openFromReferral.labelRequired') : undefined,
      })),
    [t, needsRole, needsLabel],
  );
  const form = useCourseForm({
    schema,
    defaultValues: { personRole: undefined, clientLabel: '' },
    idPrefix: 'openCourse',
    onSubmit: async ({ personRole, clientLabel }) => {
      const request = { origin: 'referral' as const, referralId: referral.id, personRole: needsRole ? personRole : undefined, clientLabel: clientLabel.trim() || undefined };
      const course = await send((key) => openCourse(request, key));
      void navigate(coursePath(course.id, 'triage'), { state: { message: t('courses.openFromReferral.done', { reference: course.reference }) } });
    },
  });

  return (
    <FormPanel id="panel-open-course" heading={t('courses.openFromReferral.heading')} form={form}>
      <p>{t('courses.openFromReferral.intro')}</p>
      {needsRole ? (
        <FormRadioGroup
          control={form.control}
          name="personRole"
          legend={t('courses.openFromReferral.role')}
          hint={t('courses.openFromReferral.roleHint')}
          options={(['exposed', 'uses_violence'] as const).map((value) => ({ value, label: t(`courses.personRole.${value}`) }))}
        />
      ) : null}
      {needsLabel ? (
        <FormTextField control={form.control} name="clientLabel" label={t('courses.openFromReferral.label')} hint={t('courses.openFromReferral.labelHint')} autoComplete="off" maxLength={200} />
      ) : null}
      <SubmitButton isBusy={form.isBusy}>{t('courses.openFromReferral.submit')}</SubmitButton>
    </FormPanel>
  );
}
