import type { ReferralForReceiver } from '@bro/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, newIdempotencyKey, openCourse } from '../../api';
import { RadioGroup, TextField } from '../../ui/fields';
import { ActionForm, coursePath, SubmitButton, useCourseAction } from './course-ui';

/**
 * "Åbn forløb" on an accepted referral with first contact: opens a course at the service and hands the referral
 * over in the same step, so the referrer sees that help has started. Shown from the inbox's referral page.
 */
export function OpenCoursePanel({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const needsRole = referral.role === 'both';
  const needsLabel = !referral.person?.fullName;
  const [personRole, setPersonRole] = useState<'exposed' | 'uses_violence'>();
  const [clientLabel, setClientLabel] = useState('');
  const action = useCourseAction('openCourse', ['personRole', 'clientLabel']);
  // One key per panel: a double click or a retry opens one course (and hands the referral over once).
  const idempotencyKey = useRef(newIdempotencyKey());

  const submit = () => {
    const found: Record<string, string> = {};
    if (needsRole && !personRole) found['openCourse.personRole'] = t('courses.openFromReferral.roleRequired');
    if (needsLabel && !clientLabel.trim()) found['openCourse.clientLabel'] = t('courses.openFromReferral.labelRequired');
    if (Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      try {
        const course = await openCourse(
          { origin: 'referral', referralId: referral.id, personRole: needsRole ? personRole : undefined, clientLabel: clientLabel.trim() || undefined },
          idempotencyKey.current,
        );
        void navigate(coursePath(course.id, 'triage'), { state: { message: t('courses.openFromReferral.done', { reference: course.reference }) } });
      } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409) idempotencyKey.current = newIdempotencyKey();
        throw error;
      }
    });
  };

  return (
    <ActionForm id="panel-open-course" heading={t('courses.openFromReferral.heading')} action={action} onSubmit={submit}>
      <p>{t('courses.openFromReferral.intro')}</p>
      {needsRole ? (
        <RadioGroup
          fieldKey="openCourse.personRole"
          legend={t('courses.openFromReferral.role')}
          hint={t('courses.openFromReferral.roleHint')}
          options={(['exposed', 'uses_violence'] as const).map((value) => ({ value, label: t(`courses.personRole.${value}`) }))}
          value={personRole}
          error={action.errors['openCourse.personRole']}
          onChange={setPersonRole}
        />
      ) : null}
      {needsLabel ? (
        <TextField
          fieldKey="openCourse.clientLabel"
          label={t('courses.openFromReferral.label')}
          hint={t('courses.openFromReferral.labelHint')}
          autoComplete="off"
          maxLength={200}
          value={clientLabel}
          error={action.errors['openCourse.clientLabel']}
          onChange={(event) => setClientLabel(event.target.value)}
        />
      ) : null}
      <SubmitButton isBusy={action.isBusy}>{t('courses.openFromReferral.submit')}</SubmitButton>
    </ActionForm>
  );
}
