import type { LocalisedText, PageLanguage } from '../directory/index.ts';
import { html, type SafeHtml } from '../../platform/html.ts';

/**
 * Texts that organisations write (service descriptions, campaign texts): in the page's language, falling back to
 * Danish on an Arabic page where they wrote no Arabic. Plain text only: paragraphs come from line breaks, never
 * from markup, and every value is escaped by `html`.
 */

export type Localised = { value: string; isDanishFallback: boolean };

/** The text in the page's language; Arabic falls back to Danish where the organisation wrote none. */
export function localised(text: LocalisedText, lang: PageLanguage): Localised {
  if (lang === 'ar') return text.ar ? { value: text.ar, isDanishFallback: false } : { value: text.da, isDanishFallback: true };
  return { value: text[lang], isDanishFallback: false };
}

/** A Danish fallback inside an Arabic page is marked as Danish, left to right, for screen readers and layout. */
export function langAttributes(text: Localised): SafeHtml | '' {
  return text.isDanishFallback ? danishInside : '';
}

/** Danish text (say, a note only written in Danish) inside a page in another language. */
export const danishInside = html` lang="da" dir="ltr"`;

/** An organisation's name (always Danish) in a sentence of the page's language: marked as Danish on an Arabic page. */
export function organisationNameIn(lang: PageLanguage, name: string): SafeHtml {
  return lang === 'ar' ? html`<span${danishInside}>${name}</span>` : html`${name}`;
}

export function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => html`<p>${line}</p>`);
}

/** The first paragraph, cut at a word near `length` characters: for a result list or a meta description. */
export function summarise(text: string, length = 200): string {
  const firstParagraph = text.split(/\n/)[0] ?? '';
  if (firstParagraph.length <= length) return firstParagraph;
  const cut = firstParagraph.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(length * 0.75)))} …`;
}
