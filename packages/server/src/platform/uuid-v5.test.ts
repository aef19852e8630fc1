import { describe, expect, it } from 'vitest';
import { deriveUuidV5, UUID_NAMESPACE_URL } from './uuid-v5.ts';

const UUID_NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('deriveUuidV5', () => {
  it('gives the RFC 9562 test vector (Appendix A.4: DNS name-space, "www.example.com")', () => {
    expect(deriveUuidV5(UUID_NAMESPACE_DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('hashes the name as UTF-8 and accepts an upper-case name-space (same value as Python uuid.uuid5)', () => {
    expect(deriveUuidV5(UUID_NAMESPACE_URL, 'Bro/ø')).toBe('09f41822-064c-590d-b047-7f09a128a850');
    expect(deriveUuidV5(UUID_NAMESPACE_URL.toUpperCase(), 'Bro/ø')).toBe('09f41822-064c-590d-b047-7f09a128a850');
  });

  it('is stable for the same input, different for a different name or name-space, and always version 5, variant 10', () => {
    const parent = deriveUuidV5(UUID_NAMESPACE_URL, 'https://example.org/service/1');
    expect(deriveUuidV5(parent, 'phone:1')).toBe(deriveUuidV5(parent, 'phone:1'));
    expect(deriveUuidV5(parent, 'phone:2')).not.toBe(deriveUuidV5(parent, 'phone:1'));
    expect(deriveUuidV5(UUID_NAMESPACE_DNS, 'phone:1')).not.toBe(deriveUuidV5(parent, 'phone:1'));
    for (const name of ['', 'a', 'phone:1', 'schedule:14', 'ﷺ']) expect(deriveUuidV5(parent, name)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a name-space that is not a UUID', () => {
    expect(() => deriveUuidV5('service-1', 'phone:1')).toThrow('Not a UUID name-space');
  });
});
