import { CreateUnitRequest, type AdminUser, type Unit } from '@bro/domain';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useRowAction } from '../../api/useRowAction';
import { AppForm } from '../../forms/AppForm';
import { FormTextField } from '../../forms/fields';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { useAppForm } from '../../forms/useAppForm';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { RowButton, RowConfirmButton } from '../../ui/RowActions';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { EditUser } from './UserForms';
import { changeUser, createUnit, inviteToOidc, unitsQuery, userKeys, usersQuery } from './users.api';

/** `/admin/users`: the organisation admin's users and units; a new user is made on its own page. No case content is reachable from here. */
export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useQuery({ ...usersQuery, select: (list) => [...list].sort((a, b) => format.compare(a.displayName, b.displayName)) });
  const units = useQuery({ ...unitsQuery, select: (list) => [...list].sort((a, b) => format.compare(a.name, b.name)) });
  const [message, setMessage] = useState<string>();
  const [editing, setEditing] = useState<AdminUser>();
  const [invitation, setInvitation] = useState<Invitation>();
  usePageTitle(t('users.heading'));

  return (
    <>
      <PageHeading>{t('users.heading')}</PageHeading>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      <p>
        <Link to="/admin/users/new" className="button button-primary">
          {t('users.createHeading')}
        </Link>
      </p>
      {invitation ? <InvitationLink invitation={invitation} onHide={() => setInvitation(undefined)} /> : null}
      <Loaded query={users}>{(data) => <UsersTable users={data} onEdit={setEditing} onChanged={setMessage} onInvited={setInvitation} />}</Loaded>
      {editing ? (
        <EditUser
          key={editing.id}
          user={editing}
          units={units.data ?? []}
          onClose={() => setEditing(undefined)}
          onSaved={(user) => {
            setEditing(undefined);
            setMessage(t('users.savedMessage', { name: user.displayName }));
          }}
        />
      ) : null}
      <Units units={units} onCreated={(unit) => setMessage(t('users.unitCreatedMessage', { name: unit.name }))} />
    </>
  );
}

type Invitation = { name: string; url: string };

/** Shown once, like an initial password: the server never answers this link again. Held in component state only. */
function InvitationLink({ invitation, onHide }: { invitation: Invitation; onHide: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <Alert variant="warning" heading={t('users.invitationHeading', { name: invitation.name })}>
        <p>{t('users.invitationText')}</p>
        <p className="app-password">
          <code>{invitation.url}</code>
        </p>
        <button type="button" className="button button-secondary mt-3" onClick={onHide}>
          {t('users.invitationHide')}
        </button>
      </Alert>
    </div>
  );
}

type UsersTableProps = { users: readonly AdminUser[]; onEdit: (user: AdminUser) => void; onChanged: (message: string) => void; onInvited: (invitation: Invitation) => void };

function UsersTable({ users, onEdit, onChanged, onInvited }: UsersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const action = useRowAction((message) => {
    void queryClient.invalidateQueries({ queryKey: userKeys.users });
    onChanged(message);
  });
  if (users.length === 0) return <p>{t('users.empty')}</p>;
  const columns = [t('users.name'), t('users.email'), t('users.role'), t('users.unit'), t('users.status'), t('users.lastSignedIn'), t('users.actions')];
  return (
    <>
      <ActionFailed message={action.error} headingLevel={2} />
      <TableFrame caption={t('users.caption')} columns={columns}>
        {users.map((user) => (
          <tr key={user.id}>
            <td data-title={t('users.name')}>{user.displayName}</td>
            <td data-title={t('users.email')}>{user.email}</td>
            <td data-title={t('users.role')}>
              {t(`roles.${user.role}`)}
              {user.serviceLine ? <span className="form-hint"> ({t(`serviceLine.${user.serviceLine}`)})</span> : null}
            </td>
            <td data-title={t('users.unit')}>{user.unitName ?? '–'}</td>
            <td data-title={t('users.status')}>
              <UserBadges user={user} />
            </td>
            <td data-title={t('users.lastSignedIn')}>{user.lastSignedInAt ? format.dateTime(user.lastSignedInAt) : t('users.neverSignedIn')}</td>
            <td data-title={t('users.actions')}>
              <UserActions user={user} isBusy={action.busyRowId === user.id} onEdit={() => onEdit(user)} onInvited={onInvited} run={action.run} />
            </td>
          </tr>
        ))}
      </TableFrame>
    </>
  );
}

function UserBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <span className="app-badges">
      {user.isActive ? <Badge tone="success">{t('users.active')}</Badge> : <Badge>{t('users.inactive')}</Badge>}
      {user.isLocked ? <Badge tone="error">{t('users.locked')}</Badge> : null}
      {user.isTotpEnrolled ? null : <Badge tone="warning">{t('users.noTotp')}</Badge>}
    </span>
  );
}

type UserActionsProps = { user: AdminUser; isBusy: boolean; onEdit: () => void; onInvited: (invitation: Invitation) => void; run: ReturnType<typeof useRowAction>['run'] };

function UserActions({ user, isBusy, onEdit, onInvited, run }: UserActionsProps) {
  const { t } = useTranslation();
  const name = user.displayName;
  const change = (action: 'deactivate' | 'reactivate' | 'unlock' | 'reset-totp') =>
    run({ rowId: user.id, call: () => changeUser(user.id, action), message: t(`users.actionDone.${action}`, { name }) });
  // An OIDC account is linked only through a link made here (never by the provider's e-mail claim).
  const invite = () =>
    run({
      rowId: user.id,
      call: async () => {
        const invitation = await inviteToOidc(user.id);
        if (invitation.url) onInvited({ name, url: invitation.url });
      },
      message: t('users.inviteDone', { name }),
    });
  return (
    <div className="app-table-actions">
      <RowButton label={t('users.edit')} rowName={name} onClick={onEdit} />
      {user.isActive ? <RowButton label={t('users.invite')} rowName={name} onClick={() => void invite()} /> : null}
      {user.isLocked ? <RowButton label={t('users.unlock')} rowName={name} onClick={() => void change('unlock')} /> : null}
      {user.isActive ? (
        <RowConfirmButton label={t('users.deactivate')} rowName={name} question={t('users.deactivateQuestion', { name })} confirmLabel={t('users.deactivateConfirm')} isBusy={isBusy} onConfirm={() => change('deactivate')} />
      ) : (
        <RowButton label={t('users.reactivate')} rowName={name} onClick={() => void change('reactivate')} />
      )}
      {user.isTotpEnrolled ? (
        <RowConfirmButton label={t('users.resetTotp')} rowName={name} question={t('users.resetTotpQuestion', { name })} confirmLabel={t('users.resetTotpConfirm')} isBusy={isBusy} onConfirm={() => change('reset-totp')} />
      ) : null}
    </div>
  );
}

function Units({ units, onCreated }: { units: UseQueryResult<Unit[]>; onCreated: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useRequestSchema(CreateUnitRequest, (values: { name: string }) => values, (t) => ({ name: t('users.errors.unitName') }));
  const form = useAppForm({
    schema,
    defaultValues: { name: '' },
    idPrefix: 'unit',
    codeFields: { conflict: 'name' },
    onSubmit: async (request) => {
      const unit = await createUnit(request);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: userKeys.units });
      onCreated(unit);
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="users-units-heading">
      <h2 id="users-units-heading">{t('users.unitsHeading')}</h2>
      <Loaded query={units} isRetryOffered={false}>
        {(list) => (list.length === 0 ? <p>{t('users.noUnits')}</p> : <ul>{list.map((unit) => <li key={unit.id}>{unit.name}</li>)}</ul>)}
      </Loaded>
      <AppForm form={form} errorDisplay="alert">
        <FormTextField control={form.control} name="name" label={t('users.unitName')} autoComplete="off" />
        <button type="submit" className="button button-secondary">
          {t('users.createUnit')}
        </button>
      </AppForm>
    </section>
  );
}
