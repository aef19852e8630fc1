import type { ProgrammeOverview } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { LiveMessage } from '../../ui/LiveMessage';
import { SubPage } from '../../ui/SubPage';
import { TableFrame } from '../../ui/TableFrame';
import { EndProgramme } from './EndProgramme';
import { ProgrammeForm } from './ProgrammeForm';
import { ProgrammeManagers } from './ProgrammeManagers';
import { programmeChoicesQuery, programmeOverviewQuery, programmeQuery } from './programmes.api';
import { StatusBadge, periodText } from './ProgrammesPage';

/** `/programmes/:id`: one managed programme — its counts and escalations by reference, and its set-up. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const programme = useQuery(programmeQuery(id));
  const choices = useQuery(programmeChoicesQuery);
  const [message, setMessage] = useState<string>();
  return (
    <SubPage title={t('programmes.pageTitle')} heading={programme.data?.name ?? t('programmes.pageTitle')} back={{ to: '/programmes', label: t('programmes.back') }}>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      <Loaded query={programme}>
        {(data) => (
          <>
            <p>
              <StatusBadge status={data.status} /> {periodText(data, t, format)} · {t('programmes.version')} {data.version}
              {data.funder ? ` · ${data.funder}` : ''}
            </p>
            <Overview programmeId={data.id} />
            <ProgrammeManagers programme={data} onChanged={setMessage} />
            <Loaded query={choices}>
              {(options) => (
                <>
                  <ProgrammeForm key={data.version} programme={data} choices={options} onSaved={(saved) => setMessage(t('programmes.savedMessage', { version: saved.version }))} />
                  <EndProgramme key={`end-${data.version}`} programme={data} choices={options} onEnded={() => setMessage(t('programmes.end.endedMessage'))} />
                </>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </SubPage>
  );
}

function Overview({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const overview = useQuery(programmeOverviewQuery(programmeId));
  return (
    <section aria-labelledby="programme-overview-heading">
      <h2 id="programme-overview-heading">{t('programmes.overviewHeading')}</h2>
      <h3>{t('programmes.countsCaption')}</h3>
      <Loaded query={overview}>
        {(data) => (
          <>
            <Counts counts={data.countsByService} />
            <Escalations escalations={data.escalations} />
            <Versions versions={data.versions} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function Counts({ counts }: { counts: ProgrammeOverview['countsByService'] }) {
  const { t } = useTranslation();
  if (counts.length === 0) return <p>{t('programmes.noReferrals')}</p>;
  const columns = [t('programmes.countsService'), t('programmes.countsOpen'), t('programmes.countsAccepted'), t('programmes.countsClosed')];
  return (
    <TableFrame caption={t('programmes.countsCaption')} columns={columns}>
      {counts.map((row) => (
        <tr key={row.serviceId}>
          <td data-title={columns[0]}>{row.serviceName}</td>
          <td data-title={columns[1]}>{row.open}</td>
          <td data-title={columns[2]}>{row.accepted}</td>
          <td data-title={columns[3]}>{row.closed}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

function Escalations({ escalations }: { escalations: ProgrammeOverview['escalations'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h3>{t('programmes.escalationsHeading')}</h3>
      {escalations.length === 0 ? (
        <p>{t('programmes.escalationsEmpty')}</p>
      ) : (
        <TableFrame caption={t('programmes.escalationsCaption')} columns={[t('programmes.reference'), t('programmes.countsService'), t('programmes.escalatedAt')]}>
          {escalations.map((row) => (
            <tr key={row.reference}>
              <td data-title={t('programmes.reference')}>{row.reference}</td>
              <td data-title={t('programmes.countsService')}>{row.serviceName}</td>
              <td data-title={t('programmes.escalatedAt')}>{format.dateTime(row.escalatedAt)}</td>
            </tr>
          ))}
        </TableFrame>
      )}
    </>
  );
}

function Versions({ versions }: { versions: ProgrammeOverview['versions'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <details className="mb-5">
      <summary>{t('programmes.versionsHeading')}</summary>
      <ul>
        {versions.map((row) => (
          <li key={row.version}>{t('programmes.versionSummary', { version: row.version, at: format.dateTime(row.changedAt), by: row.changedBy ? ` · ${row.changedBy}` : '' })}</li>
        ))}
      </ul>
    </details>
  );
}
