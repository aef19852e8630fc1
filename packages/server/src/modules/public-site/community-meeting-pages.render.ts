import { communityMeetingSignUpFields, formatReceiptCode, type CommunityMeetingSignUpField } from '@bro/domain';
import type { PageLanguage } from '../directory/index.ts';
import type { PublicCommunityMeeting } from '../community-meetings/index.ts';
import { html, type SafeHtml } from '../../platform/html.ts';
import { pagePath, type Page } from './layout.render.ts';
import { formatLocale, layoutTexts } from './layout.text.ts';
import { communityMeetingTexts, signUpFieldError } from './community-meeting-pages.text.ts';
import { danishInside, organisationNameIn, paragraphs, summarise } from './localised-text.render.ts';

/**
 * Community meetings on the public site: the list (`/faellesskabsmoeder`, filter by city), a meeting with its sign-up
 * form, the receipt, cancelling by receipt code (`/faellesskabsmoeder/afmeld`) and the anonymous evaluation
 * (`/evaluering`). Server-rendered, no JavaScript needed (the sign-up form uses the contact form's proof-of-work
 * script when it can), every form posts. A registered-only address is never given to these renderers.
 */

export const MEETINGS_PATH = '/faellesskabsmoeder';
export const CANCEL_PATH = `${MEETINGS_PATH}/afmeld`;
export const EVALUATION_PATH = '/evaluering';

const whenFormats = new Map<PageLanguage, Intl.DateTimeFormat>();
const timeFormats = new Map<PageLanguage, Intl.DateTimeFormat>();

function when(lang: PageLanguage, meeting: PublicCommunityMeeting): string {
  if (!whenFormats.has(lang)) whenFormats.set(lang, new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }));
  if (!timeFormats.has(lang)) timeFormats.set(lang, new Intl.DateTimeFormat(formatLocale[lang], { timeStyle: 'short', timeZone: 'Europe/Copenhagen' }));
  return `${whenFormats.get(lang)?.format(meeting.startsAt) ?? ''}–${timeFormats.get(lang)?.format(meeting.endsAt) ?? ''}`;
}

/** The host's texts are written in Danish: marked as such on an English or Arabic page. */
function hostText(lang: PageLanguage): SafeHtml | '' {
  return lang === 'da' ? '' : danishInside;
}

function meetingFacts(lang: PageLanguage, meeting: PublicCommunityMeeting): SafeHtml {
  const t = communityMeetingTexts[lang];
  return html`<dl class="facts">
<dt>${t.when}</dt><dd>${when(lang, meeting)}</dd>
<dt>${t.where}</dt><dd><span${hostText(lang)}>${meeting.placeName}, ${meeting.city}</span>${
    meeting.address ? html`<br><span${hostText(lang)}>${meeting.address}</span>` : html`<br>${t.addressOnSignUp}`
  }</dd>
<dt>${t.host}</dt><dd>${organisationNameIn(lang, meeting.organisationName)}</dd>
</dl>`;
}

export function renderMeetingListPage(lang: PageLanguage, input: { meetings: PublicCommunityMeeting[]; cities: string[]; city: string | undefined }): Page {
  const t = communityMeetingTexts[lang];
  const option = (value: string, label: string) => html`<option value="${value}"${value === (input.city ?? '') ? html` selected` : ''}>${label}</option>`;
  const list =
    input.meetings.length === 0
      ? html`<p class="notice">${input.city ? t.noneInCity : t.none}</p>`
      : html`<ul class="result-list">${input.meetings.map(
          (meeting) => html`<li class="result">
<h2><a href="${pagePath(lang, `${MEETINGS_PATH}/${meeting.id}`)}"><span${hostText(lang)}>${meeting.theme}</span></a></h2>
<p><strong>${meeting.city}</strong> · ${when(lang, meeting)}</p>
<p${hostText(lang)}>${summarise(meeting.description)}</p>
<p>${meeting.placesLeft > 0 ? t.placesLeft(meeting.placesLeft) : html`<strong>${t.full}</strong>`}</p>
</li>`,
        )}</ul>`;
  const body = html`<h1>${t.listHeading}</h1>
<p class="lead">${t.listIntro}</p>
<form method="get" action="${pagePath(lang, MEETINGS_PATH)}" class="filters-inline">
<div class="field"><label for="by">${t.cityLabel}</label>
<select id="by" name="by">${option('', t.allCities)}${input.cities.map((city) => option(city, city))}</select></div>
<div class="actions"><button type="submit" class="button">${t.filter}</button></div>
</form>
${list}
<p><a href="${pagePath(lang, CANCEL_PATH)}">${t.cancelLink}</a></p>`;
  const query = input.city ? `?${new URLSearchParams({ by: input.city }).toString()}` : '';
  return { lang, path: MEETINGS_PATH, query, description: t.listDescription, body };
}

