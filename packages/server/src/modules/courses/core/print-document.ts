import { createHash } from 'node:crypto';
import { html, renderDocument, trustedHtml, type SafeHtml } from '../../../platform/html.ts';

/**
 * Printable documents (safety plan, access-history extract): server-rendered HTML with print CSS. The one inline
 * stylesheet and the one inline script — a print button's `window.print()`, nothing else — are allowed by their
 * hashes in a CSP stricter than the app's (`default-src 'none'`), so the page can load nothing, run nothing else
 * and be framed by nobody. The button is not printed. Markup comes from the one HTML kit (platform/html.ts), which
 * escapes every interpolated value.
 */

export type PrintLanguage = 'da' | 'en';

const STYLE = [
  'body{font-family:"IBM Plex Sans",Arial,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:48rem;line-height:1.5;padding:0 1rem}',
  'h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #747474;padding-bottom:.2rem}',
  'p.meta{color:#454545;margin:0 0 1rem}ul,ol{padding-left:1.4rem}li{margin:.2rem 0}',
  'table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ccc;padding:.3rem .4rem;vertical-align:top}',
  '.notice{border-left:4px solid #1a1a1a;padding:.4rem .8rem;background:#f5f5f5}',
  '.print-button{font:inherit;font-weight:600;padding:.5rem 1.2rem;margin:0 0 1rem;border:2px solid #0059b3;background:#0059b3;color:#fff;border-radius:4px;cursor:pointer}',
  '@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,li{break-inside:avoid}.print-button{display:none}}',
].join('');

/** The print button's whole behaviour; allowed by its hash, so no other script can run. */
const PRINT_SCRIPT = "document.getElementById('print-button').addEventListener('click',function(){window.print()});";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export const PRINT_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(PRINT_SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const printLabel: Record<PrintLanguage, string> = { da: 'Udskriv', en: 'Print' };

/** A whole document. The `<title>` is neutral: a browser tab or print header must not say what this is about. */
export function renderPrintDocument(input: { lang: PrintLanguage; title: string; body: SafeHtml }): string {
  return renderDocument(
    html`<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${input.title}</title><style>${trustedHtml(STYLE)}</style></head><body><button type="button" id="print-button" class="print-button">${printLabel[input.lang]}</button>${input.body}<script>${trustedHtml(PRINT_SCRIPT)}</script></body></html>`,
  );
}

const dateTimeFormat = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }),
};

export function formatDateTime(lang: PrintLanguage, iso: string | Date): string {
  return dateTimeFormat[lang].format(typeof iso === 'string' ? new Date(iso) : iso);
}
