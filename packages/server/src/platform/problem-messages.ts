import type { ProblemCode } from '@bro/domain';

export type Language = 'da' | 'en';

/** Named values a detail may include: names of services or organisations, never anything about a person. */
export type DetailValues = Readonly<Record<string, string>>;

type Message = { title: string; detail: string | ((values: DetailValues) => string) };

/** Every problem code in Danish and English. Danish is the default. */
export const problemMessages: Record<ProblemCode, Record<Language, Message>> = {
  validation_failed: {
    da: { title: 'Ugyldige oplysninger', detail: 'Nogle af oplysningerne er ikke udfyldt korrekt. Ret de markerede felter og prøv igen.' },
    en: { title: 'Invalid input', detail: 'Some of the information is not filled in correctly. Correct the marked fields and try again.' },
  },
  unauthenticated: {
    da: { title: 'Log ind', detail: 'Du skal være logget ind for at se denne side.' },
    en: { title: 'Sign in', detail: 'You must be signed in to see this page.' },
  },
  forbidden: {
    da: { title: 'Ingen adgang', detail: 'Din rolle giver ikke adgang til dette.' },
    en: { title: 'No access', detail: 'Your role does not give access to this.' },
  },
  not_found: {
    da: { title: 'Ikke fundet', detail: 'Det, du leder efter, findes ikke, eller du har ikke adgang til det.' },
    en: { title: 'Not found', detail: 'What you are looking for does not exist, or you do not have access to it.' },
  },
  conflict: {
    da: { title: 'Konflikt', detail: 'Ændringen kunne ikke gennemføres, fordi oplysningerne er ændret i mellemtiden. Hent siden igen.' },
    en: { title: 'Conflict', detail: 'The change could not be made because the information has changed meanwhile. Reload the page.' },
  },
  rate_limited: {
    da: { title: 'For mange forsøg', detail: 'Der er sendt for mange forespørgsler. Vent lidt, og prøv igen.' },
    en: { title: 'Too many attempts', detail: 'Too many requests were sent. Wait a little and try again.' },
  },
  payload_too_large: {
    da: { title: 'For meget data', detail: 'Forespørgslen er for stor.' },
    en: { title: 'Too much data', detail: 'The request is too large.' },
  },
  csrf_failed: {
    da: { title: 'Sikkerhedstjek fejlede', detail: 'Forespørgslen manglede et sikkerhedstjek. Hent siden igen, og prøv igen.' },
    en: { title: 'Security check failed', detail: 'The request lacked a security check. Reload the page and try again.' },
  },
  invalid_credentials: {
    da: { title: 'Forkert login', detail: 'E-mail eller adgangskode er forkert.' },
    en: { title: 'Wrong sign-in', detail: 'The e-mail or password is wrong.' },
  },
  account_locked: {
    da: { title: 'Kontoen er spærret', detail: 'Kontoen er spærret efter for mange forkerte forsøg. Vi har sendt en e-mail med et link, så du selv kan låse den op. Du kan også kontakte din organisations administrator.' },
    en: { title: 'Account locked', detail: 'The account is locked after too many failed attempts. We have sent an e-mail with a link to unlock it yourself. You can also contact your organisation’s administrator.' },
  },
  invalid_totp: {
    da: { title: 'Forkert kode', detail: 'Engangskoden er forkert eller udløbet. Prøv med den nye kode fra din app.' },
    en: { title: 'Wrong code', detail: 'The one-time code is wrong or has expired. Try the new code from your app.' },
  },
  session_expired: {
    da: { title: 'Du er logget ud', detail: 'Du er blevet logget ud, fordi du har været inaktiv, eller fordi sessionen er udløbet. Log ind igen.' },
    en: { title: 'You are signed out', detail: 'You were signed out after inactivity or because the session expired. Sign in again.' },
  },
  consent_required: {
    da: { title: 'Samtykke mangler', detail: 'Henvisningen kan ikke sendes uden borgerens samtykke til, at modtageren får oplysningerne.' },
    en: { title: 'Consent missing', detail: 'The referral cannot be sent without the person’s consent to share the information with the recipient.' },
  },
  consent_withdrawn: {
    da: { title: 'Samtykket er trukket tilbage', detail: 'Borgeren har trukket sit samtykke tilbage. Oplysningerne kan ikke længere deles.' },
    en: { title: 'Consent withdrawn', detail: 'The person has withdrawn their consent. The information can no longer be shared.' },
  },
  transition_not_allowed: {
    da: { title: 'Ikke muligt nu', detail: 'Handlingen er ikke mulig, når henvisningen har denne status.' },
    en: { title: 'Not possible now', detail: 'This action is not possible while the referral has this status.' },
  },
  service_not_allowed: {
    da: { title: 'Tilbuddet kan ikke vælges', detail: 'Det valgte tilbud er ikke en del af jeres henvisningsprogram.' },
    en: { title: 'Service not available', detail: 'The chosen service is not part of your referral programme.' },
  },
  role_not_received: {
    da: {
      title: 'Tilbuddet tager ikke imod personen',
      detail: ({ services }) =>
        `Det valgte tilbud tager ikke imod en person i den rolle, så ingen hos tilbuddet ville kunne se henvisningen. ${services ? `Disse tilbud gør: ${services}.` : 'Intet af de tilbud, du kan vælge, gør.'}`,
    },
    en: {
      title: 'The service does not take this person',
      detail: ({ services }) =>
        `The chosen service does not take a person in that role, so nobody there could see the referral. ${services ? `These services do: ${services}.` : 'None of the services you can choose does.'}`,
    },
  },
  person_not_received: {
    da: {
      title: 'Tilbuddet tager ikke imod personen',
      detail: ({ services }) =>
        `Det valgte tilbud tager ikke imod personer af dette køn eller denne alder, så henvisningen ville blive afvist. ${services ? `Disse tilbud gør: ${services}.` : 'Intet af de tilbud, du kan vælge, gør.'}`,
    },
    en: {
      title: 'The service does not take this person',
      detail: ({ services }) =>
        `The chosen service does not take people of this gender or age, so the referral would be declined. ${services ? `These services do: ${services}.` : 'None of the services you can choose does.'}`,
    },
  },
  service_in_use: {
    da: {
      title: 'Tilbuddet har åbne sager',
      detail: 'Tilbuddet har åbne henvisninger eller forløb. Linjen kan ikke ændres, og tilbuddet kan ikke lukkes her. Brug »Afslut tilbud«, som overdrager sagerne til et andet tilbud eller afslutter dem med en begrundelse, så ingen sag står uden nogen til at se den.',
    },
    en: {
      title: 'The service has open cases',
      detail: 'The service has open referrals or courses. Its line cannot change, and it cannot be closed here. Use “End service”, which hands the cases over to another service or closes them with a reason, so no case is left with nobody to see it.',
    },
  },
  open_work_not_movable: {
    da: {
      title: 'Tilbuddet kan ikke overtage sagerne',
      detail: ({ referrals, courses }) =>
        `Det valgte tilbud kan ikke overtage ${referrals ?? '0'} af de åbne henvisninger og ${courses ?? '0'} af de åbne forløb: det tager ikke imod personerne (rolle, køn eller alder), borgeren har ikke givet samtykke til, at tilbuddets organisation får oplysningerne, eller forløbet hører til en anden organisation. Intet er ændret. Vælg et andet tilbud, eller afslut sagerne med en begrundelse.`,
    },
    en: {
      title: 'The service cannot take over the cases',
      detail: ({ referrals, courses }) =>
        `The chosen service cannot take over ${referrals ?? '0'} of the open referrals and ${courses ?? '0'} of the open courses: it does not take the people (role, gender or age), the person has not consented to its organisation receiving the information, or the course belongs to another organisation. Nothing was changed. Choose another service, or close the cases with a reason.`,
    },
  },
  programme_changed: {
    da: { title: 'Programmet er ændret imens', detail: 'En anden har ændret programmet, mens du arbejdede. Hent den nye version, og lav din ændring igen.' },
    en: { title: 'The programme changed meanwhile', detail: 'Someone else changed the programme while you worked. Load the new version and make your change again.' },
  },
  programme_role_not_seen: {
    da: {
      title: 'Tilbuddet kan ikke tage imod de roller',
      detail: ({ services }) => `Et tilbud kan kun tage imod de roller, dets linje ser, ellers ville ingen hos tilbuddet kunne se henvisningen. Ret: ${services ?? ''}.`,
    },
    en: {
      title: 'The service cannot take those roles',
      detail: ({ services }) => `A service can only take the roles its line sees, or nobody there could see the referral. Correct: ${services ?? ''}.`,
    },
  },
  programme_has_open_referrals: {
    da: {
      title: 'Programmet har åbne henvisninger',
      detail: 'Programmet kan ikke afsluttes, før dets åbne henvisninger er overdraget til et andet tilbud eller lukket med en begrundelse. Brug "Afslut programmet".',
    },
    en: {
      title: 'The programme has open referrals',
      detail: 'The programme cannot end until its open referrals are handed over to another service or closed with a reason. Use "End the programme".',
    },
  },
  manager_not_found: {
    da: { title: 'Ingen bruger med den e-mail', detail: 'Der er ingen aktiv bruger med den e-mailadresse. Brugeren skal oprettes af sin organisation først.' },
    en: { title: 'No user with that e-mail', detail: 'There is no active user with that e-mail address. Their organisation must create the user first.' },
  },
  idempotency_in_flight: {
    da: { title: 'Allerede i gang', detail: 'Den samme henvisning er ved at blive oprettet. Vent et øjeblik.' },
    en: { title: 'Already in progress', detail: 'The same referral is being created. Wait a moment.' },
  },
  idempotency_mismatch: {
    da: { title: 'Nøglen er brugt', detail: 'Idempotency-Key er allerede brugt til en anden forespørgsel.' },
    en: { title: 'Key already used', detail: 'The Idempotency-Key was already used for a different request.' },
  },
  idempotency_key_invalid: {
    da: { title: 'Ugyldig nøgle', detail: 'Idempotency-Key skal være 8–128 tegn (bogstaver, tal, bindestreg).' },
    en: { title: 'Invalid key', detail: 'Idempotency-Key must be 8–128 characters (letters, digits, dashes).' },
  },
  email_taken: {
    da: { title: 'E-mail er i brug', detail: 'Der findes allerede en bruger med denne e-mail.' },
    en: { title: 'E-mail in use', detail: 'A user with this e-mail already exists.' },
  },
  slug_taken: {
    da: { title: 'Kortnavn er i brug', detail: 'Der findes allerede en organisation med dette kortnavn.' },
    en: { title: 'Short name in use', detail: 'An organisation with this short name already exists.' },
  },
  oidc_failed: {
    da: { title: 'Login fejlede', detail: 'Login via din organisations identitetsudbyder lykkedes ikke. Prøv igen.' },
    en: { title: 'Sign-in failed', detail: 'Sign-in through your organisation’s identity provider did not succeed. Try again.' },
  },
  demo_account_refused: {
    da: { title: 'Demokonto afvist', detail: 'Demokonti kan ikke logge ind i et produktionsmiljø. Brug din egen konto.' },
    en: { title: 'Demo account refused', detail: 'Demo accounts cannot sign in to a production system. Use your own account.' },
  },
  enrolment_link_invalid: {
    da: { title: 'Linket virker ikke', detail: 'Linket er ukendt, allerede brugt eller mere end 24 timer gammelt. Bed om et nyt link.' },
    en: { title: 'The link does not work', detail: 'The link is unknown, already used or more than 24 hours old. Ask for a new link.' },
  },
  approval_by_proposer: {
    da: { title: 'Kræver en anden person', detail: 'Du har selv foreslået ændringen. En anden person skal godkende den, før den bliver offentlig.' },
    en: { title: 'Needs another person', detail: 'You proposed this change yourself. Another person must approve it before it goes public.' },
  },
  publication_request_closed: {
    da: { title: 'Allerede afgjort', detail: 'Forslaget er allerede godkendt, afvist eller erstattet af et nyere forslag. Hent siden igen.' },
    en: { title: 'Already decided', detail: 'The proposal has already been approved, rejected or replaced by a newer proposal. Reload the page.' },
  },
  reauthentication_required: {
    da: {
      title: 'Bekræft, at det er dig',
      detail: 'Denne ændring kræver, at du har bekræftet din identitet inden for de sidste 5 minutter. Indtast din adgangskode og engangskode (eller log ind igen via din organisation), og prøv igen.',
    },
    en: {
      title: 'Confirm it is you',
      detail: 'This change requires that you confirmed your identity within the last 5 minutes. Enter your password and one-time code (or sign in again through your organisation) and try again.',
    },
  },
  change_request_closed: {
    da: { title: 'Allerede afgjort', detail: 'Anmodningen er allerede godkendt eller afvist. Hent siden igen.' },
    en: { title: 'Already decided', detail: 'The request has already been approved or rejected. Reload the page.' },
  },
  cannot_deactivate_self: {
    da: { title: 'Du kan ikke deaktivere dig selv', detail: 'Du kan ikke deaktivere din egen bruger. Bed en anden administrator i din organisation om at gøre det.' },
    en: { title: 'You cannot deactivate yourself', detail: 'You cannot deactivate your own user. Ask another administrator in your organisation to do it.' },
  },
  login_throttled: {
    da: { title: 'Vent lidt', detail: 'Der har været forkerte loginforsøg med denne e-mail. Vent lidt, og prøv igen.' },
    en: { title: 'Please wait', detail: 'There have been failed sign-in attempts with this e-mail. Wait a little and try again.' },
  },
  unlock_link_invalid: {
    da: { title: 'Linket virker ikke', detail: 'Linket til at låse kontoen op er ukendt, allerede brugt eller udløbet. Kontakt din organisations administrator.' },
    en: { title: 'The link does not work', detail: 'The link to unlock the account is unknown, already used or expired. Contact your organisation’s administrator.' },
  },
  service_unavailable: {
    da: { title: 'Midlertidigt utilgængelig', detail: 'Systemet er midlertidigt utilgængeligt. Prøv igen om lidt.' },
    en: { title: 'Temporarily unavailable', detail: 'The system is temporarily unavailable. Try again shortly.' },
  },
  internal_error: {
    da: { title: 'Der skete en fejl', detail: 'Der skete en uventet fejl. Intet er gemt halvt. Prøv igen.' },
    en: { title: 'Something went wrong', detail: 'An unexpected error occurred. Nothing was half-saved. Try again.' },
  },
};

/** Danish unless the client prefers English before Danish. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'da';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return { tag, weight: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('da')) return 'da';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}