export type SignUpFormState = {
  values: Partial<Record<CommunityMeetingSignUpField, string>>;
  errors: Partial<Record<CommunityMeetingSignUpField, string>>;
  formProblem?: string | undefined;
  challenge: string;
};

function firstControlId(field: CommunityMeetingSignUpField): string {
  if (field === 'contactKind') return 'contactKind-email';
  if (field === 'mayMessage' || field === 'mayLeaveMessage') return `${field}-yes`;
  return field;
}

function signUpForm(lang: PageLanguage, meeting: PublicCommunityMeeting, state: SignUpFormState): SafeHtml {
  const t = communityMeetingTexts[lang];
  const { values, errors } = state;
  const error = (field: CommunityMeetingSignUpField) =>
    errors[field] === undefined ? '' : html`<p class="error-message" id="${field}-error">${signUpFieldError(lang, field, errors[field] ?? 'required')}</p>`;
  const described = (field: CommunityMeetingSignUpField, hint?: string) => {
    const ids = [hint, errors[field] === undefined ? undefined : `${field}-error`].filter(Boolean).join(' ');
    return ids ? html` aria-describedby="${ids}"` : '';
  };
  const invalid = (field: CommunityMeetingSignUpField) => (errors[field] === undefined ? '' : html` aria-invalid="true"`);
  const radio = (name: CommunityMeetingSignUpField, value: string, label: string, isChecked: boolean) =>
    html`<div class="radio"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${isChecked ? html` checked` : ''}><label for="${name}-${value}">${label}</label></div>`;
  // Neither answer is chosen beforehand: whether a phone or mailbox is safe is the person's own, deliberate answer.
  const yesNo = (name: 'mayMessage' | 'mayLeaveMessage', legend: string, hint?: string) =>
    html`<fieldset class="field"${described(name, hint ? `${name}-hint` : undefined)}><legend>${legend}</legend>${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}${error(name)}${radio(name, 'yes', t.yes, values[name] === 'yes')}${radio(name, 'no', t.no, values[name] === 'no')}</fieldset>`;
  const withErrors = communityMeetingSignUpFields.filter((field) => errors[field] !== undefined);
  const summary =
    withErrors.length === 0 && !state.formProblem
      ? ''
      : html`<div class="error-summary" role="alert" aria-labelledby="error-summary-heading"><h2 id="error-summary-heading">${t.errorSummaryHeading}</h2>
${state.formProblem ? html`<p>${state.formProblem}</p>` : ''}${
          withErrors.length > 0 ? html`<ul>${withErrors.map((field) => html`<li><a href="#${firstControlId(field)}">${signUpFieldError(lang, field, errors[field] ?? 'required')}</a></li>`)}</ul>` : ''
        }</div>`;
  const contactKind = values.contactKind ?? 'email';
  return html`<h2 id="sign-up-heading">${t.signUpHeading}</h2>
<p>${t.signUpIntro}</p>
${summary}
<form id="contact-form" method="post" action="${pagePath(lang, `${MEETINGS_PATH}/${meeting.id}`)}" autocomplete="off" data-waiting="${t.waiting}" aria-labelledby="sign-up-heading">
<input type="hidden" name="challenge" value="${state.challenge}">
<input type="hidden" name="nonce" value="">
<div class="field"><label for="firstName">${t.firstNameLabel}</label><p class="hint" id="firstName-hint">${t.firstNameHint}</p>${error('firstName')}
<input id="firstName" name="firstName" type="text" maxlength="60" autocomplete="off" value="${values.firstName ?? ''}"${described('firstName', 'firstName-hint')}${invalid('firstName')}></div>
<fieldset class="field"${described('contactKind')}><legend>${t.contactLegend}</legend>${error('contactKind')}
${radio('contactKind', 'email', t.contactEmail, contactKind === 'email')}${radio('contactKind', 'phone', t.contactPhone, contactKind === 'phone')}
<p class="hint" id="contact-hint">${t.phoneHint}</p>
<div class="field"><label for="email">${t.emailLabel}</label>${error('email')}
<input id="email" name="email" type="text" inputmode="email" maxlength="200" autocomplete="off" dir="ltr" value="${values.email ?? ''}"${described('email', 'contact-hint')}${invalid('email')}></div>
<div class="field"><label for="phone">${t.phoneLabel}</label>${error('phone')}
<input id="phone" name="phone" type="text" inputmode="tel" maxlength="30" autocomplete="off" dir="ltr" value="${values.phone ?? ''}"${described('phone', 'contact-hint')}${invalid('phone')}></div>
</fieldset>
${yesNo('mayMessage', t.mayMessageLegend, t.mayMessageHint)}
${yesNo('mayLeaveMessage', t.mayLeaveMessageLegend)}
<fieldset class="field"${described('consent')}><legend>${t.consentLegend}</legend>${error('consent')}
<div class="checkbox"><input id="consent" name="consent" type="checkbox" value="yes"${values.consent === 'yes' ? html` checked` : ''}${invalid('consent')}><label for="consent">${t.consentLabel}</label></div>
</fieldset>
<p class="hint">${t.whatWeStore}</p>
<div class="actions"><button type="submit" class="button">${t.submit}</button></div>
<p class="hint" id="contact-form-status" role="status" aria-live="polite"></p>
</form>
<script src="/public/contact-pow.js" defer></script>`;
}

