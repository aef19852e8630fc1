import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/fields';
import { usePageTitle } from '../../ui/usePageTitle';
import { PairingsSection } from './PairingsSection';
import { peerSupportServicesQuery } from './peer-support.api';
import { RegisterSection } from './RegisterSection';

/** `/peer-support`: the counsellor's register of peer supporters and the pairings of the services they work at. */
export function PeerSupportPage() {
  const { t } = useTranslation();
  const services = useQuery(peerSupportServicesQuery);
  const [chosen, setChosen] = useState<string>();
  const [message, setMessage] = useState<string>();
  usePageTitle(t('peerSupport.heading'));
  return (
    <>
      <PageHeading>{t('peerSupport.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('peerSupport.intro')}</p>
      <LiveMessage message={message} isVisible />
      <Loaded query={services}>
        {(data) => {
          const serviceId = chosen ?? data.services[0]?.id;
          if (!serviceId) return <p>{t('peerSupport.noServices')}</p>;
          return (
            <>
              {data.services.length > 1 ? (
                <SelectField
                  fieldKey="peer-service"
                  label={t('peerSupport.service')}
                  value={serviceId}
                  onChange={(value) => {
                    setMessage(undefined);
                    setChosen(value);
                  }}
                  options={data.services.map((service) => ({ value: service.id, label: service.name }))}
                />
              ) : null}
              <RegisterSection key={`register-${serviceId}`} serviceId={serviceId} onMessage={setMessage} />
              <PairingsSection key={`pairings-${serviceId}`} serviceId={serviceId} onMessage={setMessage} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
