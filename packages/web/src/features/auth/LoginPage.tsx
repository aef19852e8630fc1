import { LoginRequest, TotpCodeRequest, type LoginStage, type SessionInfo, type TotpEnrolment } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ApiError, setCsrfToken } from '../../api/client';
import { Loaded } from '../../api/Loaded';
import { AppForm } from '../../forms/AppForm';
import { FormTextField } from '../../forms/fields';
import { TotpCodeField } from './TotpCodeField';
import { SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { EnrolmentStep } from './EnrolmentStep';
import { enrolmentTokenOf, oidcInvitationTokenOf } from './enrolment-form';
import { enrolTotp, fetchPendingLogin, logIn, oidcProvidersQuery, oidcStartUrl, startInvitedOidcLogin, totpEnrolmentQuery, verifyTotp } from './auth.api';
import { useSession } from './useSession';

type Step = 'link' | 'invitation' | 'resume' | 'credentials' | 'totp' | 'enrolment';

/** Where the login starts: a one-time link, the code step after an identity provider, or e-mail and password. */
function firstStep(enrolmentToken: string | undefined, invitationToken: string | undefined, search: string): Step {
  if (enrolmentToken) return 'link';
  if (invitationToken) return 'invitation';
  return new URLSearchParams(search).get('step') === 'totp' ? 'resume' : 'credentials';
}

/** Where the guard sent us from; only an app path (ids, never personal data), and never back to /login. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/**
 * `/login`: password, then the second factor (or its first enrolment). The title stays neutral: just "Bro". A
 * one-time enrolment link (`/login#enrolment=<token>`) starts with choosing a password instead.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const location = useLocation();
  const [enrolmentToken] = useState(() => enrolmentTokenOf(location.hash));
  const [invitationToken] = useState(() => oidcInvitationTokenOf(location.hash));
  const [step, setStep] = useState<Step>(() => firstStep(enrolmentToken, invitationToken, location.search));
  usePageTitle();

  // Signing in sets the session; this render then takes the user on to where the guard found them.
  if (session) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <div className="app-narrow">
      {step === 'link' && enrolmentToken ? (
        <EnrolmentStep token={enrolmentToken} onPassed={(stage) => leaveLink(() => setStep(stage === 'mfa_enrolment' ? 'enrolment' : 'totp'))} />
      ) : step === 'invitation' && invitationToken ? (
        <InvitationStep token={invitationToken} />
      ) : step === 'resume' ? (
        <ResumePendingLogin onResumed={(stage) => setStep(stage === 'mfa_enrolment' ? 'enrolment' : 'totp')} onNone={() => setStep('credentials')} />
      ) : step === 'credentials' || step === 'link' || step === 'invitation' ? (
        <CredentialsStep onPassed={(stage) => setStep(stage === 'mfa_enrolment' ? 'enrolment' : 'totp')} />
      ) : (
        <>
          <TotpStep key={step} isEnrolment={step === 'enrolment'} onSignedIn={signIn} onRestart={() => setStep('credentials')} />
          <p className="mt-5">
            <button type="button" className="app-link-button" onClick={() => setStep('credentials')}>
              {t('login.restart')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/** The link is spent: its token leaves the address bar (and the history), then the login goes on. */
function leaveLink(next: () => void): void {
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  next();
}

/**
 * A one-time invitation (`/login#oidc-invitation=<token>`): the person goes on to their organisation's identity
 * provider, which links their account on the way back. The token leaves the address bar before they go.
 */
function InvitationStep({ token }: { token: string }) {
  const { t } = useTranslation();
  const [isStarting, setIsStarting] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const start = async () => {
    setIsStarting(true);
    try {
      const started = await startInvitedOidcLogin(token);
      leaveLink(() => window.location.assign(started.authorizationUrl));
    } catch (error) {
      setFailure(error instanceof ApiError && error.detail ? error.detail : t('errors.unexpected'));
      setIsStarting(false);
    }
  };
  return (
    <>
      <PageHeading>{t('invitation.heading')}</PageHeading>
      {failure ? (
        <Alert variant="error" heading={t('login.oidcFailedHeading')} role="alert">
          <p>{failure}</p>
        </Alert>
      ) : null}
      <p>{t('invitation.intro')}</p>
      <div className="app-button-row">
        <button type="button" className="button button-primary" disabled={isStarting} onClick={() => void start()}>
          {isStarting ? t('invitation.starting') : t('invitation.continue')}
        </button>
      </div>
    </>
  );
}

/** Back from an identity provider whose first sign-in still needs the account's TOTP code: the login goes on there. */
function ResumePendingLogin({ onResumed, onNone }: { onResumed: (stage: LoginStage) => void; onNone: () => void }) {
  useEffect(() => {
    let isCurrent = true;
    fetchPendingLogin().then(
      (pending) => {
        if (!isCurrent) return;
        setCsrfToken(pending.csrfToken);
        onResumed(pending.stage);
      },
      () => isCurrent && onNone(),
    );
    return () => {
      isCurrent = false;
    };
  }, [onResumed, onNone]);
  return <Loading />;
}

function SignedOutNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = params.get('reason');
  if (params.get('error') === 'demo_account_refused') {
    return (
      <Alert variant="error" heading={t('login.demoRefusedHeading')} role="alert">
        <p>{t('login.demoRefused')}</p>
      </Alert>
    );
  }
  if (params.get('error') === 'oidc') {
    return (
      <Alert variant="error" heading={t('login.oidcFailedHeading')} role="alert">
        <p>{t('login.oidcFailed')}</p>
      </Alert>
    );
  }
  if (reason === 'logout') return <Alert variant="success" heading={t('login.loggedOutHeading')} />;
  if (reason === 'expired' || reason === 'idle') {
    return (
      <Alert variant="info" heading={t('login.signedOutHeading')}>
        <p>{reason === 'idle' ? t('login.signedOutIdle') : t('login.signedOutExpired')}</p>
      </Alert>
    );
  }
  return null;
}

