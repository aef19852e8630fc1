import { formatReceiptCode, HeardAbout, HOTLINE_CHOICE, PersonRole, selfReferralFields, type ReceiptStatus, type SelfReferralField } from '@bro/domain';
import type { ContactFormOptions, SelfReferralTarget } from '../referrals/index.ts';
import { contactFieldError, contactLanguages, contactTexts } from './contact-pages.text.ts';
import { html, type SafeHtml } from '../../platform/html.ts';
import type { PageLanguage } from '../directory/index.ts';
import { pagePath, type Page } from './layout.render.ts';
import { layoutTexts } from './layout.text.ts';
import { danishInside, organisationNameIn } from './localised-text.render.ts';

/**
 * The "contact me" form, its receipt and the receipt lookup: server-rendered, working without JavaScript (the one
 * extra script only solves the spam brake's proof of work). Every form posts, so nothing the person types ends up
 * in a URL, a browser history entry or a server log. Every value is escaped by `html`.
 */

export type ContactFormValues = Partial<Record<SelfReferralField, string>>;

export type ContactPageInput = {
  lang: PageLanguage;
  options: ContactFormOptions;
  values: ContactFormValues;
  errors: Partial<Record<SelfReferralField, string>>;
  /** A problem with the whole form (expired, rate limited), shown at the top. */
  formProblem?: string | undefined;
  /** Shown when the listing the person came from takes no requests. */
  notice?: string | undefined;
  challenge: string;
  /** The GET query to keep on the language links (`tjeneste`, `kilde`). */
  query: string;
};

/** The id of the first control of each field: where the error summary's links go. */
function firstControlId(field: SelfReferralField, input: ContactPageInput): string {
  switch (field) {
    case 'role':
      return 'role-exposed';
    case 'smsAllowed':
    case 'voicemailAllowed':
      return `${field}-yes`;
    case 'service':
      return input.options.hotline ? `service-${HOTLINE_CHOICE}` : `service-${input.options.targets[0]?.slug ?? ''}`;
    default:
      return field;
  }
}

function targetName(target: SelfReferralTarget, lang: PageLanguage): { value: string; isDanish: boolean } {
  if (lang === 'en') return { value: target.names.en, isDanish: false };
  if (lang === 'ar' && target.names.ar) return { value: target.names.ar, isDanish: false };
  return { value: target.names.da, isDanish: lang === 'ar' };
}

/** The form's field parts: each ties its error message and hint to its control (aria-describedby, aria-invalid). */
function contactFieldParts(lang: PageLanguage, errors: ContactPageInput['errors']) {
  const t = contactTexts[lang];
  const error = (field: SelfReferralField) => {
    const code = errors[field];
    return code === undefined ? '' : html`<p class="error-message" id="${field}-error">${contactFieldError(lang, field, code)}</p>`;
  };
  const invalid = (field: SelfReferralField) => (errors[field] === undefined ? '' : html` aria-invalid="true"`);
  const describedBy = (field: SelfReferralField, hintId?: string) => {
    const ids = [hintId, errors[field] === undefined ? undefined : `${field}-error`].filter(Boolean).join(' ');
    return ids ? html` aria-describedby="${ids}"` : '';
  };
  const radio = (name: SelfReferralField, value: string, label: SafeHtml | string, isChecked: boolean, hint?: SafeHtml | string) =>
    html`<div class="radio"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${isChecked ? html` checked` : ''}${hint ? html` aria-describedby="${name}-${value}-hint"` : ''}><label for="${name}-${value}">${label}</label></div>${
      hint ? html`<p class="hint" id="${name}-${value}-hint">${hint}</p>` : ''
    }`;
  const yesNo = (name: 'smsAllowed' | 'voicemailAllowed', legend: string, value: string | undefined) =>
    html`<fieldset class="field"${describedBy(name)}><legend>${legend}</legend>${error(name)}${radio(name, 'yes', t.yes, value === 'yes')}${radio(name, 'no', t.no, value !== 'yes')}</fieldset>`;
  return { error, invalid, describedBy, radio, yesNo };
}

