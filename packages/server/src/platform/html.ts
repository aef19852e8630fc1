/**
 * The one HTML kit for server-rendered pages (the public site, printable documents). Escaping cannot be forgotten:
 * in an `html` template the literal parts are trusted markup and EVERY interpolated value is escaped, unless it is
 * itself the output of `html` (or of `trustedHtml`, for vetted constants such as an inline stylesheet). Arrays nest;
 * `null`, `undefined` and `false` render as nothing, so `${isShown ? html`…` : ''}` reads naturally.
 *
 * Trust is a private symbol, not a property name: an object that merely looks like markup — say `{ __html: … }`
 * parsed from a request — is escaped like any other value. Rules for callers: always quote attribute values
 * (`href="${url}"`), and only put URLs into attributes that a schema has checked to be http(s) or a path of ours.
 * Why not JSX on the server: it would need a build step, and the server runs on Node's type stripping (ADR 0002,
 * ADR 0006).
 */

const trusted: unique symbol = Symbol('trusted-html');

/** Markup that is safe to send: produced by `html` or vouched for by `trustedHtml`. */
export type SafeHtml = { readonly [trusted]: string };

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeText(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && trusted in value;
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafeHtml(value)) return value[trusted];
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '');
  });
  return { [trusted]: out };
}

/** Markup written by us and vetted (a constant stylesheet, say). Never pass it anything that came from outside. */
export function trustedHtml(markup: string): SafeHtml {
  return { [trusted]: markup };
}

/** The string to send: a whole document gets its doctype here, so no page can forget it. */
export function renderDocument(document: SafeHtml): string {
  return `<!doctype html>${document[trusted]}`;
}

/** The markup of a fragment, e.g. to compare in a test. */
export function toHtmlString(fragment: SafeHtml): string {
  return fragment[trusted];
}
