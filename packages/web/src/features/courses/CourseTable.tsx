import type { CaseloadOverview, CourseSummary } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { TableFrame } from '../../ui/TableFrame';
import { coursePath, CourseRiskBadge, CourseStatusBadge } from './course-ui';

/** Courses as a table that stacks on phones. A label (name or pseudonym) only: no contact details in lists. */
export function CourseTable({ courses, caption }: { courses: readonly CourseSummary[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const column = {
    course: t('courses.table.course'),
    status: t('courses.table.status'),
    risk: t('courses.table.risk'),
    sessions: t('courses.table.sessions'),
    next: t('courses.table.nextSession'),
    contact: t('courses.table.lastContact'),
    counsellor: t('courses.table.counsellor'),
  };
  return (
    <TableFrame caption={caption} columns={Object.values(column)}>
      {courses.map((course) => (
        <tr key={course.id} className={course.isHighRisk ? 'app-course-row-high-risk' : undefined}>
          <td data-title={column.course}>
            <Link to={coursePath(course.id)}>{t('courses.table.courseLink', { reference: course.reference, label: course.clientLabel })}</Link>
            <span className="form-hint app-course-service">
              {course.serviceName} · {t(`courses.personRole.${course.personRole}`)}
              {course.isAnonymous ? ` · ${t('courses.anonymous')}` : ''}
            </span>
          </td>
          <td data-title={column.status}>
            <CourseStatusBadge status={course.status} />
          </td>
          <td data-title={column.risk}>
            <CourseRiskBadge level={course.riskLevel} />
          </td>
          <td data-title={column.sessions}>{t('courses.sessionsUsed', { used: course.sessionsUsed, planned: course.plannedSessions })}</td>
          <td data-title={column.next}>{course.nextSessionAt ? format.dateTime(course.nextSessionAt) : t('courses.none')}</td>
          <td data-title={column.contact}>
            {format.date(course.lastContactAt)}{' '}
            {course.isContactOverdue && course.status !== 'closed' ? <Badge tone="warning">{t('courses.contactOverdue')}</Badge> : null}
          </td>
          <td data-title={column.counsellor}>{course.counsellor?.displayName ?? t('courses.noCounsellor')}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

/** One counsellor's caseload: upcoming sessions, overdue contact, then every open course (high risk first). */
export function CaseloadView({ caseload }: { caseload: CaseloadOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section className="app-section" aria-labelledby="caseload-upcoming-heading">
        <h2 id="caseload-upcoming-heading">{t('courses.caseload.upcomingHeading')}</h2>
        {caseload.upcomingSessions.length === 0 ? (
          <p>{t('courses.caseload.noUpcoming')}</p>
        ) : (
          <ul className="app-cards">
            {caseload.upcomingSessions.map((session) => (
              <li key={session.sessionId} className={session.isHighRisk ? 'app-card-high-risk' : undefined}>
                <p className="m-0">
                  <strong>{format.dateTime(session.plannedAt)}</strong> · {t(`courses.sessionMode.${session.mode}`)}
                </p>
                <p className="m-0">
                  <Link to={coursePath(session.courseId, 'sessions')}>{t('courses.table.courseLink', { reference: session.courseReference, label: session.clientLabel })}</Link>{' '}
                  {session.isHighRisk ? <Badge tone="error">{t('riskBadge.high')}</Badge> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="app-section" aria-labelledby="caseload-overdue-heading">
        <h2 id="caseload-overdue-heading">{t('courses.caseload.withoutContactHeading')}</h2>
        <p className="form-hint">{t('courses.caseload.withoutContactHint')}</p>
        {caseload.withoutContact.length === 0 ? (
          <p>{t('courses.caseload.noneWithoutContact')}</p>
        ) : (
          <CourseTable courses={caseload.withoutContact} caption={t('courses.caseload.withoutContactHeading')} />
        )}
      </section>
      <section className="app-section" aria-labelledby="caseload-courses-heading">
        <h2 id="caseload-courses-heading">{t('courses.caseload.coursesHeading', { count: caseload.courses.length })}</h2>
        {caseload.courses.length === 0 ? <p>{t('courses.caseload.noCourses')}</p> : <CourseTable courses={caseload.courses} caption={t('courses.caseload.coursesCaption')} />}
      </section>
    </>
  );
}