type Credentials = { email: string; password: string };

export function CredentialsStep({ onPassed }: { onPassed: (stage: LoginStage) => void }) {
  const { t } = useTranslation();
  const schema = useRequestSchema(LoginRequest, (values: Credentials) => values, (t) => ({ email: t('login.emailRequired'), password: t('login.passwordRequired') }));
  const form = useAppForm({
    schema,
    // A half-typed password or code is worth nothing once the page is left: no question before leaving.
    guardsLeaving: false,
    defaultValues: { email: '', password: '' },
    onSubmit: async (credentials) => {
      try {
        const result = await logIn(credentials);
        setCsrfToken(result.csrfToken);
        onPassed(result.stage);
      } catch (error) {
        form.setValue('password', '');
        throw error;
      }
    },
  });
  return (
    <>
      <PageHeading>{t('login.heading')}</PageHeading>
      <SignedOutNotice />
      <AppForm form={form}>
        <FormTextField control={form.control} name="email" label={t('login.email')} type="email" autoComplete="username" spellCheck={false} />
        <FormTextField control={form.control} name="password" label={t('login.password')} type="password" autoComplete="current-password" />
        <SubmitRow isBusy={form.isBusy}>{form.isBusy ? t('login.signingIn') : t('login.submit')}</SubmitRow>
      </AppForm>
      <OidcProviders />
    </>
  );
}

function OidcProviders() {
  const { t } = useTranslation();
  const providers = useQuery(oidcProvidersQuery).data ?? [];
  if (providers.length === 0) return null;
  return (
    <section className="app-section" aria-labelledby="login-oidc-heading">
      <h2 id="login-oidc-heading">{t('login.oidcHeading')}</h2>
      <p>{t('login.oidcIntro')}</p>
      <div className="app-button-row">
        {providers.map((provider) => (
          // A full-page navigation: the identity provider's pages are not ours to render.
          <a key={provider.organisationSlug} className="button button-secondary" href={oidcStartUrl(provider.organisationSlug)}>
            {t('login.oidcButton', { name: provider.displayName })}
          </a>
        ))}
      </div>
    </section>
  );
}

type TotpStepProps = { isEnrolment: boolean; onSignedIn: (session: SessionInfo) => void; onRestart: () => void };

export function TotpStep({ isEnrolment, onSignedIn, onRestart }: TotpStepProps) {
  const { t } = useTranslation();
  // "123 456" is how the apps show it: spaces are not part of the code.
  const schema = useRequestSchema(TotpCodeRequest, (values: { code: string }) => ({ code: values.code.replace(/\s/g, '') }), (t) => ({ code: t('login.codeFormat') }));
  const form = useAppForm({
    schema,
    // A half-typed password or code is worth nothing once the page is left: no question before leaving.
    guardsLeaving: false,
    defaultValues: { code: '' },
    onSubmit: async (code) => {
      try {
        onSignedIn(isEnrolment ? await enrolTotp(code) : await verifyTotp(code));
      } catch (error) {
        form.setValue('code', '');
        // The half-finished sign-in ran out (or was never there): start again from the password.
        if (error instanceof ApiError && error.status === 401 && error.code !== 'invalid_totp') return onRestart();
        throw error;
      }
    },
  });
  return (
    <>
      <PageHeading>{isEnrolment ? t('login.enrolmentHeading') : t('login.totpHeading')}</PageHeading>
      {isEnrolment ? <EnrolmentInstructions /> : <p>{t('login.totpIntro')}</p>}
      <AppForm form={form}>
        <TotpCodeField control={form.control} />
        <SubmitRow isBusy={form.isBusy}>{form.isBusy ? t('login.signingIn') : t('login.confirm')}</SubmitRow>
      </AppForm>
    </>
  );
}

/** "1234 5678 …": easier to copy by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function EnrolmentInstructions() {
  const enrolment = useQuery(totpEnrolmentQuery);
  return (
    <Loaded query={enrolment} isRetryOffered={false}>
      {(data) => <Enrolment enrolment={data} />}
    </Loaded>
  );
}

function Enrolment({ enrolment }: { enrolment: TotpEnrolment }) {
  const { t } = useTranslation();
  return (
    <>
      <ol>
        <li>{t('login.enrolmentStep1')}</li>
        <li>{t('login.enrolmentStep2')}</li>
        <li>{t('login.enrolmentStep3')}</li>
      </ol>
      <img className="app-qr" src={enrolment.qrCodeDataUrl} alt={t('login.qrAlt')} width={200} height={200} />
      <p className="mb-2">{t('login.secretIntro')}</p>
      <p className="app-secret">
        <code>{groupSecret(enrolment.secret)}</code>
      </p>
    </>
  );
}
