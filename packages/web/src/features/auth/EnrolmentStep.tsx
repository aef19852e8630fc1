import type { LoginStage } from '@bro/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { setCsrfToken } from '../../api/client';
import { AppForm } from '../../forms/AppForm';
import { FormTextField } from '../../forms/fields';
import { SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { PageHeading } from '../../ui/PageHeading';
import { enrolWithLink } from './auth.api';
import { enrolmentSchema } from './enrolment-form';

/**
 * The first step of a one-time enrolment link: the person chooses a password. The server spends the link and
 * continues the login at the second factor, so `onPassed` leads on to the usual TOTP enrolment step.
 */
export function EnrolmentStep({ token, onPassed }: { token: string; onPassed: (stage: LoginStage) => void }) {
  const { t } = useTranslation();
  // Made again when the language changes, as useRequestSchema does.
  const schema = useMemo(() => enrolmentSchema(t, token), [t, token]);
  const form = useAppForm({
    schema,
    // A half-typed password or code is worth nothing once the page is left: no question before leaving.
    guardsLeaving: false,
    defaultValues: { password: '', repeat: '' },
    onSubmit: async (request) => {
      const result = await enrolWithLink(request);
      setCsrfToken(result.csrfToken);
      onPassed(result.stage);
    },
  });
  return (
    <>
      <PageHeading>{t('enrolment.heading')}</PageHeading>
      <p>{t('enrolment.intro')}</p>
      <AppForm form={form}>
        <FormTextField control={form.control} name="password" label={t('enrolment.password')} hint={t('enrolment.passwordHint')} type="password" autoComplete="new-password" />
        <FormTextField control={form.control} name="repeat" label={t('enrolment.repeat')} type="password" autoComplete="new-password" />
        <SubmitRow isBusy={form.isBusy}>{form.isBusy ? t('enrolment.saving') : t('enrolment.submit')}</SubmitRow>
      </AppForm>
    </>
  );
}
