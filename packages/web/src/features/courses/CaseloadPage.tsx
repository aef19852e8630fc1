import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CaseloadView } from './CourseTable';
import { useCaseloadOf, useMyCaseload, useSupervisedCaseloads } from './useCourses';
import './courses.css';

/** `/caseload`: my own courses, what is coming up, and what has waited too long for contact. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const caseload = useMyCaseload();
  return (
    <>
      <PageHeading>{t('courses.caseload.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.caseload.intro')}</p>
      {caseload.error ? (
        <LoadFailed message={caseload.error.detail ?? t('errors.network')} onRetry={() => void caseload.reload()} />
      ) : !caseload.data ? (
        <Loading />
      ) : (
        <CaseloadView caseload={caseload.data} />
      )}
    </>
  );
}

/** `/supervision`: the counsellors of my services with counts only; their caseloads one click away. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const caseloads = useSupervisedCaseloads();
  const column = { counsellor: t('courses.supervision.counsellor'), open: t('courses.supervision.open'), high: t('courses.supervision.highRisk'), overdue: t('courses.supervision.overdue') };
  return (
    <>
      <PageHeading>{t('courses.supervision.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.supervision.intro')}</p>
      {caseloads.error ? (
        <LoadFailed message={caseloads.error.detail ?? t('errors.network')} onRetry={() => void caseloads.reload()} />
      ) : !caseloads.data ? (
        <Loading />
      ) : caseloads.data.length === 0 ? (
        <p>{t('courses.supervision.empty')}</p>
      ) : (
        <div className="app-table-wrapper">
          <table className="table table--borderless table--responsive-headers">
            <caption className="sr-only">{t('courses.supervision.caption')}</caption>
            <thead>
              <tr>
                {Object.values(column).map((name) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {caseloads.data.map((row) => (
                <tr key={row.counsellor.userId}>
                  <td data-title={column.counsellor}>
                    <Link to={`/supervision/${encodeURIComponent(row.counsellor.userId)}`}>{row.counsellor.displayName}</Link>
                  </td>
                  <td data-title={column.open}>{row.openCourses}</td>
                  <td data-title={column.high}>{row.highRiskCourses}</td>
                  <td data-title={column.overdue}>{row.coursesWithoutContact}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** `/supervision/:userId`: one counsellor's caseload, read for supervision (and logged as such by the server). */
export function CounsellorCaseloadPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const caseload = useCaseloadOf(userId);
  return (
    <>
      <PageHeading>{caseload.data ? t('courses.supervision.caseloadOf', { name: caseload.data.counsellor.displayName }) : t('courses.supervision.caseloadLoading')}</PageHeading>
      <p>
        <Link to="/supervision">{t('courses.supervision.back')}</Link>
      </p>
      {caseload.error ? (
        <LoadFailed message={caseload.error.detail ?? t('errors.network')} onRetry={() => void caseload.reload()} />
      ) : !caseload.data ? (
        <Loading />
      ) : (
        <CaseloadView caseload={caseload.data} />
      )}
    </>
  );
}
