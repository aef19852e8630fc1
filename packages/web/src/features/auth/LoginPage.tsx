import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import {
  ApiError,
  enrolTotp,
  fetchOidcProviders,
  fetchTotpEnrolment,
  logIn,
  oidcStartUrl,
  setCsrfToken,
  verifyTotp,
  type SessionInfo,
  type TotpEnrolment,
} from '../../api';
import { useResource } from '../../useResource';
import { Alert } from '../../ui/Alert';
import { ErrorSummary, type SummaryError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useSession } from './useSession';

type Step = 'credentials' | 'totp' | 'enrolment';

/** Where the guard sent us from; only an app path (ids, never personal data), and never back to /login. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const location = useLocation();
  const [step, setStep] = useState<Step>('credentials');

  // Signing in sets the session; this render then takes the user on to where the guard found them.
  if (session) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <div className="app-narrow">
      {step === 'credentials' ? (
        <CredentialsStep onPassed={(next) => setStep(next === 'mfa_enrolment' ? 'enrolment' : 'totp')} />
      ) : (
        <TotpStep key={step} isEnrolment={step === 'enrolment'} onSignedIn={(info: SessionInfo) => signIn(info)} onRestart={() => setStep('credentials')} />
      )}
      {step === 'credentials' ? null : (
        <p className="mt-5">
          <button type="button" className="app-link-button" onClick={() => setStep('credentials')}>
            {t('login.restart')}
          </button>
        </p>
      )}
    </div>
  );
}

function SignedOutNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = params.get('reason');
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

function CredentialsStep({ onPassed }: { onPassed: (stage: 'mfa_required' | 'mfa_enrolment') => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  const providers = useResource((signal) => fetchOidcProviders(signal).catch(() => []), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t('login.emailRequired');
    if (!password) found.password = t('login.passwordRequired');
    setErrors(found);
    setServerError(undefined);
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setIsBusy(true);
    try {
      const result = await logIn({ email: email.trim(), password });
      setCsrfToken(result.csrfToken);
      onPassed(result.stage);
    } catch (error) {
      setPassword('');
      setServerError(error instanceof ApiError && error.status !== 0 ? (error.detail ?? t('errors.unexpected')) : t('errors.network'));
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  };

  const summary: SummaryError[] = [
    ...(serverError ? [{ message: serverError }] : []),
    ...Object.entries(errors).map(([fieldKey, message]) => ({ fieldKey, message })),
  ];

  return (
    <>
      <PageHeading>{t('login.heading')}</PageHeading>
      <SignedOutNotice />
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <TextField
          fieldKey="email"
          label={t('login.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          fieldKey="password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="app-button-row">
          <button type="submit" className="button button-primary">
            {isBusy ? t('login.signingIn') : t('login.submit')}
          </button>
        </div>
      </form>
      {providers.data && providers.data.length > 0 ? (
        <section className="app-section" aria-labelledby="login-oidc-heading">
          <h2 id="login-oidc-heading">{t('login.oidcHeading')}</h2>
          <p>{t('login.oidcIntro')}</p>
          <div className="app-button-row">
            {providers.data.map((provider) => (
              // A full-page navigation: the identity provider's pages are not ours to render.
              <a key={provider.organisationSlug} className="button button-secondary" href={oidcStartUrl(provider.organisationSlug)}>
                {t('login.oidcButton', { name: provider.displayName })}
              </a>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

type TotpStepProps = { isEnrolment: boolean; onSignedIn: (session: SessionInfo) => void; onRestart: () => void };

function TotpStep({ isEnrolment, onSignedIn, onRestart }: TotpStepProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [serverError, setServerError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | ApiError>();

  useEffect(() => {
    if (!isEnrolment) return;
    fetchTotpEnrolment().then(setEnrolment, (caught: unknown) => setEnrolment(caught instanceof ApiError ? caught : new ApiError(0, undefined)));
  }, [isEnrolment]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const digits = code.replace(/\s/g, '');
    setServerError(undefined);
    if (!/^\d{6}$/.test(digits)) {
      setError(t('login.codeFormat'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    setIsBusy(true);
    try {
      onSignedIn(isEnrolment ? await enrolTotp(digits) : await verifyTotp(digits));
    } catch (caught) {
      setCode('');
      if (caught instanceof ApiError && caught.status === 401 && caught.code !== 'invalid_totp') {
        // The half-finished sign-in ran out (or was never there): start again from the password.
        onRestart();
        return;
      }
      setServerError(caught instanceof ApiError && caught.status !== 0 ? (caught.detail ?? t('errors.unexpected')) : t('errors.network'));
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  };

  const summary: SummaryError[] = [...(serverError ? [{ message: serverError }] : []), ...(error ? [{ fieldKey: 'code', message: error }] : [])];

  return (
    <>
      <PageHeading>{isEnrolment ? t('login.enrolmentHeading') : t('login.totpHeading')}</PageHeading>
      <ErrorSummary errors={summary} attempt={attempt} />
      {isEnrolment ? <EnrolmentInstructions enrolment={enrolment} /> : <p>{t('login.totpIntro')}</p>}
      <form noValidate onSubmit={submit} aria-busy={isBusy}>
        <TextField
          fieldKey="code"
          label={t('login.code')}
          hint={t('login.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          spellCheck={false}
          inputClassName="app-code-input"
          value={code}
          error={error}
          onChange={(event) => setCode(event.target.value)}
        />
        <div className="app-button-row">
          <button type="submit" className="button button-primary">
            {isBusy ? t('login.signingIn') : t('login.confirm')}
          </button>
        </div>
      </form>
    </>
  );
}

function EnrolmentInstructions({ enrolment }: { enrolment: TotpEnrolment | ApiError | undefined }) {
  const { t } = useTranslation();
  if (!enrolment) return <Loading />;
  if (enrolment instanceof ApiError) {
    return (
      <Alert variant="error" heading={t('common.loadFailed')} role="alert">
        <p>{enrolment.detail ?? t('errors.network')}</p>
      </Alert>
    );
  }
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