/** A meeting, and its sign-up form while there are places (a full meeting says so instead). */
export function renderMeetingPage(lang: PageLanguage, meeting: PublicCommunityMeeting, form: SignUpFormState): Page {
  const t = communityMeetingTexts[lang];
  const body = html`<p class="back"><a href="${pagePath(lang, MEETINGS_PATH)}">${t.back}</a></p>
<h1${hostText(lang)}>${meeting.theme}</h1>
${meetingFacts(lang, meeting)}
<div${hostText(lang)}>${paragraphs(meeting.description)}</div>
${meeting.placesLeft > 0 ? html`<p>${t.placesLeft(meeting.placesLeft)}</p>${signUpForm(lang, meeting, form)}` : html`<p class="notice"><strong>${t.fullHeading}.</strong> ${t.fullText}</p>`}`;
  return { lang, path: `${MEETINGS_PATH}/${meeting.id}`, description: summarise(meeting.description, 150) || t.listDescription, body };
}

/** After signing up: the receipt code, once (the answer to a POST, never cached), and where the address comes from. */
export function renderSignUpReceiptPage(lang: PageLanguage, input: { receiptCode: string; isAddressSent: boolean }): Page {
  const t = communityMeetingTexts[lang];
  const body = html`<h1>${t.receiptHeading}</h1>
<p class="lead">${t.receiptIntro} ${input.isAddressSent ? t.receiptAddressSent : t.receiptAddressPublic}</p>
<section class="contact-box" aria-labelledby="receipt-code-heading">
<h2 id="receipt-code-heading">${t.receiptCodeHeading}</h2>
<p class="receipt-code"><strong dir="ltr" translate="no">${formatReceiptCode(input.receiptCode)}</strong></p>
<p>${t.receiptCodeHelp}</p>
<p><strong>${t.receiptWarning}</strong></p>
<p><a href="${pagePath(lang, CANCEL_PATH)}">${t.cancelLink}</a></p>
</section>
<p class="emergency-box">${layoutTexts[lang].emergency}</p>`;
  return { lang, path: MEETINGS_PATH, description: null, body };
}

/** A sign-up that was not made: the meeting filled up, the same form came again, or sign-up has closed. */
export function renderSignUpRefusedPage(lang: PageLanguage, kind: 'full' | 'already_signed_up' | 'not_open'): Page {
  const t = communityMeetingTexts[lang];
  const [heading, text] = kind === 'full' ? [t.fullHeading, t.fullText] : kind === 'already_signed_up' ? [t.alreadyHeading, t.alreadyText] : [t.notOpen, ''];
  const body = html`<h1>${heading}</h1>
<p class="notice" role="status">${text || heading}</p>
<p><a href="${pagePath(lang, MEETINGS_PATH)}">${t.back}</a></p>`;
  return { lang, path: MEETINGS_PATH, description: null, body };
}

