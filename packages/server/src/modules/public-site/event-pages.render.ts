import { html, type SafeHtml } from '../../platform/html.ts';
import type { PageLanguage } from '../directory/index.ts';
import type { PublicEventOccurrence, WhatsOnPage } from '../events/index.ts';
import { eventTexts } from './event-pages.text.ts';
import { pagePath, type Page } from './layout.render.ts';
import { formatLocale } from './layout.text.ts';
import { danishInside, organisationNameIn, paragraphs } from './localised-text.render.ts';

/**
 * The public open-event pages: "what's on" (`/hvad-sker-der`, a GET form and plain links), an event's page with its
 * next dates and the "add to calendar" link, and — for an online event — the small form that sends its link. The
 * place shown is the event's public meeting place; an online event shows "Online" and never its link.
 */

export const WHATS_ON_PATH = '/hvad-sker-der';

/** The feed of a service's open events: one address for every language (a calendar program has none). */
function feedPath(serviceId: string): string {
  return `${WHATS_ON_PATH}/kalender/${serviceId}.ics`;
}

export function eventPath(lang: PageLanguage, eventId: string): string {
  return pagePath(lang, `${WHATS_ON_PATH}/${eventId}`);
}

const whenFormats = new Map<PageLanguage, Intl.DateTimeFormat>();
const timeFormats = new Map<PageLanguage, Intl.DateTimeFormat>();

