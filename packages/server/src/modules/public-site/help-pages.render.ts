import { Channel, isOpenAt, Situation, TargetGroup, Weekday, type WeeklyRule } from '@bro/domain';
import { html, renderDocument, type SafeHtml } from '../../platform/html.ts';
import { channelLabel, PAGE_LANGUAGES, situationLabel, targetGroupLabel, type LocalisedText, type PageLanguage, type PublicHelpService } from '../directory/index.ts';
import { formatLocale, languageEndonym, textDirection, texts } from './help-pages.text.ts';

/**
 * Server-rendered HTML for the public pages: no JavaScript needed to search and read, no inline script or style
 * (the CSP forbids both), nothing from another origin. Every interpolated value is escaped by `html` unless it is
 * itself `html` output.
 */

/** Where "Leave this page" goes: a neutral, busy, Danish site. A plain link, so it works without JavaScript. */
export const QUICK_EXIT_URL = 'https://www.dr.dk/nyheder/vejret';

/** Intl formatters are slow to build and safe to share: one of each per page language. */
function perLanguage<T>(build: (locale: string) => T): (lang: PageLanguage) => T {
  const built = new Map<PageLanguage, T>();
  return (lang) => {
    let value = built.get(lang);
    if (value === undefined) {
      value = build(formatLocale[lang]);
      built.set(lang, value);
    }
    return value;
  };
}
const languageNames = perLanguage((locale) => new Intl.DisplayNames([locale], { type: 'language' }));
const dateFormat = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }));
const weekdayFormat = perLanguage((locale) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }));
const listFormat = perLanguage((locale) => new Intl.ListFormat(locale, { type: 'unit', style: 'short' }));

/** Query parameters kept from page to page (search → service → back to search), already validated. */
export type SearchParameters = {
  situation?: Situation | undefined;
  group?: TargetGroup | undefined;
  postcode?: string | undefined;
  municipality?: string | undefined;
  channel?: Channel | undefined;
  language?: string | undefined;
  open?: '1' | undefined;
  q?: string | undefined;
  page?: number | undefined;
};

