import { Situation } from '@bro/domain';
import { situationLabel, type PageLanguage } from '../directory/index.ts';
import { html, type SafeHtml } from '../../platform/html.ts';
import { pagePath, type Page } from './layout.render.ts';
import { HOTLINE_NUMBER, startTexts } from './start-page.text.ts';

/**
 * The start page (`/`, `/en/`, `/ar/`): the national hotline first, as the biggest thing to do, then help found by
 * the person's situation, then "ask to be contacted". It reads nothing from the database, so it is served as long
 * as the app runs, and a static copy of it can be served by the load balancer when the app does not
 * (static-start-pages.ts).
 */
export function renderStartPage(lang: PageLanguage): Page {
  const t = startTexts[lang];
  const search = pagePath(lang, '/tilbud');
  const body = html`<h1>${t.startHeading}</h1>
${renderHotline(lang)}
<h2>${t.situationsHeading}</h2>
<p class="lead">${t.startIntro}</p>
<ul class="situations">${Situation.options.map((situation) => html`<li><a class="situation" href="${search}?situation=${situation}">${situationLabel[situation][lang]}</a></li>`)}</ul>
<p><a href="${search}">${t.allServices}</a></p>
<section class="contact-box" aria-labelledby="contact-me-heading"><h2 id="contact-me-heading">${t.contactMe}</h2>
<p>${t.contactMeIntro}</p>
<p><a class="situation" href="${pagePath(lang, '/kontakt')}">${t.contactMe}</a></p>
<p><a href="${pagePath(lang, '/kvittering')}">${t.receiptLink}</a></p></section>`;
  return { lang, path: '', description: t.description, body };
}

/** The hotline, 1888, as a call button: open day and night, free, anonymous. Also on the "unavailable" page. */
export function renderHotline(lang: PageLanguage): SafeHtml {
  const t = startTexts[lang];
  return html`<section class="hotline" aria-labelledby="hotline-heading">
<h2 id="hotline-heading">${t.hotlineHeading}</h2>
<p><a class="call-button" href="tel:${HOTLINE_NUMBER}">${t.hotlineCall} <span dir="ltr">${HOTLINE_NUMBER}</span></a></p>
<ul class="hotline-facts">${t.hotlineFacts.map((fact) => html`<li>${fact}</li>`)}</ul>
<p>${t.hotlineWho}</p>
</section>`;
}