export type CancelResult = 'cancelled' | 'not_found' | 'code_format' | 'rate_limited';

export function renderCancelPage(lang: PageLanguage, result?: CancelResult): Page {
  const t = communityMeetingTexts[lang];
  const hasFormatError = result === 'code_format';
  const message = result === 'cancelled' ? t.cancelled : result === 'not_found' ? t.cancelNotFound : result === 'rate_limited' ? t.rateLimited : undefined;
  const body = html`<h1>${t.cancelHeading}</h1>
${message ? html`<p class="${result === 'cancelled' ? 'contact-box' : 'notice'}" role="status">${message}</p>` : ''}
<form method="post" action="${pagePath(lang, CANCEL_PATH)}" autocomplete="off">
<div class="field"><label for="code">${t.codeLabel}</label><p class="hint" id="code-hint">${t.cancelIntro} ${t.codeHint}</p>
${hasFormatError ? html`<p class="error-message" id="code-error">${t.codeFormat}</p>` : ''}
<input id="code" name="code" type="text" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" aria-describedby="${hasFormatError ? 'code-hint code-error' : 'code-hint'}"${hasFormatError ? html` aria-invalid="true"` : ''}></div>
<div class="actions"><button type="submit" class="button">${t.cancelSubmit}</button></div>
</form>
<p><a href="${pagePath(lang, MEETINGS_PATH)}">${t.back}</a></p>`;
  return { lang, path: CANCEL_PATH, description: t.cancelDescription, body };
}

export type EvaluationResult = 'recorded' | 'wrong_code' | 'expired' | 'not_started' | 'incomplete' | 'rate_limited';

/** The anonymous evaluation: the code from the meeting and three answers, in one form. */
export function renderEvaluationPage(lang: PageLanguage, result?: EvaluationResult): Page {
  const t = communityMeetingTexts[lang];
  if (result === 'recorded') {
    return { lang, path: EVALUATION_PATH, description: null, body: html`<h1>${t.evaluationHeading}</h1><p class="contact-box" role="status">${t.evaluationThanks}</p>` };
  }
  const problems: Record<Exclude<EvaluationResult, 'recorded'>, string> = {
    wrong_code: t.evaluationWrongCode,
    expired: t.evaluationExpired,
    not_started: t.evaluationNotStarted,
    incomplete: t.fieldErrors.required ?? '',
    rate_limited: t.rateLimited,
  };
  const rating = (name: string, legend: string) =>
    html`<fieldset class="field" aria-describedby="${name}-hint"><legend>${legend}</legend><p class="hint" id="${name}-hint">${t.ratingLow}, ${t.ratingHigh}</p>
<div class="rating">${[1, 2, 3, 4, 5].map((value) => html`<div class="radio"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"><label for="${name}-${value}">${value}</label></div>`)}</div></fieldset>`;
  const body = html`<h1>${t.evaluationHeading}</h1>
<p class="lead">${t.evaluationIntro}</p>
${result ? html`<div class="error-summary" role="alert"><p>${problems[result]}</p></div>` : ''}
<form method="post" action="${pagePath(lang, EVALUATION_PATH)}" autocomplete="off">
<div class="field"><label for="code">${t.evaluationCodeLabel}</label><p class="hint" id="code-hint">${t.codeHint}</p>
<input id="code" name="code" type="text" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" aria-describedby="code-hint"></div>
${rating('feltSafe', t.feltSafeLegend)}
${rating('learnedWhereToGetHelp', t.learnedLegend)}
<fieldset class="field"><legend>${t.intendsLegend}</legend>
${(['yes', 'no', 'unsure'] as const).map((value) => html`<div class="radio"><input type="radio" id="intendsToSeekHelp-${value}" name="intendsToSeekHelp" value="${value}"><label for="intendsToSeekHelp-${value}">${t.intends[value]}</label></div>`)}
</fieldset>
<p class="hint">${t.evaluationAnonymous}</p>
<div class="actions"><button type="submit" class="button">${t.evaluationSubmit}</button></div>
</form>`;
  return { lang, path: EVALUATION_PATH, description: t.evaluationDescription, body };
}
