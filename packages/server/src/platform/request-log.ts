/**
 * What the request log writes for a URL: the path only (a query string can carry an OIDC code, a search term or a
 * postcode), and for a path that is itself a credential — a private calendar feed, `/kalender/<token>.ics` — the
 * path with the token replaced, so a log reader cannot subscribe to someone's calendar.
 */
export function toLoggedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/kalender\/[^/]*$/, '/kalender/[token].ics');
}
