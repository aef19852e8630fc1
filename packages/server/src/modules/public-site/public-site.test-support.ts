import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { CANARY_STREET } from '../directory/testing.ts';

/** Test helpers for the public site's pages. */

const accessibilityLinkText = { da: 'Tilgængelighedserklæring', en: 'Accessibility statement', ar: 'بيان إمكانية الوصول' };

/** What the test app is configured with (test/test-app.ts): the origin of canonical and alternate addresses. */
export const TEST_PUBLIC_ORIGIN = 'http://localhost:3000';

/**
 * Everything a public page must be, whatever it shows: HTML in its language and direction, never stored, no
 * cookie, a neutral title, quick exit as the first thing to focus, our one script, no inline script or style,
 * nothing loaded from another origin, and never the confidential shelter's street. Returns the body.
 */
export function expectPublicPage(response: LightMyRequestResponse, url: string, lang: 'da' | 'en' | 'ar', status = 200): string {
  const body = response.body;
  expect(response.statusCode, url).toBe(status);
  expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
  expect(response.headers['content-language'], url).toBe(lang);
  expect(response.headers['set-cookie'], url).toBeUndefined();
  expect(response.headers['cache-control'], url).toBe('no-store');
  expect(body, url).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
  // A neutral title on every page: nothing about violence or help in a tab or a history entry.
  expect(/<title>([^<]*)<\/title>/.exec(body)?.[1], url).toBe(lang === 'ar' ? 'معلومات' : 'Information');
  const afterBody = body.slice(body.indexOf('<body>'));
  const firstFocusable = /<(a\s[^>]*href[^>]*|button[^>]*|input[^>]*|select[^>]*|textarea[^>]*|[a-z]+\s[^>]*tabindex="\d+"[^>]*)>/.exec(afterBody)?.[0];
  expect(firstFocusable, url).toMatch(/^<a id="quick-exit" class="quick-exit" href="https:\/\/www\.dr\.dk\/[^"]*" rel="noreferrer">$/);
  const scripts = [...body.matchAll(/<script[^>]*>/g)].map((match) => match[0]);
  expect(scripts[0], url).toBe('<script src="/public/quick-exit.js" defer>');
  for (const script of scripts) expect(script, url).toMatch(/^<script src="\/public\/(quick-exit|contact-pow)\.js" defer>$/);
  expect(body, url).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<iframe|<embed|<object/i);
  // Everything the browser loads comes from our origin (canonical and alternate links are addresses, not loads).
  for (const [tag, asset] of body.matchAll(/<(?:link(?![^>]*rel="(?:canonical|alternate)")|img|script|source|video|track)\s[^>]*(?:src|href)="([^"]*)"/g)) {
    if (!asset?.startsWith('/') || asset.startsWith('//')) expect(asset, `${url}: ${tag}`).toBe('data:,');
  }
  expect(body.toLowerCase(), url).not.toContain(CANARY_STREET.toLowerCase());
  // The accessibility statement is linked from every page's footer (webtilgængelighedsloven).
  const footer = body.slice(body.indexOf('<footer'));
  expect(footer, url).toContain(`<a href="${lang === 'da' ? '' : `/${lang}`}/tilgaengelighed">${accessibilityLinkText[lang]}</a>`);
  return body;
}

/** The head's description, canonical address and language alternates, as the page states them. */
export function readSearchEngineHead(body: string) {
  const head = body.slice(0, body.indexOf('</head>'));
  return {
    description: /<meta name="description" content="([^"]*)">/.exec(head)?.[1],
    canonical: /<link rel="canonical" href="([^"]*)">/.exec(head)?.[1],
    alternates: Object.fromEntries([...head.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">/g)].map((match) => [match[1], match[2]])),
    isNoIndex: head.includes('<meta name="robots" content="noindex">'),
  };
}
