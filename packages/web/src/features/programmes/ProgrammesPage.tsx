import type { ProgrammeSummary } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat, type Formatters } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { managedProgrammesQuery } from './programmes.api';

/** "01.01.2026 – åben": a programme's period in words. */
export function periodText(programme: Pick<ProgrammeSummary, 'periodStart' | 'periodEnd'>, t: TFunction, format: Formatters): string {
  if (programme.periodStart === null && programme.periodEnd === null) return t('programmes.noPeriod');
  const day = (value: string | null) => (value === null ? t('programmes.openEnded') : format.date(`${value}T12:00:00Z`));
  return t('programmes.periodSummary', { from: day(programme.periodStart), to: day(programme.periodEnd) });
}

export function StatusBadge({ status }: { status: ProgrammeSummary['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'running' ? 'success' : status === 'planned' ? 'info' : 'neutral'}>{t(`programmes.statuses.${status}`)}</Badge>;
}

/** `/programmes`: the programmes the user manages (a grant on each, not a role). */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const programmes = useQuery(managedProgrammesQuery);
  usePageTitle(t('programmes.heading'));
  return (
    <>
      <PageHeading>{t('programmes.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('programmes.intro')}</p>
      <Loaded query={programmes}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('programmes.empty')}</p>
          ) : (
            <TableFrame caption={t('programmes.caption')} columns={[t('programmes.name'), t('programmes.status'), t('programmes.period'), t('programmes.referrerCount'), t('programmes.serviceCount')]}>
              {list.map((programme) => (
                <tr key={programme.id}>
                  <td data-title={t('programmes.name')}>
                    <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
                  </td>
                  <td data-title={t('programmes.status')}>
                    <StatusBadge status={programme.status} />
                  </td>
                  <td data-title={t('programmes.period')}>{periodText(programme, t, format)}</td>
                  <td data-title={t('programmes.referrerCount')}>{programme.referrerCount}</td>
                  <td data-title={t('programmes.serviceCount')}>{programme.serviceCount}</td>
                </tr>
              ))}
            </TableFrame>
          )
        }
      </Loaded>
    </>
  );
}
