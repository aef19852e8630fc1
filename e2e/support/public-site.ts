/** The public site's languages, and the address of a page in each: Danish at the root, the others under a prefix. */
export const publicLanguages = ['da', 'en', 'ar'] as const;
export type PublicLanguage = (typeof publicLanguages)[number];

/** `path` without language prefix; '' is the start page (`/`, `/en/`, `/ar/`). */
export function publicPath(lang: PublicLanguage, path: string): string {
  const prefix = lang === 'da' ? '' : `/${lang}`;
  return path === '' || path.startsWith('?') ? `${prefix}/${path}` : `${prefix}${path}`;
}
