import type { CounsellorCaseloadSummary } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { caseloadOfQuery, myCaseloadQuery, supervisedCaseloadsQuery } from './courses.api';
import { CaseloadView } from './CourseTable';
import { PendingRiskReductions } from './RiskReduction';
import './courses.css';

/** `/caseload`: my own courses, what is coming up, and what has waited too long for contact. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const caseload = useQuery(myCaseloadQuery);
  usePageTitle(t('courses.caseload.heading'));
  return (
    <>
      <PageHeading>{t('courses.caseload.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.caseload.intro')}</p>
      <Loaded query={caseload}>{(data) => <CaseloadView caseload={data} />}</Loaded>
    </>
  );
}

/** `/supervision`: the counsellors of my services with counts only; their caseloads one click away. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const caseloads = useQuery(supervisedCaseloadsQuery);
  usePageTitle(t('courses.supervision.heading'));
  return (
    <>
      <PageHeading>{t('courses.supervision.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('courses.supervision.intro')}</p>
      <PendingRiskReductions />
      <Loaded query={caseloads}>{(data) => (data.length === 0 ? <p>{t('courses.supervision.empty')}</p> : <SupervisionTable rows={data} />)}</Loaded>
    </>
  );
}

function SupervisionTable({ rows }: { rows: readonly CounsellorCaseloadSummary[] }) {
  const { t } = useTranslation();
  const column = { counsellor: t('courses.supervision.counsellor'), open: t('courses.supervision.open'), high: t('courses.supervision.highRisk'), overdue: t('courses.supervision.overdue') };
  return (
    <TableFrame caption={t('courses.supervision.caption')} columns={Object.values(column)}>
      {rows.map((row) => (
        <tr key={row.counsellor.userId}>
          <td data-title={column.counsellor}>
            <Link to={`/supervision/${encodeURIComponent(row.counsellor.userId)}`}>{row.counsellor.displayName}</Link>
          </td>
          <td data-title={column.open}>{row.openCourses}</td>
          <td data-title={column.high}>{row.highRiskCourses}</td>
          <td data-title={column.overdue}>{row.coursesWithoutContact}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

/** `/supervision/:userId`: one counsellor's caseload, read for supervision (and logged as such by the server). */
export function CounsellorCaseloadPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const caseload = useQuery(caseloadOfQuery(userId));
  // The heading names the counsellor; the title only says "Sagsstamme".
  usePageTitle(t('courses.supervision.caseloadLoading'));
  return (
    <>
      <PageHeading>{caseload.data ? t('courses.supervision.caseloadOf', { name: caseload.data.counsellor.displayName }) : t('courses.supervision.caseloadLoading')}</PageHeading>
      <p>
        <Link to="/supervision">{t('courses.supervision.back')}</Link>
      </p>
      <Loaded query={caseload}>{(data) => <CaseloadView caseload={data} />}</Loaded>
    </>
  );
}