function formatWhen(lang: PageLanguage, occurrence: Pick<PublicEventOccurrence, 'startsAt' | 'endsAt'>): SafeHtml {
  let when = whenFormats.get(lang);
  let time = timeFormats.get(lang);
  if (!when || !time) {
    when = new Intl.DateTimeFormat(formatLocale[lang], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Copenhagen' });
    time = new Intl.DateTimeFormat(formatLocale[lang], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' });
    whenFormats.set(lang, when);
    timeFormats.set(lang, time);
  }
  return html`${when.format(occurrence.startsAt)} <span dir="ltr">${time.format(occurrence.startsAt)}–${time.format(occurrence.endsAt)}</span>`;
}

/** The events' own words are Danish (the services write them): marked so on an English or Arabic page. */
function danish(lang: PageLanguage): SafeHtml | '' {
  return lang === 'da' ? '' : danishInside;
}

function renderPlace(lang: PageLanguage, occurrence: PublicEventOccurrence): SafeHtml {
  const t = eventTexts[lang];
  if (occurrence.isOnline || !occurrence.place) return html`${t.online}`;
  const { name, addressLine, postalCode, city } = occurrence.place;
  const address = [name, addressLine, [postalCode, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return html`<span${danish(lang)}>${address}</span>`;
}

function renderOccurrenceLine(lang: PageLanguage, occurrence: PublicEventOccurrence): SafeHtml {
  const t = eventTexts[lang];
  return html`<li${occurrence.isCancelled ? html` class="cancelled"` : ''}>${formatWhen(lang, occurrence)}${
    occurrence.isCancelled ? html` – <strong>${t.cancelled}</strong>${occurrence.cancelNote ? html`: <span${danish(lang)}>${occurrence.cancelNote}</span>` : ''}` : ''
  }</li>`;
}

export type WhatsOnInput = { lang: PageLanguage; city: string | undefined; isOnlineOnly: boolean; page: number; result: WhatsOnPage };

function whatsOnQuery(input: { city: string | undefined; isOnlineOnly: boolean; page?: number }): string {
  const search = new URLSearchParams();
  if (input.city) search.set('by', input.city);
  if (input.isOnlineOnly) search.set('online', '1');
  if (input.page !== undefined && input.page > 1) search.set('side', String(input.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function renderWhatsOnPage(input: WhatsOnInput): Page {
  const { lang, result } = input;
  const t = eventTexts[lang];
  const cityOption = (city: string) => html`<option value="${city}"${city === input.city ? html` selected` : ''}>${city}</option>`;
  const items = result.occurrences.map(
    (occurrence) => html`<li class="result">
<h2><a href="${eventPath(lang, occurrence.eventId)}"><span${danish(lang)}>${occurrence.title}</span></a></h2>
<p>${formatWhen(lang, occurrence)}${occurrence.isCancelled ? html` – <strong>${t.cancelled}</strong>` : ''}</p>
<p>${renderPlace(lang, occurrence)}. ${t.by('')}${organisationNameIn(lang, `${occurrence.serviceName} (${occurrence.organisationName})`)}</p>
</li>`,
  );
  const pager = [
    input.page > 1 ? html`<a rel="prev" href="${pagePath(lang, WHATS_ON_PATH)}${whatsOnQuery({ ...input, page: input.page - 1 })}">${t.previous}</a>` : '',
    result.hasNextPage ? html`<a rel="next" href="${pagePath(lang, WHATS_ON_PATH)}${whatsOnQuery({ ...input, page: input.page + 1 })}">${t.next}</a>` : '',
  ];
  const body = html`<h1>${t.heading}</h1>
<p class="lead">${t.intro}</p>
<form method="get" action="${pagePath(lang, WHATS_ON_PATH)}" class="filters" aria-label="${t.filtersHeading}">
<div class="field"><label for="by">${t.city}</label>
<select id="by" name="by"><option value="">${t.anyCity}</option>${result.cities.map(cityOption)}</select></div>
<div class="checkbox"><input id="online" name="online" type="checkbox" value="1"${input.isOnlineOnly ? html` checked` : ''}><label for="online">${t.onlineOnly}</label></div>
<div class="actions"><button type="submit" class="button">${t.submit}</button></div>
</form>
${items.length === 0 ? html`<p>${t.noResults}</p>` : html`<ul class="results">${items}</ul>`}
${pager.some(Boolean) ? html`<nav class="pager" aria-label="${t.heading}">${pager}</nav>` : ''}`;
  return { lang, path: WHATS_ON_PATH, query: whatsOnQuery(input), description: t.description, body };
}

export type LinkFormState = { challenge: string; channel?: string; address?: string; problem?: 'address_invalid' | 'form_expired' | 'rate_limited' };

export type EventPageInput = {
  lang: PageLanguage;
  event: { id: string; serviceId: string; title: string; description: string; serviceName: string; organisationName: string; isOnline: boolean; isRegistrationRequired: boolean; capacity: number | null };
  occurrences: PublicEventOccurrence[];
  /** Online events only: the form that sends the link. */
  linkForm?: LinkFormState;
};

export function renderEventPage(input: EventPageInput): Page {
  const { lang, event } = input;
  const t = eventTexts[lang];
  const first = input.occurrences[0];
  const body = html`<p class="back"><a href="${pagePath(lang, WHATS_ON_PATH)}">${t.back}</a></p>
<h1${danish(lang)}>${event.title}</h1>
<p class="organisation">${t.by('')}${organisationNameIn(lang, `${event.serviceName} (${event.organisationName})`)}</p>
<div${danish(lang)}>${paragraphs(event.description)}</div>
<p>${first ? renderPlace(lang, first) : event.isOnline ? t.online : ''}</p>
<p>${event.isRegistrationRequired ? t.registrationRequired : t.noRegistration}${event.capacity !== null ? html` ${t.capacity(event.capacity)}` : ''}</p>
<section aria-labelledby="upcoming-heading"><h2 id="upcoming-heading">${t.upcomingHeading}</h2>
${input.occurrences.length === 0 ? html`<p>${t.noUpcoming}</p>` : html`<ul class="occurrences">${input.occurrences.map((occurrence) => renderOccurrenceLine(lang, occurrence))}</ul>`}
<p><a href="${feedPath(event.serviceId)}" type="text/calendar">${t.addToCalendar}</a></p>
<p class="hint">${t.calendarHint}</p>
</section>
${event.isOnline && input.linkForm ? renderLinkForm(lang, event.id, input.linkForm) : ''}`;
  return { lang, path: `${WHATS_ON_PATH}/${event.id}`, description: t.description, body };
}

function renderLinkForm(lang: PageLanguage, eventId: string, state: LinkFormState): SafeHtml {
  const t = eventTexts[lang];
  const channel = state.channel === 'sms' ? 'sms' : 'email';
  const problem = state.problem === 'address_invalid' ? t.addressInvalid : state.problem === 'form_expired' ? t.formExpired : state.problem === 'rate_limited' ? t.rateLimited : undefined;
  const isAddressWrong = state.problem === 'address_invalid';
  const radio = (value: 'email' | 'sms', label: string) =>
    html`<div class="radio"><input id="channel-${value}" name="channel" type="radio" value="${value}"${channel === value ? html` checked` : ''}><label for="channel-${value}">${label}</label></div>`;
  // id="contact-form": the contact form's proof-of-work script (/public/contact-pow.js) finds the form by it.
  return html`<section class="contact-box" aria-labelledby="link-heading"><h2 id="link-heading">${t.linkHeading}</h2>
<p>${t.linkIntro}</p>
${problem ? html`<div class="error-summary" role="alert" aria-labelledby="link-problem-heading"><h3 id="link-problem-heading">${t.errorSummaryHeading}</h3><p>${isAddressWrong ? html`<a href="#address">${problem}</a>` : problem}</p></div>` : ''}
<form id="contact-form" method="post" action="${eventPath(lang, eventId)}/link" autocomplete="off">
<input type="hidden" name="challenge" value="${state.challenge}">
<input type="hidden" name="nonce" value="">
<fieldset class="field"><legend>${t.channelLegend}</legend>${radio('email', t.byEmail)}${radio('sms', t.bySms)}</fieldset>
<div class="field"><label for="address">${t.addressLabel}</label><p class="hint" id="address-hint">${t.addressHint}</p>
${isAddressWrong ? html`<p class="error-message" id="address-error">${t.addressInvalid}</p>` : ''}
<input id="address" name="address" type="text" maxlength="200" autocomplete="off" dir="ltr" value="${state.address ?? ''}" aria-describedby="${isAddressWrong ? 'address-hint address-error' : 'address-hint'}"${isAddressWrong ? html` aria-invalid="true"` : ''}></div>
<p class="hint">${t.spamNote}</p>
<div class="actions"><button type="submit" class="button">${t.send}</button></div>
<p class="hint" id="contact-form-status" role="status" aria-live="polite"></p>
</form>
<script src="/public/contact-pow.js" defer></script>
</section>`;
}

export function renderLinkSentPage(lang: PageLanguage, eventId: string): Page {
  const t = eventTexts[lang];
  const body = html`<h1>${t.sentHeading}</h1>
<p class="lead">${t.sentText}</p>
<p><a href="${eventPath(lang, eventId)}">${t.back}</a></p>`;
  return { lang, path: `${WHATS_ON_PATH}/${eventId}`, description: null, body };
}

/** The service page's short "upcoming activities" block (help-pages.render.ts): the next dates and the feed. */
export function renderServiceEventsBlock(lang: PageLanguage, serviceId: string, occurrences: readonly PublicEventOccurrence[]): SafeHtml | '' {
  if (occurrences.length === 0) return '';
  const t = eventTexts[lang];
  return html`<section aria-labelledby="events-heading"><h2 id="events-heading">${t.serviceEventsHeading}</h2>
<ul class="occurrences">${occurrences.map(
    (occurrence) => html`<li><a href="${eventPath(lang, occurrence.eventId)}"><span${danish(lang)}>${occurrence.title}</span></a>: ${formatWhen(lang, occurrence)}${
      occurrence.isCancelled ? html` – <strong>${t.cancelled}</strong>` : html`, ${renderPlace(lang, occurrence)}`
    }</li>`,
  )}</ul>
<p><a href="${feedPath(serviceId)}" type="text/calendar">${t.addToCalendar}</a> · <a href="${pagePath(lang, WHATS_ON_PATH)}">${t.allEvents}</a></p>
</section>`;
}
