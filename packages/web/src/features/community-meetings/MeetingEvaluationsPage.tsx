import type { EvaluationSummary, SuppressedCount } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { SubPage } from '../../ui/SubPage';
import { TableFrame } from '../../ui/TableFrame';
import { evaluationsQuery } from './community-meetings.api';

/** `/community-meetings/evaluations`: anonymous evaluations per meeting and across them, small counts suppressed by the server. */
export function MeetingEvaluationsPage() {
  const { t } = useTranslation();
  const evaluations = useQuery(evaluationsQuery);
  const format = useFormat();
  const columns = t('communityMeetings.evaluationColumns', { returnObjects: true });
  return (
    <SubPage title={t('communityMeetings.evaluationsHeading')} heading={t('communityMeetings.evaluationsHeading')} back={{ to: '/community-meetings', label: t('communityMeetings.back') }}>
      <p className="app-narrow">{t('communityMeetings.evaluationsIntro')}</p>
      <Loaded query={evaluations}>
        {(data) =>
          data.meetings.length === 0 ? (
            <p>{t('communityMeetings.evaluationsEmpty')}</p>
          ) : (
            <TableFrame caption={t('communityMeetings.evaluationsHeading')} columns={[columns.meeting, columns.responses, columns.feltSafe, columns.learned, columns.intends]}>
              <EvaluationRow label={t('communityMeetings.overall')} summary={data.overall} isTotal />
              {data.meetings.map((meeting) => (
                <EvaluationRow key={meeting.meetingId} label={`${meeting.theme} · ${meeting.city} · ${format.date(meeting.date)}`} summary={meeting.summary} />
              ))}
            </TableFrame>
          )
        }
      </Loaded>
    </SubPage>
  );
}

function EvaluationRow({ label, summary, isTotal = false }: { label: string; summary: EvaluationSummary; isTotal?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = t('communityMeetings.evaluationColumns', { returnObjects: true });
  const count = (value: SuppressedCount) => (value === '<5' ? <abbr title={t('communityMeetings.lessThanFive')}>&lt;5</abbr> : format.number(value));
  const average = (value: number | null) => (value === null ? t('communityMeetings.notShown') : format.number(value));
  const intends = summary.intendsToSeekHelp;
  return (
    <tr>
      <td data-title={columns.meeting}>{isTotal ? <strong>{label}</strong> : label}</td>
      <td data-title={columns.responses}>{count(summary.responses)}</td>
      <td data-title={columns.feltSafe}>{average(summary.feltSafeAverage)}</td>
      <td data-title={columns.learned}>{average(summary.learnedWhereToGetHelpAverage)}</td>
      <td data-title={columns.intends}>
        {intends ? (
          <>
            {count(intends.yes)} / {count(intends.no)} / {count(intends.unsure)}
          </>
        ) : (
          t('communityMeetings.notShown')
        )}
      </td>
    </tr>
  );
}
