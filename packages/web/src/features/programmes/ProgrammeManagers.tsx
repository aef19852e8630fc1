import { AppointManagerRequest, type Programme } from '@bro/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRowAction } from '../../api/useRowAction';
import { AppForm } from '../../forms/AppForm';
import { FormTextField } from '../../forms/fields';
import { byField, requestSchema } from '../../forms/schema';
import { useAppForm } from '../../forms/useAppForm';
import { ActionFailed } from '../../ui/ActionFailed';
import { RowButton } from '../../ui/RowActions';
import { appointCoManager, programmeKeys, removeManager } from './programmes.api';

/** The programme's managers: a manager may appoint a co-manager and remove one, never the last (the server says so). */
export function ProgrammeManagers({ programme, onChanged }: { programme: Programme; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const changed = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    onChanged(message);
  };
  const action = useRowAction(changed);
  const schema = useMemo(
    () => requestSchema({ schema: AppointManagerRequest, toRequest: (draft: { email: string }) => draft, messageOf: byField({ email: t('programmes.errors.email') }, t('errors.unexpected')) }),
    [t],
  );
  const form = useAppForm({
    schema,
    defaultValues: { email: '' },
    idPrefix: 'co-manager',
    codeFields: { manager_not_found: 'email' },
    onSubmit: async (request) => {
      await appointCoManager(programme.id, request);
      form.reset();
      changed(t('programmes.appointedMessage'));
    },
  });
  return (
    <section aria-labelledby="programme-managers-heading">
      <h2 id="programme-managers-heading">{t('programmes.managers')}</h2>
      <ActionFailed message={action.error} headingLevel={3} />
      <ul className="app-plain-list">
        {programme.managers.map((manager) => (
          <li key={manager.userId}>
            {manager.displayName} ({manager.organisationName ?? manager.email})
            <RowButton
              label={t('programmes.remove')}
              rowName={manager.displayName}
              onClick={() => void action.run({ rowId: manager.userId, call: () => removeManager(programme.id, manager.userId), message: t('programmes.removedMessage') })}
            />
          </li>
        ))}
      </ul>
      <AppForm form={form}>
        <FormTextField control={form.control} name="email" label={t('programmes.managerEmail')} hint={t('programmes.managerEmailHint')} type="email" autoComplete="off" />
        <button type="submit" className="button button-secondary">
          {t('programmes.appoint')}
        </button>
      </AppForm>
    </section>
  );
}
