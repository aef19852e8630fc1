import { ReauthenticateRequest } from '@bro/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setReauthenticationHandler } from '../../api/client';
import { AppForm } from '../../forms/AppForm';
import { FormTextField } from '../../forms/fields';
import { TotpCodeField } from './TotpCodeField';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { ModalDialog } from '../../ui/ModalDialog';
import { reauthenticate } from './auth.api';
import { useSession } from './useSession';

type Resolve = (isDone: boolean) => void;

/**
 * When the server answers a risky change (a role, a protection flag, an export …) with `reauthentication_required`,
 * this dialog asks for the password and a TOTP code again; once they are accepted the API client sends the same
 * change again by itself. Cancelled, the change is refused as the server said. A session from an identity provider
 * cannot prove itself with a password here: it is offered a fresh sign-in instead.
 */
export function ReauthenticationDialog() {
  const { session } = useSession();
  const [resolve, setResolve] = useState<Resolve | null>(null);
  // Several refused requests at once (two tabs of a page) share one question and one answer.
  const asking = useRef<Promise<boolean> | null>(null);
  useEffect(() => {
    setReauthenticationHandler(() => {
      asking.current ??= new Promise<boolean>((done) => setResolve(() => done)).finally(() => {
        asking.current = null;
      });
      return asking.current;
    });
    return () => setReauthenticationHandler(undefined);
  }, []);
  if (!resolve || !session) return null;
  const close = (isDone: boolean) => {
    setResolve(null);
    resolve(isDone);
  };
  return session.authMethod === 'oidc' ? <FreshSignIn onCancel={() => close(false)} /> : <PasswordAndCode onDone={() => close(true)} onCancel={() => close(false)} />;
}

function PasswordAndCode({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  // "123 456" is how the apps show it: spaces are not part of the code.
  const schema = useRequestSchema(
    ReauthenticateRequest,
    (values: { password: string; code: string }) => ({ password: values.password, code: values.code.replace(/\s/g, '') }),
    (t) => ({ password: t('login.passwordRequired'), code: t('login.codeFormat') }),
  );
  const form = useAppForm({
    schema,
    // Nothing worth keeping: a password and a code.
    guardsLeaving: false,
    idPrefix: 'reauthentication',
    defaultValues: { password: '', code: '' },
    onSubmit: async (request) => {
      try {
        await reauthenticate(request);
      } catch (error) {
        form.setValue('code', '');
        throw error;
      }
      onDone();
    },
  });
  return (
    <ModalDialog
      heading={t('reauthentication.heading')}
      onEscape={onCancel}
      actions={
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('reauthentication.cancel')}
        </button>
      }
    >
      <p>{t('reauthentication.intro')}</p>
      <AppForm form={form}>
        <FormTextField control={form.control} name="password" label={t('login.password')} type="password" autoComplete="current-password" />
        <TotpCodeField control={form.control} />
        <div className="app-button-row">
          <button type="submit" className="button button-primary" disabled={form.isBusy}>
            {form.isBusy ? t('reauthentication.checking') : t('reauthentication.confirm')}
          </button>
        </div>
      </AppForm>
    </ModalDialog>
  );
}

function FreshSignIn({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <ModalDialog
      heading={t('reauthentication.heading')}
      onEscape={onCancel}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('reauthentication.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void signOut('logout')}>
            {t('reauthentication.signInAgain')}
          </button>
        </>
      }
    >
      <p>{t('reauthentication.oidcIntro')}</p>
    </ModalDialog>
  );
}
