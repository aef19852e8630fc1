import { AddressProtection, isPlausibleCpr, type CoursePersonRole, type Gender } from '@bro/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, newIdempotencyKey, openCourse } from '../../api';
import { Alert } from '../../ui/Alert';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { ActionForm, coursePath, parseWholeNumber, SubmitButton, useCourseAction } from './course-ui';
import { useCourseServices } from './useCourses';
import './courses.css';

type DirectOrigin = 'walk_in' | 'phone' | 'self_referral';
const origins: readonly DirectOrigin[] = ['walk_in', 'phone', 'self_referral'];
const roles: readonly CoursePersonRole[] = ['exposed', 'uses_violence', 'relative'];
const genders: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];

const fields = ['serviceId', 'origin', 'personRole', 'person.label', 'person.cpr', 'person.gender', 'person.birthYear', 'person.addressProtection', 'person'];

/**
 * `/courses/new`: a course for someone who came in person, called, or got in touch themselves. Anonymous contacts
 * are first-class: a pseudonym is enough, and no CPR number is asked for.
 */
export function NewCoursePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const services = useCourseServices();
  const [serviceId, setServiceId] = useState('');
  const [origin, setOrigin] = useState<DirectOrigin>();
  const [personRole, setPersonRole] = useState<CoursePersonRole>();
  const [isAnonymous, setIsAnonymous] = useState(false);
  const [label, setLabel] = useState('');
  const [cpr, setCpr] = useState('');
  const [gender, setGender] = useState<Gender>('unknown');
  const [birthYear, setBirthYear] = useState('');
  const [protection, setProtection] = useState<AddressProtection>('unknown');
  const action = useCourseAction('open', fields);
  // One key per form: a double click or a retry after a lost answer opens exactly one course.
  const idempotencyKey = useRef(newIdempotencyKey());

  const options = services.data ?? [];
  const chosenServiceId = serviceId || (options.length === 1 ? (options[0]?.id ?? '') : '');

  const submit = () => {
    const found: Record<string, string> = {};
    if (!chosenServiceId) found['open.serviceId'] = t('courses.newCourse.errors.service');
    if (!origin) found['open.origin'] = t('courses.newCourse.errors.origin');
    if (!personRole) found['open.personRole'] = t('courses.newCourse.errors.role');
    if (!label.trim()) found['open.person.label'] = isAnonymous ? t('courses.newCourse.errors.pseudonym') : t('courses.newCourse.errors.name');
    if (!isAnonymous && cpr.trim() && !isPlausibleCpr(cpr)) found['open.person.cpr'] = t('courses.newCourse.errors.cpr');
    const year = birthYear.trim() ? parseWholeNumber(birthYear) : undefined;
    if (birthYear.trim() && (year === undefined || year < 1900 || year > new Date().getFullYear())) found['open.person.birthYear'] = t('courses.newCourse.errors.birthYear');
    if (Object.keys(found).length > 0 || !origin || !personRole) return action.fail(found);
    void action.run(async () => {
      try {
        const course = await openCourse(
          {
            origin,
            serviceId: chosenServiceId,
            personRole,
            person: {
              label: label.trim(),
              isAnonymous,
              cpr: !isAnonymous && cpr.trim() ? cpr.trim() : undefined,
              gender,
              birthYear: year,
              addressProtection: protection,
            },
          },
          idempotencyKey.current,
        );
        void navigate(coursePath(course.id, 'triage'), { state: { message: t('courses.newCourse.done', { reference: course.reference }) } });
      } catch (error) {
        // A definitive refusal opened nothing, so the corrected form may use a fresh key.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409) idempotencyKey.current = newIdempotencyKey();
        throw error;
      }
    });
  };

  return (
    <>
      <PageHeading>{t('courses.newCourse.heading')}</PageHeading>
      <p>
        <Link to="/courses">{t('courses.course.back')}</Link>
      </p>
      <p className="font-lead app-narrow">{t('courses.newCourse.intro')}</p>
      {services.error ? (
        <LoadFailed message={services.error.detail ?? t('errors.network')} onRetry={() => void services.reload()} />
      ) : !services.data ? (
        <Loading />
      ) : options.length === 0 ? (
        <Alert variant="warning" heading={t('courses.newCourse.noServicesHeading')}>
          <p>{t('courses.newCourse.noServices')}</p>
        </Alert>
      ) : (
        <ActionForm id="new-course" heading={t('courses.newCourse.formHeading')} headingLevel={2} action={action} onSubmit={submit}>
          <SelectField
            fieldKey="open.serviceId"
            label={t('courses.newCourse.service')}
            options={options.map((service) => ({ value: service.id, label: service.name }))}
            value={chosenServiceId}
            emptyLabel={options.length === 1 ? undefined : t('courses.newCourse.chooseService')}
            error={action.errors['open.serviceId']}
            onChange={setServiceId}
          />
          <RadioGroup
            fieldKey="open.origin"
            legend={t('courses.newCourse.origin')}
            options={origins.map((value) => ({ value, label: t(`courses.origin.${value}`) }))}
            value={origin}
            error={action.errors['open.origin']}
            onChange={setOrigin}
          />
          <RadioGroup
            fieldKey="open.personRole"
            legend={t('courses.newCourse.role')}
            hint={t('courses.newCourse.roleHint')}
            options={roles.map((value) => ({ value, label: t(`courses.personRole.${value}`) }))}
            value={personRole}
            error={action.errors['open.personRole']}
            onChange={setPersonRole}
          />
          <CheckboxField
            fieldKey="open.person.isAnonymous"
            label={t('courses.newCourse.anonymous')}
            hint={t('courses.newCourse.anonymousHint')}
            isChecked={isAnonymous}
            onChange={(isChecked) => {
              setIsAnonymous(isChecked);
              if (isChecked) setCpr('');
            }}
          />
          <TextField
            fieldKey="open.person.label"
            label={isAnonymous ? t('courses.newCourse.pseudonym') : t('courses.newCourse.name')}
            autoComplete="off"
            maxLength={200}
            value={label}
            error={action.errors['open.person.label'] ?? action.errors['open.person']}
            onChange={(event) => setLabel(event.target.value)}
          />
          {isAnonymous ? null : (
            <TextField
              fieldKey="open.person.cpr"
              label={t('courses.newCourse.cpr')}
              hint={t('courses.newCourse.cprHint')}
              autoComplete="off"
              inputMode="numeric"
              inputClassName="app-short-input"
              value={cpr}
              error={action.errors['open.person.cpr']}
              onChange={(event) => setCpr(event.target.value)}
            />
          )}
          <RadioGroup
            fieldKey="open.person.gender"
            legend={t('courses.newCourse.gender')}
            options={genders.map((value) => ({ value, label: t(`gender.${value}`) }))}
            value={gender}
            isInline
            error={action.errors['open.person.gender']}
            onChange={setGender}
          />
          <TextField
            fieldKey="open.person.birthYear"
            label={t('courses.newCourse.birthYear')}
            autoComplete="off"
            inputMode="numeric"
            inputClassName="app-short-input"
            value={birthYear}
            error={action.errors['open.person.birthYear']}
            onChange={(event) => setBirthYear(event.target.value)}
          />
          <SelectField
            fieldKey="open.person.addressProtection"
            label={t('courses.newCourse.protection')}
            hint={t('courses.newCourse.protectionHint')}
            options={AddressProtection.options.map((value) => ({ value, label: t(`addressProtection.${value}`) }))}
            value={protection}
            error={action.errors['open.person.addressProtection']}
            onChange={setProtection}
          />
          <SubmitButton isBusy={action.isBusy}>{t('courses.newCourse.submit')}</SubmitButton>
        </ActionForm>
      )}
    </>
  );
}
