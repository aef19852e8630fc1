import type { PlatformOrganisation } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useRowAction } from '../../api/useRowAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { Badge } from '../../ui/Badge';
import { InitialPassword } from '../../ui/InitialPassword';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { RowButton, RowConfirmButton } from '../../ui/RowActions';
import { TableFrame } from '../../ui/TableFrame';
import { municipalityName } from '../../ui/reference-data';
import { usePageTitle } from '../../ui/usePageTitle';
import { CreateAdmin, CreateOrganisation } from './OrganisationForms';
import { organisationsQuery, updateOrganisation } from './organisations.api';

/** `/platform/organisations`: tenants and their first admins. No case content is reachable from here. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const organisations = useQuery({ ...organisationsQuery, select: (list) => [...list].sort((a, b) => format.compare(a.name, b.name)) });
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<{ name: string; password: string }>();
  const [adminFor, setAdminFor] = useState<PlatformOrganisation>();
  usePageTitle(t('organisations.heading'));
  const changed = (text?: string) => {
    if (text) setMessage(text);
    void queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey });
  };

  return (
    <>
      <PageHeading>{t('organisations.heading')}</PageHeading>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      {created ? <InitialPassword name={created.name} password={created.password} onHide={() => setCreated(undefined)} /> : null}
      <Loaded query={organisations}>{(data) => <OrganisationsTable organisations={data} onAddAdmin={setAdminFor} onChanged={changed} />}</Loaded>
      {adminFor ? (
        <CreateAdmin
          key={adminFor.id}
          organisation={adminFor}
          onClose={() => setAdminFor(undefined)}
          onCreated={(name, password) => {
            setAdminFor(undefined);
            setCreated({ name, password });
            changed();
          }}
          onRequested={() => {
            setAdminFor(undefined);
            changed(t('organisations.adminRequested', { name: adminFor.name }));
          }}
        />
      ) : null}
      <CreateOrganisation onCreated={(organisation) => changed(t('organisations.createdMessage', { name: organisation.name }))} />
    </>
  );
}

type TableProps = { organisations: readonly PlatformOrganisation[]; onAddAdmin: (organisation: PlatformOrganisation) => void; onChanged: (message: string) => void };

function OrganisationsTable({ organisations, onAddAdmin, onChanged }: TableProps) {
  const { t } = useTranslation();
  const action = useRowAction(onChanged);
  if (organisations.length === 0) return <p>{t('organisations.empty')}</p>;
  const columns = [t('organisations.name'), t('organisations.kind'), t('organisations.municipalityCode'), t('organisations.status'), t('organisations.userCount'), t('organisations.actions')];
  return (
    <>
      <ActionFailed message={action.error} headingLevel={2} />
      <TableFrame caption={t('organisations.caption')} columns={columns}>
        {organisations.map((organisation) => (
          <tr key={organisation.id}>
            <td data-title={t('organisations.name')}>
              {organisation.name}
              <br />
              <span className="form-hint">{organisation.slug}</span>
            </td>
            <td data-title={t('organisations.kind')}>{t(`organisationKind.${organisation.kind}`)}</td>
            <td data-title={t('organisations.municipalityCode')}>{organisation.municipalityCode ? municipalityName(organisation.municipalityCode) : '–'}</td>
            <td data-title={t('organisations.status')}>
              <span className="app-badges">
                {organisation.isActive ? <Badge tone="success">{t('organisations.active')}</Badge> : <Badge>{t('organisations.inactive')}</Badge>}
                {organisation.isLocalLoginEnabled ? null : <Badge tone="info">{t('organisations.localLoginOff')}</Badge>}
                {organisation.pendingChanges.map((change) => (
                  <Badge key={change.id} tone="warning">
                    {t(`organisations.pendingChange.${change.kind}`)}
                  </Badge>
                ))}
              </span>
            </td>
            <td data-title={t('organisations.userCount')}>{organisation.userCount}</td>
            <td data-title={t('organisations.actions')}>
              <OrganisationActions organisation={organisation} isBusy={action.busyRowId === organisation.id} onAddAdmin={() => onAddAdmin(organisation)} run={action.run} />
            </td>
          </tr>
        ))}
      </TableFrame>
    </>
  );
}

type ActionsProps = { organisation: PlatformOrganisation; isBusy: boolean; onAddAdmin: () => void; run: ReturnType<typeof useRowAction>['run'] };

function OrganisationActions({ organisation, isBusy, onAddAdmin, run }: ActionsProps) {
  const { t } = useTranslation();
  const { id, name, isActive, isLocalLoginEnabled } = organisation;
  const update = (change: { isActive?: boolean; isLocalLoginEnabled?: boolean }, message: string) => run({ rowId: id, call: () => updateOrganisation(id, change), message });
  return (
    <div className="app-table-actions">
      <RowButton label={t('organisations.addAdmin')} rowName={name} onClick={onAddAdmin} />
      <RowButton
        label={isLocalLoginEnabled ? t('organisations.disableLocalLogin') : t('organisations.enableLocalLogin')}
        rowName={name}
        onClick={() => void update({ isLocalLoginEnabled: !isLocalLoginEnabled }, t(isLocalLoginEnabled ? 'organisations.localLoginDisabledMessage' : 'organisations.localLoginEnabledMessage', { name }))}
      />
      {isActive ? (
        <RowConfirmButton
          label={t('organisations.deactivate')}
          rowName={name}
          question={t('organisations.deactivateQuestion', { name })}
          confirmLabel={t('organisations.deactivateConfirm')}
          isBusy={isBusy}
          onConfirm={() => update({ isActive: false }, t('organisations.deactivatedMessage', { name }))}
        />
      ) : (
        <RowButton label={t('organisations.activate')} rowName={name} onClick={() => void update({ isActive: true }, t('organisations.activatedMessage', { name }))} />
      )}
    </div>
  );
}
