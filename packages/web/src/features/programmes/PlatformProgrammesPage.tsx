import { AppointManagerRequest, CreateProgrammeRequest, type ProgrammeSummary } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { AppForm } from '../../forms/AppForm';
import { FormTextField } from '../../forms/fields';
import { SubmitOrCancel } from '../../forms/FormPanel';
import { byField, requestSchema } from '../../forms/schema';
import { useAppForm } from '../../forms/useAppForm';
import { useFormat } from '../../i18n/format';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { RowButton } from '../../ui/RowActions';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { StatusBadge, periodText } from './ProgrammesPage';
import { allProgrammesQuery, appointManager, createProgramme, programmeKeys } from './programmes.api';

/** `/platform/programmes`: the platform admin starts programmes and appoints their managers. No referral is reachable. */
export function PlatformProgrammesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const programmes = useQuery({ ...allProgrammesQuery, select: (list) => [...list].sort((a, b) => format.compare(a.name, b.name)) });
  const [message, setMessage] = useState<string>();
  const [appointFor, setAppointFor] = useState<ProgrammeSummary>();
  usePageTitle(t('programmes.platformHeading'));
  const changed = (text: string) => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: programmeKeys.platform });
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  };
  return (
    <>
      <PageHeading>{t('programmes.platformHeading')}</PageHeading>
      <p className="font-lead app-narrow">{t('programmes.platformIntro')}</p>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      <Loaded query={programmes}>
        {(list) => (
          <TableFrame caption={t('programmes.caption')} columns={[t('programmes.name'), t('programmes.status'), t('programmes.period'), t('programmes.managers'), '']}>
            {list.map((programme) => (
              <tr key={programme.id}>
                <td data-title={t('programmes.name')}>{programme.name}</td>
                <td data-title={t('programmes.status')}>
                  <StatusBadge status={programme.status} />
                </td>
                <td data-title={t('programmes.period')}>{periodText(programme, t, format)}</td>
                <td data-title={t('programmes.managers')}>{programme.managers.map((manager) => `${manager.displayName} (${manager.email})`).join(', ')}</td>
                <td>
                  <RowButton label={t('programmes.appoint')} rowName={programme.name} onClick={() => setAppointFor(programme)} />
                </td>
              </tr>
            ))}
          </TableFrame>
        )}
      </Loaded>
      {appointFor ? (
        <AppointManager
          key={appointFor.id}
          programme={appointFor}
          onClose={() => setAppointFor(undefined)}
          onAppointed={() => {
            setAppointFor(undefined);
            changed(t('programmes.appointedMessage'));
          }}
        />
      ) : null}
      <CreateProgramme onCreated={(created) => changed(t('programmes.createdMessage', { name: created.name }))} />
    </>
  );
}

const createSchema = (t: TFunction) =>
  requestSchema({
    schema: CreateProgrammeRequest,
    toRequest: (draft: { name: string; managerEmail: string }) => draft,
    messageOf: byField({ name: t('programmes.errors.name'), managerEmail: t('programmes.errors.email') }, t('errors.unexpected')),
  });

function CreateProgramme({ onCreated }: { onCreated: (programme: ProgrammeSummary) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => createSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: { name: '', managerEmail: '' },
    idPrefix: 'create-programme',
    codeFields: { manager_not_found: 'managerEmail' },
    onSubmit: async (request) => {
      const created = await createProgramme(request);
      form.reset();
      onCreated(created);
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="programmes-create-heading">
      <h2 id="programmes-create-heading">{t('programmes.createHeading')}</h2>
      <AppForm form={form}>
        <FormTextField control={form.control} name="name" label={t('programmes.name')} autoComplete="off" />
        <FormTextField control={form.control} name="managerEmail" label={t('programmes.managerEmail')} hint={t('programmes.managerEmailHint')} type="email" autoComplete="off" />
        <button type="submit" className="button button-primary">
          {t('programmes.create')}
        </button>
      </AppForm>
    </section>
  );
}

const appointSchema = (t: TFunction) =>
  requestSchema({ schema: AppointManagerRequest, toRequest: (draft: { email: string }) => draft, messageOf: byField({ email: t('programmes.errors.email') }, t('errors.unexpected')) });

function AppointManager({ programme, onClose, onAppointed }: { programme: ProgrammeSummary; onClose: () => void; onAppointed: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const schema = useMemo(() => appointSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: { email: '' },
    idPrefix: 'appoint-manager',
    codeFields: { manager_not_found: 'email' },
    onSubmit: async (request) => {
      await appointManager(programme.id, request);
      onAppointed();
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="programmes-appoint-heading">
      <h2 id="programmes-appoint-heading" tabIndex={-1} className="app-page-heading" ref={headingRef}>
        {t('programmes.appointHeading', { name: programme.name })}
      </h2>
      <AppForm form={form}>
        <FormTextField control={form.control} name="email" label={t('programmes.managerEmail')} hint={t('programmes.managerEmailHint')} type="email" autoComplete="off" />
        <SubmitOrCancel submitLabel={t('programmes.appoint')} onCancel={onClose} />
      </AppForm>
    </section>
  );
}
