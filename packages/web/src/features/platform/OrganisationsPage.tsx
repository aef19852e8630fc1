import type { OrganisationKind } from '@bro/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createOrganisation, createOrganisationAdmin, updateOrganisation, type PlatformOrganisation, type UpdateOrganisationRequest } from '../../api';
import { errorTexts, formErrorsOf, summaryOf } from '../../form-errors';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { InitialPassword } from '../../ui/InitialPassword';
import { LiveMessage } from '../../ui/LiveMessage';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useOrganisations } from './useOrganisations';

/** Kinds a platform admin may create; the platform operator exists once, from installation. */
const creatableKinds: readonly OrganisationKind[] = [
  'police_district',
  'municipality',
  'national_hotline',
  'counselling_service',
  'shelter',
  'perpetrator_programme',
  'ngo',
];

/** `/platform/organisations`: tenants and their first admins. No case content is reachable from here. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<{ name: string; password: string }>();
  const [adminFor, setAdminFor] = useState<PlatformOrganisation>();

  return (
    <>
      <PageHeading>{t('organisations.heading')}</PageHeading>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      {created ? <InitialPassword name={created.name} password={created.password} onHide={() => setCreated(undefined)} /> : null}
      {organisations.error ? (
        <LoadFailed message={organisations.error.detail ?? t('errors.network')} onRetry={() => void organisations.reload()} />
      ) : !organisations.data ? (
        <Loading />
      ) : (
        <OrganisationsTable
          organisations={organisations.data}
          onAddAdmin={setAdminFor}
          onChanged={(text) => {
            setMessage(text);
            void organisations.reload();
          }}
        />
      )}
      {adminFor ? (
        <CreateAdmin
          key={adminFor.id}
          organisation={adminFor}
          onClose={() => setAdminFor(undefined)}
          onCreated={(name, password) => {
            setAdminFor(undefined);
            setCreated({ name, password });
            void organisations.reload();
          }}
        />
      ) : null}
      <CreateOrganisation
        onCreated={(organisation) => {
          setMessage(t('organisations.createdMessage', { name: organisation.name }));
          void organisations.reload();
        }}
      />
    </>
  );
}

type TableProps = { organisations: readonly PlatformOrganisation[]; onAddAdmin: (organisation: PlatformOrganisation) => void; onChanged: (message: string) => void };

function OrganisationsTable({ organisations, onAddAdmin, onChanged }: TableProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [busyId, setBusyId] = useState<string>();

  const update = async (organisation: PlatformOrganisation, change: UpdateOrganisationRequest, doneMessage: string) => {
    setBusyId(organisation.id);
    setError(undefined);
    try {
      await updateOrganisation(organisation.id, change);
      onChanged(doneMessage);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status !== 0 ? (caught.detail ?? t('errors.unexpected')) : t('errors.network'));
    } finally {
      setBusyId(undefined);
    }
  };

  if (organisations.length === 0) return <p>{t('organisations.empty')}</p>;
  return (
    <>
      {error ? (
        <Alert variant="error" heading={t('common.actionFailed')} role="alert">
          <p>{error}</p>
        </Alert>
      ) : null}
      <div className="app-table-wrapper">
        <table className="table table--borderless table--responsive-headers">
          <caption className="sr-only">{t('organisations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.name')}</th>
              <th scope="col">{t('organisations.kind')}</th>
              <th scope="col">{t('organisations.municipalityCode')}</th>
              <th scope="col">{t('organisations.status')}</th>
              <th scope="col">{t('organisations.userCount')}</th>
              <th scope="col">{t('organisations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => {
              const name = <span className="sr-only">{organisation.name}</span>;
              return (
                <tr key={organisation.id}>
                  <td data-title={t('organisations.name')}>
                    {organisation.name}
                    <br />
                    <span className="form-hint">{organisation.slug}</span>
                  </td>
                  <td data-title={t('organisations.kind')}>{t(`organisationKind.${organisation.kind}`)}</td>
                  <td data-title={t('organisations.municipalityCode')}>{organisation.municipalityCode ?? '–'}</td>
                  <td data-title={t('organisations.status')}>
                    <span className="app-badges">
                      {organisation.isActive ? <Badge tone="success">{t('organisations.active')}</Badge> : <Badge>{t('organisations.inactive')}</Badge>}
                      {organisation.isLocalLoginEnabled ? null : <Badge tone="info">{t('organisations.localLoginOff')}</Badge>}
                    </span>
                  </td>
                  <td data-title={t('organisations.userCount')}>{organisation.userCount}</td>
                  <td data-title={t('organisations.actions')}>
                    <div className="app-table-actions">
                      <button type="button" className="button button-secondary" onClick={() => onAddAdmin(organisation)}>
                        {t('organisations.addAdmin')} {name}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() =>
                          void update(
                            organisation,
                            { isLocalLoginEnabled: !organisation.isLocalLoginEnabled },
                            t(organisation.isLocalLoginEnabled ? 'organisations.localLoginDisabledMessage' : 'organisations.localLoginEnabledMessage', { name: organisation.name }),
                          )
                        }
                      >
                        {organisation.isLocalLoginEnabled ? t('organisations.disableLocalLogin') : t('organisations.enableLocalLogin')} {name}
                      </button>
                      {organisation.isActive ? (
                        <ConfirmButton
                          label={
                            <>
                              {t('organisations.deactivate')} {name}
                            </>
                          }
                          question={t('organisations.deactivateQuestion', { name: organisation.name })}
                          confirmLabel={t('organisations.deactivateConfirm')}
                          isBusy={busyId === organisation.id}
                          onConfirm={() => update(organisation, { isActive: false }, t('organisations.deactivatedMessage', { name: organisation.name }))}
                        />
                      ) : (
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => void update(organisation, { isActive: true }, t('organisations.activatedMessage', { name: organisation.name }))}
                        >
                          {t('organisations.activate')} {name}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

type OrganisationDraft = { name: string; slug: string; kind: OrganisationKind | ''; municipalityCode: string };

function CreateOrganisation({ onCreated }: { onCreated: (organisation: PlatformOrganisation) => void }) {
  const { t } = useTranslation();
  const empty: OrganisationDraft = { name: '', slug: '', kind: '', municipalityCode: '' };
  const [draft, setDraft] = useState<OrganisationDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found: Record<string, string> = {};
    if (!draft.name.trim()) found['organisation.name'] = t('organisations.errors.name');
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(draft.slug.trim())) found['organisation.slug'] = t('organisations.errors.slug');
    if (!draft.kind) found['organisation.kind'] = t('organisations.errors.kind');
    if (draft.municipalityCode.trim() && !/^\d{3}$/.test(draft.municipalityCode.trim())) found['organisation.municipalityCode'] = t('organisations.errors.municipalityCode');
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((n) => n + 1);
    setIsBusy(true);
    try {
      const organisation = await createOrganisation({
        name: draft.name.trim(),
        slug: draft.slug.trim(),
        kind: draft.kind as OrganisationKind,
        municipalityCode: draft.municipalityCode.trim() || undefined,
      });
      setDraft(empty);
      onCreated(organisation);
    } catch (error) {
      setErrors(formErrorsOf(error, 'organisation', ['name', 'slug', 'kind', 'municipalityCode'], errorTexts(t), { code: 'slug_taken', field: 'slug' }));
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="app-form-section" aria-labelledby="organisations-create-heading">
      <h2 id="organisations-create-heading">{t('organisations.createHeading')}</h2>
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <TextField
          fieldKey="organisation.name"
          label={t('organisations.name')}
          autoComplete="off"
          value={draft.name}
          error={errors['organisation.name']}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        <TextField
          fieldKey="organisation.slug"
          label={t('organisations.slug')}
          hint={t('organisations.slugHint')}
          autoComplete="off"
          spellCheck={false}
          inputClassName="app-short-input"
          value={draft.slug}
          error={errors['organisation.slug']}
          onChange={(event) => setDraft({ ...draft, slug: event.target.value.toLowerCase() })}
        />
        <SelectField
          fieldKey="organisation.kind"
          label={t('organisations.kind')}
          options={creatableKinds.map((value) => ({ value, label: t(`organisationKind.${value}`) }))}
          value={draft.kind}
          emptyLabel={draft.kind ? undefined : t('organisations.chooseKind')}
          error={errors['organisation.kind']}
          onChange={(value) => setDraft({ ...draft, kind: value })}
        />
        <TextField
          fieldKey="organisation.municipalityCode"
          label={t('organisations.municipalityCodeOptional')}
          hint={t('organisations.municipalityCodeHint')}
          inputMode="numeric"
          maxLength={3}
          autoComplete="off"
          inputClassName="app-short-input"
          value={draft.municipalityCode}
          error={errors['organisation.municipalityCode']}
          onChange={(event) => setDraft({ ...draft, municipalityCode: event.target.value })}
        />
        <button type="submit" className="button button-primary">
          {t('organisations.create')}
        </button>
      </form>
    </section>
  );
}

type CreateAdminProps = { organisation: PlatformOrganisation; onClose: () => void; onCreated: (name: string, password: string) => void };

function CreateAdmin({ organisation, onClose, onCreated }: CreateAdminProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found: Record<string, string> = {};
    if (!displayName.trim()) found['admin.displayName'] = t('users.errors.name');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found['admin.email'] = t('users.errors.email');
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((n) => n + 1);
    setIsBusy(true);
    try {
      const result = await createOrganisationAdmin(organisation.id, { email: email.trim().toLowerCase(), displayName: displayName.trim() });
      onCreated(result.user.displayName, result.initialPassword);
    } catch (error) {
      setErrors(formErrorsOf(error, 'admin', ['email', 'displayName'], errorTexts(t), { code: 'email_taken', field: 'email' }));
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="app-form-section" aria-labelledby="organisations-admin-heading">
      <h2 id="organisations-admin-heading" ref={headingRef} tabIndex={-1} className="app-page-heading">
        {t('organisations.addAdminHeading', { name: organisation.name })}
      </h2>
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <TextField
          fieldKey="admin.displayName"
          label={t('users.name')}
          autoComplete="off"
          value={displayName}
          error={errors['admin.displayName']}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <TextField
          fieldKey="admin.email"
          label={t('users.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          error={errors['admin.email']}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="app-button-row">
          <button type="submit" className="button button-primary">
            {t('organisations.createAdmin')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
