import { Channel, isOpenAt, Situation, TargetGroup, Weekday, type WeeklyRule } from '@bro/domain';
import { html, type SafeHtml } from '../../platform/html.ts';
import { channelLabel, situationLabel, targetGroupLabel, type PageLanguage, type PublicHelpService } from '../directory/index.ts';
import { helpTexts } from './help-pages.text.ts';
import { infoTexts } from './info-pages.text.ts';
import { pagePath, phoneLink, type Page } from './layout.render.ts';
import { formatLocale } from './layout.text.ts';
import { danishInside, langAttributes, localised, organisationNameIn, paragraphs, summarise } from './localised-text.render.ts';

/**
 * The help search (`/tilbud`) and a service's page (`/tilbud/{slug}`): a GET form and plain links, so searching
 * and reading need no JavaScript. A confidential (shelter) address has no field in `PublicHelpService`: there is
 * nothing to leak.
 */

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

function toQueryString(parameters: SearchParameters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
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

export function renderSearchPage(input: SearchPageInput): Page {
  const { lang, parameters, total } = input;
  const t = helpTexts[lang];
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
<form method="get" action="${pagePath(lang, '/tilbud')}" autocomplete="off">
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
<div class="actions"><button type="submit" class="button">${t.submit}</button> <a href="${pagePath(lang, '/tilbud')}">${t.reset}</a></div>
</form>
</details>
<section class="results" aria-labelledby="results-heading">
<h2 id="results-heading">${t.resultCount(total)}</h2>
${input.postcodeProblem === 'unknown' ? html`<p class="notice">${t.postcodeUnknown}</p>` : ''}
${input.services.length === 0 ? html`<p>${t.noResults}</p>` : html`<ul class="result-list">${input.services.map((service) => renderResult(service, lang, keep, input.now))}</ul>`}
${pages > 1 ? renderPagination(lang, keep, page, pages) : ''}
</section>`;
  return { lang, path: '/tilbud', query: toQueryString(parameters), description: t.searchDescription, body };
}

function radio(name: string, value: string, label: string, isChecked: boolean): SafeHtml {
  const id = `${name}-${value || 'any'}`;
  return html`<div class="radio"><input type="radio" id="${id}" name="${name}" value="${value}"${isChecked ? html` checked` : ''}><label for="${id}">${label}</label></div>`;
}

function renderPagination(lang: PageLanguage, keep: SearchParameters, page: number, pages: number): SafeHtml {
  const t = helpTexts[lang];
  return html`<nav class="pagination" aria-label="${t.pageOf(page, pages)}">
${page > 1 ? html`<a rel="prev" href="${pagePath(lang, '/tilbud')}${toQueryString({ ...keep, page: page - 1 })}">${t.previous}</a>` : ''}
<span>${t.pageOf(page, pages)}</span>
${page < pages ? html`<a rel="next" href="${pagePath(lang, '/tilbud')}${toQueryString({ ...keep, page: page + 1 })}">${t.next}</a>` : ''}
</nav>`;
}

function renderResult(service: PublicHelpService, lang: PageLanguage, keep: SearchParameters, now: Date): SafeHtml {
  const t = helpTexts[lang];
  const name = localised(service.names, lang);
  const description = localised(service.descriptions, lang);
  return html`<li class="result">
<h3><a href="${pagePath(lang, `/tilbud/${service.slug}`)}${toQueryString(keep)}"${langAttributes(name)}>${name.value}</a></h3>
<p class="organisation">${t.providedBy(organisationNameIn(lang, service.organisationName))}</p>
<p${langAttributes(description)}>${summarise(description.value)}</p>
${renderBadges(service, lang, now)}
${service.phones.length > 0 ? html`<p class="phones">${t.phone}: ${service.phones.map((phone, index) => html`${index > 0 ? ', ' : ''}${phoneLink(phone.number)}`)}</p>` : ''}
</li>`;
}

function renderBadges(service: PublicHelpService, lang: PageLanguage, now: Date): SafeHtml {
  const t = helpTexts[lang];
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

/** `eventsBlock`: the service's upcoming open events (event-pages.render.ts), when it has any. */
export type ServicePageInput = { lang: PageLanguage; service: PublicHelpService; parameters: SearchParameters; municipalityName: (code: string) => string; now: Date; eventsBlock?: SafeHtml | '' };

export function renderServicePage({ lang, service, parameters, municipalityName, now, eventsBlock = '' }: ServicePageInput): Page {
  const t = helpTexts[lang];
  const name = localised(service.names, lang);
  const howToContact = localised(service.howToContact, lang);
  const description = localised(service.descriptions, lang);
  const eligibility = lang === 'en' ? service.eligibility.en : service.eligibility.da;
  const scheduleNote = lang === 'en' ? service.scheduleNote.en : service.scheduleNote.da;
  const hasFallback = [name, howToContact, description].some((text) => text.isDanishFallback) || (lang === 'ar' && (eligibility !== null || scheduleNote !== null));
  const dates = dateFormat(lang);
  const languageName = languageNames(lang);
  const danishIn = lang === 'ar' ? danishInside : '';
  const query = toQueryString({ ...parameters, page: undefined });

  const body = html`<p class="back"><a href="${pagePath(lang, '/tilbud')}${toQueryString(parameters)}">${t.back}</a></p>
<h1${langAttributes(name)}>${name.value}</h1>
<p class="organisation">${t.providedBy(organisationNameIn(lang, service.organisationName))}</p>
${renderBadges(service, lang, now)}
${hasFallback && t.onlyInDanish ? html`<p class="notice">${t.onlyInDanish}</p>` : ''}
<section class="contact-box" aria-labelledby="contact-heading">
<h2 id="contact-heading">${t.howToContact}</h2>
<div${langAttributes(howToContact)}>${paragraphs(howToContact.value)}</div>
${renderContactList(service, lang)}
<p><a href="${pagePath(lang, '/kontakt')}?tjeneste=${service.slug}">${t.askToBeContacted}</a></p>
<p class="safety-tip">${t.safetyTip} <a href="${pagePath(lang, '/sikkerhed')}">${infoTexts[lang].safetyHeading}</a></p>
</section>
<section aria-labelledby="about-heading"><h2 id="about-heading">${t.about}</h2>
<div${langAttributes(description)}>${paragraphs(description.value)}</div></section>
<section aria-labelledby="hours-heading"><h2 id="hours-heading">${t.openingHours}</h2>
${service.isOpen24Hours ? html`<p>${t.open24}</p>` : service.scheduleRules.length === 0 ? html`<p>${t.noFixedHours}</p>` : html`<ul class="hours">${service.scheduleRules.map((rule) => html`<li>${describeRule(rule, lang)}</li>`)}</ul>`}
${scheduleNote ? html`<p${danishIn}>${scheduleNote}</p>` : ''}
</section>
${eventsBlock}
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
  // The service's own words describe it to search engines, unless they would be Danish on an Arabic page.
  const summary = description.isDanishFallback ? t.searchDescription : summarise(description.value, 160);
  return { lang, path: `/tilbud/${service.slug}`, query, description: summary, body };
}

function renderContactList(service: PublicHelpService, lang: PageLanguage): SafeHtml {
  const t = helpTexts[lang];
  const items = [
    ...service.phones.map((phone) => {
      const description = lang === 'en' ? phone.descriptionEn : phone.descriptionDa;
      return html`<li>${t.phone}: ${phoneLink(phone.number)}${description ? html` – <span${lang === 'ar' ? danishInside : ''}>${description}</span>` : ''}</li>`;
    }),
    service.email ? html`<li>${t.email}: <a href="mailto:${service.email}"><span dir="ltr">${service.email}</span></a></li>` : '',
    service.websiteUrl ? html`<li>${t.website}: <a href="${service.websiteUrl}" rel="noreferrer noopener"><span dir="ltr">${displayUrl(service.websiteUrl)}</span></a></li>` : '',
  ];
  return html`<ul class="contact-list">${items}</ul>
<p>${t.waysToContact}: ${listOf(service.channels.map((channel) => channelLabel[channel][lang]), lang)}</p>`;
}

function renderLocation(location: PublicHelpService['locations'][number], lang: PageLanguage): SafeHtml {
  const t = helpTexts[lang];
  const name = localised(location.names, lang);
  if (location.isConfidential) {
    return html`<li><span${langAttributes(name)}>${name.value}</span>${location.city ? html` (${location.city})` : ''}. ${t.confidentialLocation}</li>`;
  }
  const address = [location.addressLine, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return html`<li><span${langAttributes(name)}>${name.value}</span>${address ? html`: <span dir="auto">${address}</span>` : ''}</li>`;
}

/** "Torsdag 18:00–20:00". Times are wrapped left-to-right so they read the same on a right-to-left page. */
function describeRule(rule: WeeklyRule, lang: PageLanguage): SafeHtml {
  const dayFormat = weekdayFormat(lang);
  // 1 January 2024 was a Monday; Weekday.options is Monday-first.
  const days = rule.byday.map((day) => dayFormat.format(new Date(Date.UTC(2024, 0, 1 + Weekday.options.indexOf(day)))));
  const dayList = days.join(', ');
  return html`${dayList.charAt(0).toLocaleUpperCase(formatLocale[lang]) + dayList.slice(1)} <span dir="ltr">${rule.opensAt}–${rule.closesAt}</span>`;
}


function displayUrl(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}
