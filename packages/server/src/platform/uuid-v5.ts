import { createHash } from 'node:crypto';

/** The name-space ids RFC 9562 (§6.6) predefines for name-based UUIDs. */
export const UUID_NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID (version 5, RFC 9562 §5.5): the same name-space and name always give the same UUID, so ids of
 * things that have no row of their own (an HSDS phone of a service, say) stay stable across requests without being
 * stored. SHA-1 is what the RFC prescribes for version 5; it serves as a derivation here, not as security.
 */
export function deriveUuidV5(namespace: string, name: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new Error(`Not a UUID name-space: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // variant 10 (RFC 9562)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