export function toQueryString(parameters: SearchParameters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type LayoutInput = { lang: PageLanguage; path: string; query?: string; body: SafeHtml };

/** Every page: quick exit FIRST in the body (first in tab order, sticky), then skip link, header, content, footer. */
export function renderLayout({ lang, path, query = '', body }: LayoutInput): string {
  const t = texts[lang];
  return renderDocument(
    html`<html lang="${lang}" dir="${textDirection[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/public/public.css">
<script src="/public/quick-exit.js" defer></script>
${PAGE_LANGUAGES.filter((other) => other !== lang).map((other) => html`<link rel="alternate" hreflang="${other}" href="/${other}${path}${query}">\n`)}</head>
<body>
<aside class="quick-exit-bar" aria-label="${t.quickExitRegion}">
<a id="quick-exit" class="quick-exit" href="${QUICK_EXIT_URL}" rel="noreferrer">${t.quickExit}</a>
<span class="quick-exit-hint">${t.quickExitHint}</span>
</aside>
<header class="site-header">
<a class="skip-link" href="#main">${t.skipToContent}</a>
<div class="container header-row">
<a class="site-name" href="/${lang}">${t.siteName}</a>
<nav aria-label="${t.languageNav}"><ul class="language-list">${PAGE_LANGUAGES.map((other) =>
      other === lang
        ? html`<li><a href="/${other}${path}${query}" lang="${other}" hreflang="${other}" aria-current="page">${languageEndonym[other]}</a></li>`
        : html`<li><a href="/${other}${path}${query}" lang="${other}" hreflang="${other}">${languageEndonym[other]}</a></li>`,
    )}</ul></nav>
</div>
<p class="container emergency">${t.emergency}</p>
</header>
<main id="main" class="container">
${body}
</main>
<footer class="site-footer"><div class="container">
<p><a href="/${lang}/sikkerhed">${t.safetyLink}</a></p>
<p>${t.noStorage}</p>
</div></footer>
</body>
</html>
`,
  );
}

export function renderStartPage(lang: PageLanguage): string {
  const t = texts[lang];
  const body = html`<h1>${t.startHeading}</h1>
<p class="lead">${t.startIntro}</p>
<h2>${t.situationsHeading}</h2>
<ul class="situations">${Situation.options.map((situation) => html`<li><a class="situation" href="/${lang}/tilbud?situation=${situation}">${situationLabel[situation][lang]}</a></li>`)}</ul>
<p><a href="/${lang}/tilbud">${t.allServices}</a></p>
<section class="contact-box" aria-labelledby="contact-me-heading"><h2 id="contact-me-heading">${t.contactMe}</h2>
<p>${t.contactMeIntro}</p>
<p><a class="situation" href="/${lang}/kontakt">${t.contactMe}</a></p>
<p><a href="/${lang}/kvittering">${t.receiptLink}</a></p></section>
<p><a href="/${lang}/sikkerhed">${t.safetyLink}</a></p>`;
  return renderLayout({ lang, path: '', body });
}

export function renderSafetyPage(lang: PageLanguage): string {
  const t = texts[lang];
  const body = html`<h1>${t.safetyHeading}</h1>
${t.safetyIntro.map((paragraph) => html`<p>${paragraph}</p>`)}
<h2>${t.cannotHideHeading}</h2>
<ul class="bullets">${t.cannotHide.map((item) => html`<li>${item}</li>`)}</ul>
<h2>${t.browsePrivatelyHeading}</h2>
<ul class="bullets">${t.browsePrivately.map((item) => html`<li>${item}</li>`)}</ul>
<p class="emergency-box">${t.emergency}</p>`;
  return renderLayout({ lang, path: '/sikkerhed', body });
}

export function renderNotFoundPage(lang: PageLanguage): string {
  const t = texts[lang];
  const body = html`<h1>${t.notFoundHeading}</h1><p>${t.notFoundText}</p><p><a href="/${lang}/tilbud">${t.allServices}</a></p>`;
  return renderLayout({ lang, path: '', body });
}

export type SearchPageInput = {
  lang: PageLanguage;
  parameters: SearchParameters;
  postcodeProblem: 'invalid' | 'unknown' | undefined;
  total: number;
  perPage: number;
  services: PublicHelpService[];
  languagesOffered: string[];
  municipalities: readonly { code: string; name: string }[];
  now: Date;
};

export function renderSearchPage(input: SearchPageInput): string {
  const { lang, parameters, total } = input;
  const t = texts[lang];
  const page = parameters.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / input.perPage));
  const keep = { ...parameters, page: undefined };
  const languageName = languageNames(lang);
  const option = (value: string, label: string, selected: string | undefined) =>
    value === selected ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`;
  const postcodeError = input.postcodeProblem === 'invalid' ? t.postcodeInvalid : undefined;

  // Once something is chosen the choices fold away, so the results are what a phone shows first.
  const hasChoices = Object.values(keep).some((value) => value !== undefined && value !== '');
  const body = html`<h1>${t.searchHeading}</h1>
