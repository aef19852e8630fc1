import { PAGE_LANGUAGES, type PageLanguage } from '../directory/index.ts';
import { html, renderDocument, trustedHtml, type SafeHtml } from '../../platform/html.ts';
import { languageEndonym, layoutTexts, textDirection } from './layout.text.ts';

/**
 * The frame of every public page: head (neutral title, description, language alternates), quick exit first in the
 * body, header, content, footer. Server-rendered HTML with no inline script or style (the CSP forbids both) and
 * nothing from another origin; every interpolated value is escaped by `html` unless it is `html` output itself.
 */

/** Where "Leave this page" goes: a neutral, busy, Danish site. A plain link, so it works without JavaScript. */
const QUICK_EXIT_URL = 'https://www.dr.dk/nyheder/vejret';

/**
 * The address of a page in a language: Danish at the root, English and Arabic under their prefix
 * (docs/adr/0007-public-site-urls.md). `path` is the page without prefix; the start page is '' (`/`, `/en/`, `/ar/`).
 */
export function pagePath(lang: PageLanguage, path = ''): string {
  const prefix = lang === 'da' ? '' : `/${lang}`;
  return path === '' ? `${prefix}/` : `${prefix}${path}`;
}

/** `tel:` link with digits only; the number is shown as written, left to right on an Arabic page too. */
export function phoneLink(number: string): SafeHtml {
  const digits = number.replace(/[^0-9+]/g, '');
  return html`<a class="phone-link" href="tel:${digits}"><span dir="ltr">${number}</span></a>`;
}

/** A page's content and what its frame needs to know; `renderPage` adds the frame. */
export type Page = {
  lang: PageLanguage;
  /** The page without language prefix ('' for the start page): for the language links, alternates and canonical. */
  path: string;
  /** The query string to keep on the language links (a search), encoded, with its '?'. */
  query?: string;
  /** For search engines. `null` on a page that answers an error: it gets `noindex` and no canonical address. */
  description: string | null;
  body: SafeHtml;
};

/** What a page needs to know about the site: its public origin, for absolute canonical and alternate addresses. */
export type Site = { publicOrigin: string };

/**
 * How the stylesheet and the quick-exit script arrive: linked from our origin (pages the app serves, under a CSP
 * that forbids inline code), or inlined in the static copy of the start page that a load balancer serves when the
 * app is down — then nothing else can be fetched from us, and the load balancer sends no CSP of ours.
 */
export type Assets = { kind: 'linked' } | { kind: 'inline'; css: string; quickExitScript: string };

export function renderPage(page: Page, site: Site, assets: Assets = { kind: 'linked' }): string {
  const { lang, path, query = '' } = page;
  const t = layoutTexts[lang];
  return renderDocument(
    html`<html lang="${lang}" dir="${textDirection[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t.title}</title>
${page.description === null ? html`<meta name="robots" content="noindex">` : renderSearchEngineHead(page, page.description, site)}
<link rel="icon" href="data:,">
${renderHeadAssets(assets)}
</head>
<body>
<aside class="quick-exit-bar" aria-label="${t.quickExitRegion}">
<a id="quick-exit" class="quick-exit" href="${QUICK_EXIT_URL}" rel="noreferrer">${t.quickExit}</a>
<span class="quick-exit-hint quick-exit-hint-keys">${t.quickExitKeyHint}</span>
<span class="quick-exit-hint quick-exit-hint-touch">${t.quickExitTouchHint}</span>
</aside>
<header class="site-header">
<a class="skip-link" href="#main">${t.skipToContent}</a>
<div class="container header-row">
<a class="site-name" href="${pagePath(lang)}">${t.siteName}</a>
<nav aria-label="${t.languageNav}"><ul class="language-list">${PAGE_LANGUAGES.map(
      (other) =>
        html`<li><a href="${pagePath(other, path)}${query}" lang="${other}" hreflang="${other}"${other === lang ? html` aria-current="page"` : ''}>${languageEndonym[other]}</a></li>`,
    )}</ul></nav>
</div>
<p class="container emergency">${t.emergency}</p>
</header>
<main id="main" class="container">
${page.body}
</main>
<footer class="site-footer"><div class="container">
<nav aria-label="${t.footerNav}"><ul class="footer-links">
<li><a href="${pagePath(lang, '/hvad-sker-der')}">${t.whatsOnLink}</a></li>
<li><a href="${pagePath(lang, '/faellesskabsmoeder')}">${t.communityMeetingsLink}</a></li>
<li><a href="${pagePath(lang, '/sikkerhed')}">${t.safetyLink}</a></li>
<li><a href="${pagePath(lang, '/tilgaengelighed')}">${t.accessibilityLink}</a></li>
</ul></nav>
<p>${t.noStorage}</p>
</div></footer>
${renderBodyEndAssets(assets)}</body>
</html>
`,
  );
}

/** Inlined, they are our own files read from disk by the server (never anything from a request): vetted constants. */
function renderHeadAssets(assets: Assets): SafeHtml {
  if (assets.kind === 'linked') return html`<link rel="stylesheet" href="/public/public.css">\n<script src="/public/quick-exit.js" defer></script>`;
  return html`<style>${trustedHtml(assets.css)}</style>`;
}

/** An inline script runs where it stands: after the quick-exit link it looks for, unlike the deferred file. */
function renderBodyEndAssets(assets: Assets): SafeHtml | '' {
  return assets.kind === 'inline' ? html`<script>${trustedHtml(assets.quickExitScript)}</script>\n` : '';
}

/** Description, canonical address and the same page in every language (x-default: Danish), all absolute. */
function renderSearchEngineHead(page: Page, description: string, site: Site): SafeHtml {
  const address = (lang: PageLanguage) => new URL(pagePath(lang, page.path), site.publicOrigin).href;
  return html`<meta name="description" content="${description}">
<link rel="canonical" href="${address(page.lang)}">
${PAGE_LANGUAGES.map((lang) => html`<link rel="alternate" hreflang="${lang}" href="${address(lang)}">\n`)}<link rel="alternate" hreflang="x-default" href="${address('da')}">`;
}
