/** The public site's languages, and the address of a page in each: Danish at the root, the others under a prefix. */
export const publicLanguages = ['da', 'en', 'ar'] as const;
export type PublicLanguage = (typeof publicLanguages)[number];

/** `path` without language prefix; '' is the start page (`/`, `/en/`, `/ar/`). */
export function publicPath(lang: PublicLanguage, path: string): string {
  const prefix = lang === 'da' ? '' : `/${lang}`;
  return path === '' || path.startsWith('?') ? `${prefix}/${path}` : `${prefix}${path}`;
}

/**
 * Every kind of public page, as the demo data fills them: start, search (plain and with results chosen), services
 * (the hotline, a shelter with a secret address, LGBT+ counselling), the contact form and the receipt lookup, a
 * campaign, the safety page, the accessibility statement, and "not found" (an unknown service, an unknown path).
 */
export const publicPages: readonly { path: string; status: number }[] = [
  { path: '', status: 200 },
  { path: '/tilbud', status: 200 },
  { path: '/tilbud?group=lgbt&channel=phone&open=1&postcode=2100', status: 200 },
  { path: '/tilbud/hotline-1888', status: 200 },
  { path: '/tilbud/danner-krisecenter', status: 200 },
  { path: '/tilbud/lgbt-danmark-raadgivning', status: 200 },
  { path: '/kontakt', status: 200 },
  { path: '/kvittering', status: 200 },
  { path: '/kampagner/omsorg-i-faellesskabet', status: 200 },
  { path: '/sikkerhed', status: 200 },
  { path: '/tilgaengelighed', status: 200 },
  { path: '/tilbud/findes-ikke', status: 404 },
  { path: '/findes-ikke', status: 404 },
];