<details class="filters"${hasChoices ? '' : html` open`}>
<summary>${t.filtersHeading}</summary>
<form method="get" action="/${lang}/tilbud" autocomplete="off">
<fieldset class="field"><legend>${t.situation}</legend>
${radio('situation', '', t.any, parameters.situation === undefined)}
${Situation.options.map((situation) => radio('situation', situation, situationLabel[situation][lang], parameters.situation === situation))}
</fieldset>
<div class="field"><label for="group">${t.targetGroup}</label>
<select id="group" name="group">${option('', t.any, parameters.group ?? '')}${TargetGroup.options.map((group) => option(group, targetGroupLabel[group][lang], parameters.group))}</select></div>
<fieldset class="field"><legend>${t.whereHeading}</legend>
<p class="hint" id="where-hint">${t.whereHint}</p>
<div class="field"><label for="postcode">${t.postcode}</label>
${postcodeError ? html`<p class="error-message" id="postcode-error">${postcodeError}</p>` : ''}
<input class="input-short" id="postcode" name="postcode" type="text" inputmode="numeric" maxlength="4" autocomplete="off" value="${parameters.postcode ?? ''}" aria-describedby="${postcodeError ? 'where-hint postcode-error' : 'where-hint'}"${postcodeError ? html` aria-invalid="true"` : ''}></div>
<div class="field"><label for="municipality">${t.municipality}</label>
<select id="municipality" name="municipality">${option('', t.any, parameters.municipality ?? '')}${input.municipalities.map((municipality) => option(municipality.code, municipality.name, parameters.municipality))}</select></div>
</fieldset>
<div class="field"><label for="channel">${t.channel}</label>
<select id="channel" name="channel">${option('', t.any, parameters.channel ?? '')}${Channel.options.map((channel) => option(channel, channelLabel[channel][lang], parameters.channel))}</select></div>
<div class="field"><label for="language">${t.language}</label>
<select id="language" name="language">${option('', t.any, parameters.language ?? '')}${input.languagesOffered.map((code) => option(code, languageName.of(code) ?? code, parameters.language))}</select></div>
<div class="field checkbox"><input id="open" name="open" type="checkbox" value="1"${parameters.open ? html` checked` : ''}><label for="open">${t.openNow}</label></div>
<div class="field"><label for="q">${t.searchText}</label>
<input id="q" name="q" type="search" maxlength="100" autocomplete="off" value="${parameters.q ?? ''}"></div>
<div class="actions"><button type="submit" class="button">${t.submit}</button> <a href="/${lang}/tilbud">${t.reset}</a></div>
</form>
</details>
<section class="results" aria-labelledby="results-heading">
<h2 id="results-heading">${t.resultCount(total)}</h2>
${input.postcodeProblem === 'unknown' ? html`<p class="notice">${t.postcodeUnknown}</p>` : ''}
${input.services.length === 0 ? html`<p>${t.noResults}</p>` : html`<ul class="result-list">${input.services.map((service) => renderResult(service, lang, keep, input.now))}</ul>`}
${pages > 1 ? renderPagination(lang, keep, page, pages) : ''}
</section>`;
  return renderLayout({ lang, path: '/tilbud', query: toQueryString(parameters), body });
}

function radio(name: string, value: string, label: string, isChecked: boolean): SafeHtml {
  const id = `${name}-${value || 'any'}`;
  return html`<div class="radio"><input type="radio" id="${id}" name="${name}" value="${value}"${isChecked ? html` checked` : ''}><label for="${id}">${label}</label></div>`;
}

function renderPagination(lang: PageLanguage, keep: SearchParameters, page: number, pages: number): SafeHtml {
  const t = texts[lang];
  return html`<nav class="pagination" aria-label="${t.pageOf(page, pages)}">
${page > 1 ? html`<a rel="prev" href="/${lang}/tilbud${toQueryString({ ...keep, page: page - 1 })}">${t.previous}</a>` : ''}
<span>${t.pageOf(page, pages)}</span>
${page < pages ? html`<a rel="next" href="/${lang}/tilbud${toQueryString({ ...keep, page: page + 1 })}">${t.next}</a>` : ''}
</nav>`;
}

function renderResult(service: PublicHelpService, lang: PageLanguage, keep: SearchParameters, now: Date): SafeHtml {
  const t = texts[lang];
  const name = localised(service.names, lang);
  const description = localised(service.descriptions, lang);
  return html`<li class="result">