/** The summary above the form: every field error as a link to its control, and a problem with the form as a whole. */
function renderErrorSummary(input: ContactPageInput): SafeHtml | '' {
  const { lang, errors } = input;
  const t = contactTexts[lang];
  const fieldsWithErrors = selfReferralFields.filter((field) => errors[field] !== undefined);
  if (fieldsWithErrors.length === 0 && !input.formProblem) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-heading">
<h2 id="error-summary-heading">${t.errorSummaryHeading}</h2>
${input.formProblem ? html`<p>${input.formProblem}</p>` : ''}
${fieldsWithErrors.length > 0 ? html`<ul>${fieldsWithErrors.map((field) => html`<li><a href="#${firstControlId(field, input)}">${contactFieldError(lang, field, errors[field] ?? 'required')}</a></li>`)}</ul>` : ''}
</div>`;
}

/** A page of markup that reads top to bottom: the form in the order a person fills it in. */
export function renderContactPage(input: ContactPageInput): Page {
  const { lang, values, errors } = input;
  const t = contactTexts[lang];
  const { error, invalid, describedBy, radio, yesNo } = contactFieldParts(lang, errors);
  const language = values.language ?? lang;
  const heardAbout = values.heardAbout ?? 'not_said';
  const service = values.service ?? (input.options.hotline ? HOTLINE_CHOICE : '');

  const body = html`<h1>${t.contactHeading}</h1>
<p class="lead">${t.contactIntro}</p>
${renderErrorSummary(input)}
${input.notice ? html`<p class="notice">${input.notice}</p>` : ''}
<form id="contact-form" method="post" action="${pagePath(lang, '/kontakt')}" autocomplete="off" data-waiting="${t.waiting}">
<input type="hidden" name="challenge" value="${input.challenge}">
<input type="hidden" name="nonce" value="">
<fieldset class="field"${describedBy('role')}><legend>${t.roleLegend}</legend>${error('role')}
${PersonRole.options.map((role) => radio('role', role, t.roles[role], values.role === role))}
</fieldset>
<fieldset class="field"><legend>${t.howLegend}</legend>
<div class="field"><label for="phone">${t.phoneLabel}</label><p class="hint" id="phone-hint">${t.phoneHint}</p>${error('phone')}
<input id="phone" name="phone" type="text" inputmode="tel" maxlength="20" autocomplete="off" dir="ltr" value="${values.phone ?? ''}"${describedBy('phone', 'phone-hint')}${invalid('phone')}></div>
${yesNo('smsAllowed', t.smsLegend, values.smsAllowed)}
${yesNo('voicemailAllowed', t.voicemailLegend, values.voicemailAllowed)}
<div class="field"><label for="safeTimes">${t.safeTimesLabel}</label><p class="hint" id="safeTimes-hint">${t.safeTimesHint}</p>${error('safeTimes')}
<input id="safeTimes" name="safeTimes" type="text" maxlength="200" autocomplete="off" value="${values.safeTimes ?? ''}"${describedBy('safeTimes', 'safeTimes-hint')}${invalid('safeTimes')}></div>
<div class="field"><label for="language">${t.languageLabel}</label>${error('language')}
<select id="language" name="language"${describedBy('language')}${invalid('language')}>${contactLanguages.map(
    (option) =>
      html`<option value="${option.code}" lang="${option.code}" dir="${option.dir}"${option.code === language ? html` selected` : ''}>${option.endonym}</option>`,
  )}</select></div>
</fieldset>
<fieldset class="field"><legend>${t.aboutYouLegend}</legend>
<div class="field"><label for="name">${t.nameLabel}</label><p class="hint" id="name-hint">${t.nameHint}</p>${error('name')}
<input id="name" name="name" type="text" maxlength="60" autocomplete="off" value="${values.name ?? ''}"${describedBy('name', 'name-hint')}${invalid('name')}></div>
<div class="field"><label for="about">${t.aboutLabel}</label><p class="hint" id="about-hint">${t.aboutHint}</p>${error('about')}
<textarea id="about" name="about" rows="5" maxlength="1000" autocomplete="off"${describedBy('about', 'about-hint')}${invalid('about')}>${values.about ?? ''}</textarea></div>
</fieldset>
<fieldset class="field"${describedBy('service', 'service-hint')}><legend>${t.serviceLegend}</legend><p class="hint" id="service-hint">${t.serviceHint}</p>${error('service')}
${input.options.hotline ? radio('service', HOTLINE_CHOICE, t.hotlineChoice, service === HOTLINE_CHOICE, t.hotlineChoiceHint(organisationNameIn(lang, input.options.hotline.organisationName))) : ''}
${input.options.targets
  .filter((target) => !target.isHotline)
  .map((target) => {
    const name = targetName(target, lang);
    const label = html`<span${name.isDanish ? danishInside : ''}>${name.value}</span> (${organisationNameIn(lang, target.organisationName)})`;
    return radio('service', target.slug, label, service === target.slug);
  })}
</fieldset>
<div class="field"><label for="heardAbout">${t.heardAboutLabel}</label>
<select id="heardAbout" name="heardAbout">${HeardAbout.options.map((value) => html`<option value="${value}"${value === heardAbout ? html` selected` : ''}>${t.heardAbout[value]}</option>`)}</select></div>
<fieldset class="field"${describedBy('consent')}><legend>${t.consentLegend}</legend>${error('consent')}
<div class="checkbox"><input id="consent" name="consent" type="checkbox" value="yes"${values.consent === 'yes' ? html` checked` : ''}${invalid('consent')}><label for="consent">${t.consentLabel}</label></div>
</fieldset>
<p class="hint">${t.spamNote}</p>
<p class="hint">${t.whatWeStore}</p>
<div class="actions"><button type="submit" class="button">${t.submit}</button></div>
<p class="hint" id="contact-form-status" role="status" aria-live="polite"></p>
</form>
<p><a href="${pagePath(lang, '/kvittering')}">${t.haveCode}</a></p>
<script src="/public/contact-pow.js" defer></script>`;
  return { lang, path: '/kontakt', query: input.query, description: t.contactDescription, body };
}

/**
 * After sending: the receipt code, once, with an honest word on what it shows and to whom. The page is the answer
 * to a POST (never cached: no-store), so the code never appears in a URL.
 */
export function renderReceiptPage(lang: PageLanguage, receiptCode: string): Page {
  const t = contactTexts[lang];
  const body = html`<h1>${t.receiptHeading}</h1>
<p class="lead">${t.receiptIntro}</p>
<section class="contact-box" aria-labelledby="receipt-code-heading">
<h2 id="receipt-code-heading">${t.receiptCodeHeading}</h2>
<p class="receipt-code"><strong dir="ltr" translate="no">${formatReceiptCode(receiptCode)}</strong></p>
<p>${t.receiptCodeHelp}</p>
<p><strong>${t.receiptWarning}</strong></p>
<p><a href="${pagePath(lang, '/kvittering')}">${t.lookupLink}</a></p>
</section>
<p class="emergency-box">${layoutTexts[lang].emergency}</p>`;
  return { lang, path: '/kontakt', description: null, body };
}

export type ReceiptLookupResult = { kind: 'found'; status: ReceiptStatus } | { kind: 'not_found' } | { kind: 'code_format' } | { kind: 'rate_limited' };

/** The lookup form, and after a lookup its result: a status word, or a neutral "not found". Never echoes the code. */
export function renderReceiptLookupPage(lang: PageLanguage, result?: ReceiptLookupResult): Page {
  const t = contactTexts[lang];
  const hasFormatError = result?.kind === 'code_format';
  const outcome =
    result === undefined || result.kind === 'code_format'
      ? ''
      : html`<section class="${result.kind === 'found' ? 'contact-box' : 'notice'}" role="status" aria-labelledby="status-heading"><h2 id="status-heading">${t.statusHeading}</h2>
<p>${result.kind === 'found' ? t.status[result.status] : result.kind === 'not_found' ? t.notFound : t.lookupRateLimited}</p>
${result.kind === 'found' && result.status === 'closed' ? html`<p><a href="${pagePath(lang, '/kontakt')}">${t.newRequest}</a></p>` : ''}</section>`;
  const body = html`<h1>${t.lookupHeading}</h1>
${outcome}
<p class="notice">${t.lookupWarning}</p>
<form method="post" action="${pagePath(lang, '/kvittering')}" autocomplete="off">
<div class="field"><label for="code">${t.codeLabel}</label><p class="hint" id="code-hint">${t.lookupIntro} ${t.codeHint}</p>
${hasFormatError ? html`<p class="error-message" id="code-error">${t.codeFormat}</p>` : ''}
<input id="code" name="code" type="text" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" aria-describedby="${hasFormatError ? 'code-hint code-error' : 'code-hint'}"${hasFormatError ? html` aria-invalid="true"` : ''}></div>
<div class="actions"><button type="submit" class="button">${t.lookupSubmit}</button></div>
</form>`;
  return { lang, path: '/kvittering', description: t.lookupDescription, body };
}

/** The form was larger than the body limit: nothing can be shown again, so say what to do. */
export function renderTooLargePage(lang: PageLanguage): Page {
  const t = contactTexts[lang];
  return { lang, path: '/kontakt', description: null, body: html`<h1>${t.contactHeading}</h1><p class="notice">${t.tooLarge}</p>` };
}
