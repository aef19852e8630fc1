import type { Translation } from '../../i18n/translation';
import type { authDa } from './auth.da';

/** Same keys as the Danish texts, any text (see i18n/translation.ts). */
export const authEn: Translation<typeof authDa> = {
  login: {
    heading: 'Log in',
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    signingIn: 'Logging in …',
    emailRequired: 'Enter your email',
    passwordRequired: 'Enter your password',
    totpHeading: 'Enter your one-time code',
    totpIntro: 'Open the authenticator app on your phone and enter the 6-digit code it shows for Bro.',
    enrolmentHeading: 'Set up two-step verification',
    enrolmentStep1: 'Open an authenticator app on your phone, for example Microsoft Authenticator or Google Authenticator.',
    enrolmentStep2: 'Scan the QR code, or type the secret key below into the app.',
    enrolmentStep3: 'Enter the 6-digit code the app shows.',
    qrAlt: 'QR code to scan with your authenticator app to add Bro',
    secretIntro: 'Cannot scan? Type this key into the app:',
    code: 'One-time code',
    codeHint: '6 digits from your authenticator app',
    codeFormat: 'Enter the 6 digits from your authenticator app',
    confirm: 'Confirm',
    restart: 'Start again with email and password',
    oidcHeading: 'Log in through your organisation',
    oidcIntro: 'If your organisation uses its own login, you can log in here.',
    oidcButton: 'Log in with {{name}}',
    oidcFailedHeading: 'You were not logged in',
    oidcFailed: 'Logging in through your organisation failed. Try again, or log in with email and password.',
    loggedOutHeading: 'You are now logged out',
    signedOutHeading: 'You have been logged out',
    signedOutExpired: 'Your session has ended. Log in again to continue.',
    signedOutIdle: 'You were not active for a while, so Bro logged you out for security. Log in again to continue.',
  },
};
