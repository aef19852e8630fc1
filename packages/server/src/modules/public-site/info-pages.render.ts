import type { PageLanguage } from '../directory/index.ts';
import { html } from '../../platform/html.ts';
import { infoTexts } from './info-pages.text.ts';
import { layoutTexts } from './layout.text.ts';
import { pagePath, type Page } from './layout.render.ts';
import { renderHotline } from './start-page.render.ts';

/** The safety page, and the pages that answer when something is missing or broken: each still leads to help. */

export function renderSafetyPage(lang: PageLanguage): Page {
  const t = infoTexts[lang];
  const body = html`<h1>${t.safetyHeading}</h1>
${t.safetyIntro.map((paragraph) => html`<p>${paragraph}</p>`)}
<h2>${t.cannotHideHeading}</h2>
<ul class="bullets">${t.cannotHide.map((item) => html`<li>${item}</li>`)}</ul>
<h2>${t.browsePrivatelyHeading}</h2>
<ul class="bullets">${t.browsePrivately.map((item) => html`<li>${item}</li>`)}</ul>
<p class="emergency-box">${layoutTexts[lang].emergency}</p>`;
  return { lang, path: '/sikkerhed', description: t.safetyDescription, body };
}

/** A mistyped or outdated address: the hotline right here, and the way to the start page. */
export function renderNotFoundPage(lang: PageLanguage): Page {
  const t = infoTexts[lang];
  const body = html`<h1>${t.notFoundHeading}</h1><p>${t.notFoundText}</p>
${renderHotline(lang)}
<p><a href="${pagePath(lang)}">${t.toStartPage}</a></p>`;
  return { lang, path: '', description: null, body };
}

/** Something failed on our side (the database, say): the hotline needs none of it. */
export function renderUnavailablePage(lang: PageLanguage): Page {
  const t = infoTexts[lang];
  const body = html`<h1>${t.unavailableHeading}</h1><p>${t.unavailableText}</p>
${renderHotline(lang)}
<p class="emergency-box">${layoutTexts[lang].emergency}</p>`;
  return { lang, path: '', description: null, body };
}
