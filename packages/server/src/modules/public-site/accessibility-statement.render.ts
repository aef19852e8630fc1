import type { PageLanguage } from '../directory/index.ts';
import type { AccessibilityContact } from '../../platform/app-deps.ts';
import { html, type SafeHtml } from '../../platform/html.ts';
import { accessibilityTexts, DIGST_COMPLAINT_URL, DIGST_PHONE, STATEMENT_DATE } from './accessibility-statement.text.ts';
import { phoneLink, type Page } from './layout.render.ts';
import { formatLocale } from './layout.text.ts';

/**
 * The accessibility statement (`/tilgaengelighed`, `/en/…`, `/ar/…`; `/was` leads here, Digitaliseringsstyrelsen's
 * convention), linked from every page's footer. The feedback contact is the operator's (ACCESSIBILITY_CONTACT_*);
 * without one the statement says plainly that it is missing.
 */
export function renderAccessibilityStatement(lang: PageLanguage, site: { host: string; contact: AccessibilityContact | undefined }): Page {
  const t = accessibilityTexts[lang];
  const date = new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(STATEMENT_DATE);
  const list = (items: readonly string[]) => html`<ul class="bullets">${items.map((item) => html`<li>${item}</li>`)}</ul>`;
  const body = html`<h1>${t.heading}</h1>
<p class="lead">${t.intro(site.host)}</p>
<p>${t.scope}</p>
<h2>${t.statusHeading}</h2>
<p>${t.status}</p>
<h2>${t.notAccessibleHeading}</h2>
${list(t.nonConformities)}
<h2>${t.notTestedHeading}</h2>
${list(t.notTested)}
<h2>${t.preparationHeading}</h2>
${t.preparation(date).map((paragraph) => html`<p>${paragraph}</p>`)}
<h2>${t.feedbackHeading}</h2>
${renderFeedbackContact(lang, site.contact)}
<p class="notice">${t.notForHelp}</p>
<h2>${t.enforcementHeading}</h2>
${t.enforcement.map((paragraph) => html`<p>${paragraph}</p>`)}
<ul class="contact-list">
<li><a href="${DIGST_COMPLAINT_URL}" rel="noreferrer noopener" hreflang="da">${t.digstLink}</a></li>
<li>${t.digstPhone}: ${phoneLink(DIGST_PHONE)}</li>
</ul>`;
  return { lang, path: '/tilgaengelighed', description: t.description, body };
}

function renderFeedbackContact(lang: PageLanguage, contact: AccessibilityContact | undefined): SafeHtml {
  const t = accessibilityTexts[lang];
  if (!contact?.email && !contact?.phone) return html`<p>${t.noContact}</p>`;
  return html`<p>${t.feedbackIntro}</p>
<ul class="contact-list">
${contact.email ? html`<li>${t.email}: <a href="mailto:${contact.email}"><span dir="ltr">${contact.email}</span></a></li>` : ''}
${contact.phone ? html`<li>${t.phone}: ${phoneLink(contact.phone)}</li>` : ''}
</ul>`;
}
