import type { AssignableRole, ServiceLine } from '@bro/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, changeUser, createUnit, createUser, updateUser, type AdminUser, type Unit, type UserAction } from '../../api';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { errorTexts, formErrorsOf, summaryOf } from '../../form-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { LiveMessage } from '../../ui/LiveMessage';
import { LoadFailed, Loading } from '../../ui/Loading';
import { InitialPassword } from '../../ui/InitialPassword';
import { PageHeading } from '../../ui/PageHeading';
import { useUnits, useUsers } from './useUsers';

/** Roles an organisation admin may hand out; the platform admin role is the platform's own. */
const assignableRoles: readonly AssignableRole[] = ['referrer', 'intake_coordinator', 'counsellor', 'organisation_admin'];

type UserDraft = { displayName: string; email: string; role: AssignableRole | ''; unitId: string; serviceLine: ServiceLine | '' };
const userFields = ['displayName', 'email', 'role', 'unitId', 'serviceLine'] as const;

/** `/admin/users`: the organisation admin's users and units. No case content is reachable from here. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const units = useUnits();
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<{ name: string; password: string }>();
  const [editing, setEditing] = useState<AdminUser>();

  const announce = (text: string) => setMessage(text);

  return (
    <>
      <PageHeading>{t('users.heading')}</PageHeading>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      {created ? <InitialPassword name={created.name} password={created.password} onHide={() => setCreated(undefined)} /> : null}
      {users.error ? (
        <LoadFailed message={users.error.detail ?? t('errors.network')} onRetry={() => void users.reload()} />
      ) : !users.data ? (
        <Loading />
      ) : (
        <UsersTable
          users={users.data}
          onEdit={setEditing}
          onChanged={(text) => {
            announce(text);
            void users.reload();
          }}
        />
      )}
      {editing ? (
        <EditUser
          key={editing.id}
          user={editing}
          units={units.data ?? []}
          onClose={() => setEditing(undefined)}
          onSaved={(user) => {
            setEditing(undefined);
            announce(t('users.savedMessage', { name: user.displayName }));
            void users.reload();
          }}
        />
      ) : null}
      <CreateUser
        units={units.data ?? []}
        onCreated={(user, password) => {
          setCreated({ name: user.displayName, password });
          void users.reload();
        }}
      />
      <Units units={units.data} error={units.error} onCreated={(unit) => {
        announce(t('users.unitCreatedMessage', { name: unit.name }));
        void units.reload();
      }} />
    </>
  );
}

function UsersTable({ users, onEdit, onChanged }: { users: readonly AdminUser[]; onEdit: (user: AdminUser) => void; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [busyId, setBusyId] = useState<string>();

  const change = async (user: AdminUser, action: UserAction) => {
    setBusyId(user.id);
    setError(undefined);
    try {
      await changeUser(user.id, action);
      onChanged(t(`users.actionDone.${action}`, { name: user.displayName }));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status !== 0 ? (caught.detail ?? t('errors.unexpected')) : t('errors.network'));
    } finally {
      setBusyId(undefined);
    }
  };

  if (users.length === 0) return <p>{t('users.empty')}</p>;
  return (
    <>
      {error ? (
        <Alert variant="error" heading={t('common.actionFailed')} role="alert">
          <p>{error}</p>
        </Alert>
      ) : null}
      <div className="app-table-wrapper">
        <table className="table table--borderless table--responsive-headers">
          <caption className="sr-only">{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.unit')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
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
                  <span className="app-badges">
                    {user.isActive ? <Badge tone="success">{t('users.active')}</Badge> : <Badge>{t('users.inactive')}</Badge>}
                    {user.isLocked ? <Badge tone="error">{t('users.locked')}</Badge> : null}
                    {user.isTotpEnrolled ? null : <Badge tone="warning">{t('users.noTotp')}</Badge>}
                  </span>
                </td>
                <td data-title={t('users.actions')}>
                  <div className="app-table-actions">
                    <button type="button" className="button button-secondary" onClick={() => onEdit(user)}>
                      {t('users.edit')} <span className="sr-only">{user.displayName}</span>
                    </button>
                    {user.isLocked ? (
                      <button type="button" className="button button-secondary" onClick={() => void change(user, 'unlock')}>
                        {t('users.unlock')} <span className="sr-only">{user.displayName}</span>
                      </button>
                    ) : null}
                    {user.isActive ? (
                      <ConfirmButton
                        label={
                          <>
                            {t('users.deactivate')} <span className="sr-only">{user.displayName}</span>
                          </>
                        }
                        question={t('users.deactivateQuestion', { name: user.displayName })}
                        confirmLabel={t('users.deactivateConfirm')}
                        isBusy={busyId === user.id}
                        onConfirm={() => change(user, 'deactivate')}
                      />
                    ) : (
                      <button type="button" className="button button-secondary" onClick={() => void change(user, 'reactivate')}>
                        {t('users.reactivate')} <span className="sr-only">{user.displayName}</span>
                      </button>
                    )}
                    {user.isTotpEnrolled ? (
                      <ConfirmButton
                        label={
                          <>
                            {t('users.resetTotp')} <span className="sr-only">{user.displayName}</span>
                          </>
                        }
                        question={t('users.resetTotpQuestion', { name: user.displayName })}
                        confirmLabel={t('users.resetTotpConfirm')}
                        isBusy={busyId === user.id}
                        onConfirm={() => change(user, 'reset-totp')}
                      />
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UserFieldset({ prefix, draft, units, errors, onChange, isEmailShown }: {
  prefix: string;
  draft: UserDraft;
  units: readonly Unit[];
  errors: Record<string, string>;
  onChange: (draft: UserDraft) => void;
  isEmailShown: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        fieldKey={`${prefix}.displayName`}
        label={t('users.name')}
        autoComplete="off"
        value={draft.displayName}
        error={errors[`${prefix}.displayName`]}
        onChange={(event) => onChange({ ...draft, displayName: event.target.value })}
      />
      {isEmailShown ? (
        <TextField
          fieldKey={`${prefix}.email`}
          label={t('users.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={draft.email}
          error={errors[`${prefix}.email`]}
          onChange={(event) => onChange({ ...draft, email: event.target.value })}
        />
      ) : null}
      <SelectField
        fieldKey={`${prefix}.role`}
        label={t('users.role')}
        options={assignableRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
        value={draft.role}
        emptyLabel={draft.role ? undefined : t('users.chooseRole')}
        error={errors[`${prefix}.role`]}
        onChange={(value) => onChange({ ...draft, role: value })}
      />
      <SelectField
        fieldKey={`${prefix}.unitId`}
        label={t('users.unit')}
        options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        value={draft.unitId}
        emptyLabel={t('users.noUnit')}
        error={errors[`${prefix}.unitId`]}
        onChange={(value) => onChange({ ...draft, unitId: value })}
      />
      <SelectField<ServiceLine>
        fieldKey={`${prefix}.serviceLine`}
        label={t('users.serviceLine')}
        hint={t('users.serviceLineHint')}
        options={(['victim', 'perpetrator'] as const).map((value) => ({ value, label: t(`serviceLine.${value}`) }))}
        value={draft.serviceLine}
        emptyLabel={t('serviceLine.all')}
        error={errors[`${prefix}.serviceLine`]}
        onChange={(value) => onChange({ ...draft, serviceLine: value })}
      />
    </>
  );
}

function validateDraft(draft: UserDraft, prefix: string, isEmailRequired: boolean, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.displayName.trim()) errors[`${prefix}.displayName`] = t('users.errors.name');
  if (isEmailRequired && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) errors[`${prefix}.email`] = t('users.errors.email');
  if (!draft.role) errors[`${prefix}.role`] = t('users.errors.role');
  return errors;
}

function CreateUser({ units, onCreated }: { units: readonly Unit[]; onCreated: (user: AdminUser, password: string) => void }) {
  const { t } = useTranslation();
  const empty: UserDraft = { displayName: '', email: '', role: '', unitId: '', serviceLine: '' };
  const [draft, setDraft] = useState<UserDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = validateDraft(draft, 'create', true, t);
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((n) => n + 1);
    setIsBusy(true);
    try {
      const result = await createUser({
        email: draft.email.trim().toLowerCase(),
        displayName: draft.displayName.trim(),
        role: draft.role as AssignableRole,
        unitId: draft.unitId || undefined,
        serviceLine: draft.serviceLine || undefined,
      });
      setDraft(empty);
      onCreated(result.user, result.initialPassword);
    } catch (error) {
      setErrors(formErrorsOf(error, 'create', userFields, errorTexts(t), { code: 'email_taken', field: 'email' }));
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="app-form-section" aria-labelledby="users-create-heading">
      <h2 id="users-create-heading">{t('users.createHeading')}</h2>
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <UserFieldset prefix="create" draft={draft} units={units} errors={errors} onChange={setDraft} isEmailShown />
        <button type="submit" className="button button-primary">
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}

function EditUser({ user, units, onClose, onSaved }: { user: AdminUser; units: readonly Unit[]; onClose: () => void; onSaved: (user: AdminUser) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserDraft>({
    displayName: user.displayName,
    email: user.email,
    // A platform admin is never edited here; the empty choice makes the admin pick a real role.
    role: user.role === 'platform_admin' ? '' : user.role,
    unitId: user.unitId ?? '',
    serviceLine: user.serviceLine ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found = validateDraft(draft, 'edit', false, t);
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((n) => n + 1);
    setIsBusy(true);
    try {
      onSaved(
        await updateUser(user.id, {
          displayName: draft.displayName.trim(),
          role: draft.role as AssignableRole,
          unitId: draft.unitId || null,
          serviceLine: draft.serviceLine || null,
        }),
      );
    } catch (error) {
      setErrors(formErrorsOf(error, 'edit', userFields, errorTexts(t)));
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="app-form-section" aria-labelledby="users-edit-heading">
      <h2 id="users-edit-heading" tabIndex={-1} className="app-page-heading" ref={headingRef}>
        {t('users.editHeading', { name: user.displayName })}
      </h2>
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <UserFieldset prefix="edit" draft={draft} units={units} errors={errors} onChange={setDraft} isEmailShown={false} />
        <div className="app-button-row">
          <button type="submit" className="button button-primary">
            {t('users.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Units({ units, error, onCreated }: { units: readonly Unit[] | undefined; error: ApiError | undefined; onCreated: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (!name.trim()) return setErrors({ 'unit.name': t('users.errors.unitName') });
    setIsBusy(true);
    setErrors({});
    try {
      const unit = await createUnit({ name: name.trim() });
      setName('');
      onCreated(unit);
    } catch (caught) {
      setErrors(formErrorsOf(caught, 'unit', ['name'], errorTexts(t), { code: 'conflict', field: 'name' }));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="app-form-section" aria-labelledby="users-units-heading">
      <h2 id="users-units-heading">{t('users.unitsHeading')}</h2>
      {error ? <LoadFailed message={error.detail ?? t('errors.network')} /> : !units ? <Loading /> : units.length === 0 ? <p>{t('users.noUnits')}</p> : (
        <ul>
          {units.map((unit) => (
            <li key={unit.id}>{unit.name}</li>
          ))}
        </ul>
      )}
      {errors[''] ? (
        <Alert variant="error" heading={t('common.actionFailed')} role="alert" headingLevel={3}>
          <p>{errors['']}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <TextField fieldKey="unit.name" label={t('users.unitName')} autoComplete="off" value={name} error={errors['unit.name']} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button button-secondary">
          {t('users.createUnit')}
        </button>
      </form>
    </section>
  );
}
