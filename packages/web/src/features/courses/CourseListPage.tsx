import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseListStatus } from '../../api';
import { RadioGroup } from '../../ui/fields';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useHasPermission } from '../auth/useSession';
import { CourseTable } from './CourseTable';
import { useCourseList } from './useCourses';
import './courses.css';

const statuses: readonly CourseListStatus[] = ['open', 'closed', 'all'];

/** `/courses`: the courses of my services and side, high risk first (the server's order). */
export function CourseListPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CourseListStatus>('open');
  const courses = useCourseList(status);
  const canOpen = useHasPermission('course:triage');

  return (
    <>
      <PageHeading>{t('courses.list.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.list.intro')}</p>
      {canOpen ? (
        <p>
          <Link to="/courses/new" className="button button-primary">
            {t('courses.list.newCourse')}
          </Link>
        </p>
      ) : null}
      <RadioGroup
        fieldKey="courses.filter"
        legend={t('courses.list.filter')}
        options={statuses.map((value) => ({ value, label: t(`courses.list.status.${value}`) }))}
        value={status}
        isInline
        onChange={setStatus}
      />
      {/* Only the count is announced when the filter changes: a whole table in a live region would be read out. */}
      <p className="sr-only" aria-live="polite">
        {courses.data && !courses.isLoading ? t('courses.list.count', { count: courses.data.length }) : ''}
      </p>
      {courses.error ? (
        <LoadFailed message={courses.error.detail ?? t('errors.network')} onRetry={() => void courses.reload()} />
      ) : !courses.data ? (
        <Loading />
      ) : courses.data.length === 0 ? (
        <p>{t('courses.list.empty')}</p>
      ) : (
        <CourseTable courses={courses.data} caption={t('courses.list.caption')} />
      )}
    </>
  );
}
