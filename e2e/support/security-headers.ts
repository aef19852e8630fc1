import type { Page, Response } from '@playwright/test';

/** What one response lacked: the URL (ids only, never personal data, by design) and the problems found. */
export type SecurityHeaderFinding = { url: string; status: number; problems: string[] };

/**
 * The headers every response of ours must carry (QUALITY.md, ASVS 3.4 / 14.4): a strict CSP, HSTS, nosniff and
 * no referrer. Returns the problems found; an empty list means the response is fine.
 */
export function findSecurityHeaderProblems(headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'];
  if (!csp) {
    problems.push('no Content-Security-Policy');
  } else {
    const directives = parseCsp(csp);
    if (directives.get('object-src') !== "'none'") problems.push(`CSP object-src is not 'none' (${directives.get('object-src') ?? 'missing'})`);
    if (directives.get('base-uri') !== "'none'") problems.push(`CSP base-uri is not 'none' (${directives.get('base-uri') ?? 'missing'})`);
    if (directives.get('frame-ancestors') !== "'none'") problems.push(`CSP frame-ancestors is not 'none' (${directives.get('frame-ancestors') ?? 'missing'})`);
    // script-src falls back to default-src when absent: check whichever governs scripts.
    const scriptSources = directives.get('script-src') ?? directives.get('default-src');
    if (scriptSources === undefined) problems.push('CSP has neither script-src nor default-src');
    else if (/'unsafe-inline'|'unsafe-eval'/.test(scriptSources)) problems.push(`CSP script-src allows unsafe sources (${scriptSources})`);
  }
  const hsts = headers['strict-transport-security'];
  const maxAge = /max-age=(\d+)/.exec(hsts ?? '')?.[1];
  if (!maxAge || Number(maxAge) < 31_536_000) problems.push(`HSTS missing or shorter than a year (${hsts ?? 'missing'})`);
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`X-Content-Type-Options is not nosniff (${headers['x-content-type-options'] ?? 'missing'})`);
  if (headers['referrer-policy'] !== 'no-referrer') problems.push(`Referrer-Policy is not no-referrer (${headers['referrer-policy'] ?? 'missing'})`);
  return problems;
}

function parseCsp(csp: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values.join(' '));
  }
  return directives;
}

/**
 * Switches the page's HTTP cache off. Call it before the first navigation of a watched page: Chromium drops
 * Strict-Transport-Security from the responses it keeps in its cache, so a cache hit would look like a response
 * without HSTS. Uncached, every response is checked as the server sent it.
 */
export async function disableHttpCache(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
}

/**
 * Records the security-header problems of every response from `origin` that the page receives (documents,
 * scripts, styles, fonts, API calls, redirects). Other origins are not ours to judge (and there should be none).
 * Call `disableHttpCache(page)` first (the fixtures do).
 */
export function watchSecurityHeaders(page: Page, origin: string): { findings: SecurityHeaderFinding[]; checked: () => number; settle: () => Promise<void> } {
  const findings: SecurityHeaderFinding[] = [];
  const pending = new Set<Promise<void>>();
  let count = 0;
  const inspect = async (response: Response) => {
    if (new URL(response.url()).origin !== origin) return;
    count += 1;
    const problems = findSecurityHeaderProblems(await response.allHeaders());
    if (problems.length > 0) findings.push({ url: new URL(response.url()).pathname, status: response.status(), problems });
  };
  page.on('response', (response) => {
    const done = inspect(response).catch(() => {
      // The page closed before the headers could be read: nothing left to judge.
    });
    pending.add(done);
    void done.finally(() => pending.delete(done));
  });
  return {
    findings,
    checked: () => count,
    settle: async () => {
      await Promise.all([...pending]);
    },
  };
}

export function describeFindings(findings: SecurityHeaderFinding[]): string {
  return findings.map((finding) => `  ${finding.status} ${finding.url}: ${finding.problems.join('; ')}`).join('\n');
}
