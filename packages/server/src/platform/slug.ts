import { randomBytes } from 'node:crypto';

/**
 * A slug is an id for links and demo data, not shown to people: the name in ASCII (Danish letters spelled out) plus
 * a random tail, so two things with the same name never collide.
 */
export function slugFor(name: string, fallback: string): string {
  const ascii = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${ascii || fallback}-${randomBytes(3).toString('hex')}`;
}