<h3><a href="/${lang}/tilbud/${service.slug}${toQueryString(keep)}"${langAttributes(name, lang)}>${name.value}</a></h3>
<p class="organisation">${t.providedBy(service.organisationName)}</p>
<p${langAttributes(description, lang)}>${summarise(description.value)}</p>
${renderBadges(service, lang, now)}
${service.phones.length > 0 ? html`<p class="phones">${t.phone}: ${service.phones.map((phone, index) => html`${index > 0 ? ', ' : ''}${phoneLink(phone.number)}`)}</p>` : ''}
</li>`;
}

function renderBadges(service: PublicHelpService, lang: PageLanguage, now: Date): SafeHtml {
  const t = texts[lang];
  const isOpen = isOpenAt({ isOpen24Hours: service.isOpen24Hours, rules: service.scheduleRules }, now);
  const hasHours = service.isOpen24Hours || service.scheduleRules.length > 0;
  const badges = [
    service.status === 'temporarily closed' ? html`<li class="badge badge-warning">${t.temporarilyClosed}</li>` : '',
    service.isOpen24Hours ? html`<li class="badge badge-strong">${t.open24}</li>` : '',
    !service.isOpen24Hours && hasHours ? html`<li class="badge">${isOpen ? t.isOpenNow : t.isClosedNow}</li>` : '',
    service.isFreeOfCharge ? html`<li class="badge">${t.free}</li>` : '',
    service.isAnonymousContactOffered ? html`<li class="badge">${t.anonymous}</li>` : '',
  ];
  return badges.some(Boolean) ? html`<ul class="badges">${badges}</ul>` : html``;
}

/** "a, b og c" in the page's language (Arabic uses its own comma). */
function listOf(items: readonly string[], lang: PageLanguage): string {
  return listFormat(lang).format(items);
}

export type ServicePageInput = { lang: PageLanguage; service: PublicHelpService; parameters: SearchParameters; municipalityName: (code: string) => string; now: Date };

export function renderServicePage({ lang, service, parameters, municipalityName, now }: ServicePageInput): string {
  const t = texts[lang];
  const name = localised(service.names, lang);
  const howToContact = localised(service.howToContact, lang);
  const description = localised(service.descriptions, lang);
  const eligibility = lang === 'en' ? service.eligibility.en : service.eligibility.da;
  const scheduleNote = lang === 'en' ? service.scheduleNote.en : service.scheduleNote.da;
  const hasFallback = [name, howToContact, description].some((text) => text.isFallback) || (lang === 'ar' && (eligibility !== null || scheduleNote !== null));
  const dates = dateFormat(lang);
  const languageName = languageNames(lang);
  const danishIn = lang === 'ar' ? html` lang="da" dir="ltr"` : '';
  const query = toQueryString({ ...parameters, page: undefined });

  const body = html`<p class="back"><a href="/${lang}/tilbud${toQueryString(parameters)}">${t.back}</a></p>
<h1${langAttributes(name, lang)}>${name.value}</h1>
<p class="organisation">${t.providedBy(service.organisationName)}</p>
${renderBadges(service, lang, now)}
${hasFallback && t.onlyInDanish ? html`<p class="notice">${t.onlyInDanish}</p>` : ''}
<section class="contact-box" aria-labelledby="contact-heading">
<h2 id="contact-heading">${t.howToContact}</h2>
<div${langAttributes(howToContact, lang)}>${paragraphs(howToContact.value)}</div>
${renderContactList(service, lang)}
<p><a href="/${lang}/kontakt?tjeneste=${service.slug}">${t.askToBeContacted}</a></p>
<p class="safety-tip">${t.safetyTip} <a href="/${lang}/sikkerhed">${texts[lang].safetyHeading}</a></p>
</section>
<section aria-labelledby="about-heading"><h2 id="about-heading">${t.about}</h2>
<div${langAttributes(description, lang)}>${paragraphs(description.value)}</div></section>
<section aria-labelledby="hours-heading"><h2 id="hours-heading">${t.openingHours}</h2>
${service.isOpen24Hours ? html`<p>${t.open24}</p>` : service.scheduleRules.length === 0 ? html`<p>${t.noFixedHours}</p>` : html`<ul class="hours">${service.scheduleRules.map((rule) => html`<li>${describeRule(rule, lang)}</li>`)}</ul>`}
${scheduleNote ? html`<p${danishIn}>${scheduleNote}</p>` : ''}
</section>
<section aria-labelledby="who-heading"><h2 id="who-heading">${t.who}</h2>
<p>${listOf(service.targetGroups.map((group) => targetGroupLabel[group][lang]), lang)}</p>
${eligibility ? html`<div${danishIn}>${paragraphs(eligibility)}</div>` : ''}
${service.minimumAge !== null || service.maximumAge !== null ? html`<p>${t.ages(service.minimumAge, service.maximumAge)}</p>` : ''}
</section>
<section aria-labelledby="where-heading"><h2 id="where-heading">${t.where}</h2>
${service.locations.length > 0 ? html`<ul class="locations">${service.locations.map((location) => renderLocation(location, lang))}</ul>` : ''}
<p>${t.area}: ${service.isNational ? t.national : listOf(service.municipalityCodes.map(municipalityName), lang)}</p>
</section>
<section aria-labelledby="languages-heading"><h2 id="languages-heading">${t.languages}</h2>
<p>${listOf(service.languages.map((code) => languageName.of(code) ?? code), lang)}</p></section>
${service.capacity ? html`<p>${t.capacity(service.capacity.available, service.capacity.maximum, service.capacity.unit, dates.format(service.capacity.updatedAt))}</p>` : ''}
<p class="last-checked">${t.lastChecked(dates.format(service.lastCheckedAt))}</p>`;
  return renderLayout({ lang, path: `/tilbud/${service.slug}`, query, body });
}

function renderContactList(service: PublicHelpService, lang: PageLanguage): SafeHtml {
  const t = texts[lang];
  const items = [
    ...service.phones.map((phone) => {
      const description = lang === 'en' ? phone.descriptionEn : phone.descriptionDa;
      return html`<li>${t.phone}: ${phoneLink(phone.number)}${description ? html` – <span${lang === 'ar' ? html` lang="da" dir="ltr"` : ''}>${description}</span>` : ''}</li>`;
    }),
    service.email ? html`<li>${t.email}: <a href="mailto:${service.email}"><span dir="ltr">${service.email}</span></a></li>` : '',
    service.websiteUrl ? html`<li>${t.website}: <a href="${service.websiteUrl}" rel="noreferrer noopener"><span dir="ltr">${displayUrl(service.websiteUrl)}</span></a></li>` : '',
  ];
  return html`<ul class="contact-list">${items}</ul>
