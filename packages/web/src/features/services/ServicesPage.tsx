import type { AdminService, ServiceEndResult } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Loaded } from '../../api/Loaded';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { EndService } from './EndService';
import { CreateService, EditService } from './ServiceForms';
import { servicesQuery } from './services.api';

/** `/admin/services`: the organisation admin's own services — whom each takes, its deadlines, its open cases. */
export function ServicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const services = useQuery({ ...servicesQuery, select: (list) => [...list].sort((a, b) => format.compare(a.name, b.name)) });
  const [message, setMessage] = useState<string>();
  const [editing, setEditing] = useState<AdminService>();
  const [ending, setEnding] = useState<AdminService>();
  usePageTitle(t('services.heading'));

  return (
    <>
      <PageHeading>{t('services.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('services.intro')}</p>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      <Loaded query={services}>
        {(data) => (
          <ServicesTable
            services={data}
            onEdit={(service) => {
              setEnding(undefined);
              setEditing(service);
            }}
            onEnd={(service) => {
              setEditing(undefined);
              setEnding(service);
            }}
          />
        )}
      </Loaded>
      {ending ? (
        <EndService
          key={ending.id}
          service={ending}
          onClose={() => setEnding(undefined)}
          onEnded={(result) => {
            setEnding(undefined);
            setMessage(endedMessage(result, t));
          }}
        />
      ) : null}
      {editing ? (
        <EditService
          key={editing.id}
          service={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setMessage(t('services.savedMessage', { name: saved.name }));
          }}
        />
      ) : null}
      <CreateService onCreated={(created) => setMessage(t('services.createdMessage', { name: created.name }))} />
    </>
  );
}

/** What ending the service did, in counts. */
function endedMessage(result: ServiceEndResult, t: TFunction): string {
  return t('services.endedMessage', {
    name: result.service.name,
    handedOverReferrals: result.handedOverReferralCount,
    handedOverCourses: result.handedOverCourseCount,
    closedReferrals: result.closedReferralCount,
    closedCourses: result.closedCourseCount,
  });
}

/** "udsat for vold · Kvinder · 18– år": whom the service takes, in one line. */
function receivesText(service: AdminService, t: TFunction): string {
  const parts = [service.receivesRoles.map((role) => t(`services.roles.${role}`)).join(', ')];
  if (service.receivesGenders !== null) parts.push(service.receivesGenders.map((gender) => t(`services.genders.${gender}`)).join(', '));
  if (service.minimumAge !== null || service.maximumAge !== null) parts.push(t('services.ageSummary', { from: service.minimumAge ?? 0, to: service.maximumAge ?? '' }));
  return parts.join(' · ');
}

type ServicesTableProps = { services: readonly AdminService[]; onEdit: (service: AdminService) => void; onEnd: (service: AdminService) => void };

function ServicesTable({ services, onEdit, onEnd }: ServicesTableProps) {
  const { t } = useTranslation();
  if (services.length === 0) return <p>{t('services.empty')}</p>;
  const columns = [t('services.name'), t('services.receives'), t('services.deadlines'), t('services.openCases'), t('services.status'), t('services.actions')];
  return (
    <TableFrame caption={t('services.caption')} columns={columns}>
      {services.map((service) => (
        <tr key={service.id}>
          <td data-title={t('services.name')}>{service.name}</td>
          <td data-title={t('services.receives')}>{receivesText(service, t)}</td>
          <td data-title={t('services.deadlines')}>
            {t('services.deadlineSummary', { standard: service.firstContactDeadlineHours, highRisk: service.highRiskDeadlineHours })}
          </td>
          <td data-title={t('services.openCases')}>{t('services.openCaseSummary', { referrals: service.openReferralCount, courses: service.openCourseCount })}</td>
          <td data-title={t('services.status')}>{service.isActive ? <Badge tone="success">{t('services.active')}</Badge> : <Badge>{t('services.inactive')}</Badge>}</td>
          <td data-title={t('services.actions')}>
            <div className="app-button-row">
              <button type="button" className="button button-secondary" onClick={() => onEdit(service)} aria-label={`${t('services.edit')}: ${service.name}`}>
                {t('services.edit')}
              </button>
              {service.isActive ? (
                <button type="button" className="button button-secondary" onClick={() => onEnd(service)} aria-label={`${t('services.endAction')}: ${service.name}`}>
                  {t('services.endAction')}
                </button>
              ) : null}
            </div>
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}
