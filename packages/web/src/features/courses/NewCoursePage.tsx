import { AddressProtection, type CoursePersonRole, type CourseServiceOption, type Gender } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useIdempotentCall } from '../../api/useIdempotentCall';
import { FormCheckboxField, FormRadioGroup, FormSelectField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { Alert } from '../../ui/Alert';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { coursePath, useCourseForm } from './course-ui';
import { courseServicesQuery, openCourse } from './courses.api';
import { initialNewCourse, toOpenCourseRequest, validateNewCourse, type DirectOrigin, type NewCourseValues } from './open-course-form';
import './courses.css';

const origins: readonly DirectOrigin[] = ['walk_in', 'phone', 'self_referral'];
const roles: readonly CoursePersonRole[] = ['exposed', 'uses_violence', 'relative'];
const genders: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];

/**
 * `/courses/new`: a course for someone who came in person, called, or got in touch themselves. Anonymous contacts
 * are first-class: a pseudonym is enough, and no CPR number is asked for.
 */
export function NewCoursePage() {
  const { t } = useTranslation();
  const services = useQuery(courseServicesQuery);
  usePageTitle(t('courses.newCourse.heading'));
  return (
    <>
      <PageHeading>{t('courses.newCourse.heading')}</PageHeading>
      <p>
        <Link to="/courses">{t('courses.course.back')}</Link>
      </p>
      <p className="font-lead app-narrow">{t('courses.newCourse.intro')}</p>
      <Loaded query={services}>
        {(options) =>
          options.length === 0 ? (
            <Alert variant="warning" heading={t('courses.newCourse.noServicesHeading')}>
              <p>{t('courses.newCourse.noServices')}</p>
            </Alert>
          ) : (
            <NewCourseForm services={options} />
          )
        }
      </Loaded>
    </>
  );
}

function NewCourseForm({ services }: { services: readonly CourseServiceOption[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const send = useIdempotentCall();
  const schema = useMemo(() => checkedBy<NewCourseValues>((values) => validateNewCourse(values, t, new Date())).transform(toOpenCourseRequest), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: initialNewCourse(services.length === 1 ? services[0]?.id : undefined),
    idPrefix: 'open',
    aliases: { person: 'person.label' },
    onSubmit: async (request) => {
      const course = await send((key) => openCourse(request, key));
      void navigate(coursePath(course.id, 'triage'), { state: { message: t('courses.newCourse.done', { reference: course.reference }) } });
    },
  });
  const isAnonymous = form.watch('person.isAnonymous');
  return (
    <FormPanel id="new-course" heading={t('courses.newCourse.formHeading')} headingLevel={2} form={form}>
      <FormSelectField
        control={form.control}
        name="serviceId"
        label={t('courses.newCourse.service')}
        options={services.map((service) => ({ value: service.id, label: service.name }))}
        emptyLabel={services.length === 1 ? undefined : t('courses.newCourse.chooseService')}
      />
      <FormRadioGroup control={form.control} name="origin" legend={t('courses.newCourse.origin')} options={origins.map((value) => ({ value, label: t(`courses.origin.${value}`) }))} />
      <FormRadioGroup
        control={form.control}
        name="personRole"
        legend={t('courses.newCourse.role')}
        hint={t('courses.newCourse.roleHint')}
        options={roles.map((value) => ({ value, label: t(`courses.personRole.${value}`) }))}
      />
      <FormCheckboxField
        control={form.control}
        name="person.isAnonymous"
        label={t('courses.newCourse.anonymous')}
        hint={t('courses.newCourse.anonymousHint')}
        onValueChange={(isChecked) => (isChecked ? form.setValue('person.cpr', '') : undefined)}
      />
      <FormTextField control={form.control} name="person.label" label={isAnonymous ? t('courses.newCourse.pseudonym') : t('courses.newCourse.name')} autoComplete="off" maxLength={200} />
      {isAnonymous ? null : (
        <FormTextField control={form.control} name="person.cpr" label={t('courses.newCourse.cpr')} hint={t('courses.newCourse.cprHint')} autoComplete="off" inputMode="numeric" inputClassName="app-short-input" />
      )}
      <FormRadioGroup control={form.control} name="person.gender" legend={t('courses.newCourse.gender')} options={genders.map((value) => ({ value, label: t(`gender.${value}`) }))} isInline />
      <FormTextField control={form.control} name="person.birthYear" label={t('courses.newCourse.birthYear')} autoComplete="off" inputMode="numeric" inputClassName="app-short-input" />
      <FormSelectField
        control={form.control}
        name="person.addressProtection"
        label={t('courses.newCourse.protection')}
        hint={t('courses.newCourse.protectionHint')}
        options={AddressProtection.options.map((value) => ({ value, label: t(`addressProtection.${value}`) }))}
      />
      <SubmitButton isBusy={form.isBusy}>{t('courses.newCourse.submit')}</SubmitButton>
    </FormPanel>
  );
}
