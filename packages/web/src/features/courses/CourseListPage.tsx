import type { CourseListStatus } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { RadioGroup } from '../../ui/fields';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useHasPermission } from '../auth/useSession';
import { CourseTable } from './CourseTable';
import { courseListQuery } from './courses.api';
import './courses.css';

const statuses: readonly CourseListStatus[] = ['open', 'closed', 'all'];

/** `/courses`: the courses of my services and side, high risk first (the server's order). */
export function CourseListPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CourseListStatus>('open');
  const courses = useQuery(courseListQuery(status));
  const canOpen = useHasPermission('course:triage');
  usePageTitle(t('courses.list.heading'));

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
        {courses.data && !courses.isFetching ? t('courses.list.count', { count: courses.data.length }) : ''}
      </p>
      <Loaded query={courses}>{(data) => (data.length === 0 ? <p>{t('courses.list.empty')}</p> : <CourseTable courses={data} caption={t('courses.list.caption')} />)}</Loaded>
    </>
  );
}