<p>${t.waysToContact}: ${listOf(service.channels.map((channel) => channelLabel[channel][lang]), lang)}</p>`;
}

function renderLocation(location: PublicHelpService['locations'][number], lang: PageLanguage): SafeHtml {
  const t = texts[lang];
  const name = localised(location.names, lang);
  if (location.isConfidential) {
    return html`<li><span${langAttributes(name, lang)}>${name.value}</span>${location.city ? html` (${location.city})` : ''}. ${t.confidentialLocation}</li>`;
  }
  const address = [location.addressLine, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return html`<li><span${langAttributes(name, lang)}>${name.value}</span>${address ? html`: <span dir="auto">${address}</span>` : ''}</li>`;
}

/** "Torsdag 18:00–20:00". Times are wrapped left-to-right so they read the same on a right-to-left page. */
function describeRule(rule: WeeklyRule, lang: PageLanguage): SafeHtml {
  const dayFormat = weekdayFormat(lang);
  // 1 January 2024 was a Monday; Weekday.options is Monday-first.
  const days = rule.byday.map((day) => dayFormat.format(new Date(Date.UTC(2024, 0, 1 + Weekday.options.indexOf(day)))));
  const dayList = days.join(', ');
  return html`${dayList.charAt(0).toLocaleUpperCase(formatLocale[lang]) + dayList.slice(1)} <span dir="ltr">${rule.opensAt}–${rule.closesAt}</span>`;
}

/** `tel:` link with digits only; the number is shown as written. */
function phoneLink(number: string): SafeHtml {
  const digits = number.replace(/[^0-9+]/g, '');
  return html`<a href="tel:${digits}"><span dir="ltr">${number}</span></a>`;
}

function displayUrl(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}

type Localised = { value: string; isFallback: boolean };

/** The text in the page's language; Arabic falls back to Danish where the organisation wrote none. */
function localised(text: LocalisedText, lang: PageLanguage): Localised {
  if (lang === 'ar') return text.ar ? { value: text.ar, isFallback: false } : { value: text.da, isFallback: true };
  return { value: text[lang], isFallback: false };
}

/** A Danish fallback inside an Arabic page is marked as Danish, left to right, for screen readers and layout. */
function langAttributes(text: Localised, lang: PageLanguage): SafeHtml | '' {
  return text.isFallback && lang === 'ar' ? html` lang="da" dir="ltr"` : '';
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => html`<p>${line}</p>`);
}

/** The first sentence or 200 characters of a description, for the result list. */
function summarise(text: string): string {
  const firstParagraph = text.split(/\n/)[0] ?? '';
  if (firstParagraph.length <= 200) return firstParagraph;
  const cut = firstParagraph.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150))} …`;
}
