import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field-level AEAD for personal data: AES-256-GCM with a fresh 96-bit IV per value.
 * Format: `v1.<iv>.<tag>.<ciphertext>` (base64url). The encryption key and the lookup-HMAC key are derived from
 * one master key with HKDF, so the HMAC (used for exact CPR lookup) cannot be used to decrypt anything.
 */
export type FieldCipher = {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
  encryptOptional: (plain: string | undefined | null) => string | null;
  decryptOptional: (sealed: string | null) => string | null;
  lookupHash: (value: string) => string;
};

/**
 * The integration tests' fixed key. It is published in this repository, so it protects nothing: env.ts refuses it
 * with NODE_ENV=production.
 */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export function createFieldCipher(masterKeyBase64: string): FieldCipher {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  const encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'bro field encryption v1', 32));
  const hmacKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'bro lookup hmac v1', 32));

  const encrypt = (plain: string): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  };

  const decrypt = (sealed: string): string => {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  };

  return {
    encrypt,
    decrypt,
    encryptOptional: (plain) => (plain === undefined || plain === null || plain === '' ? null : encrypt(plain)),
    decryptOptional: (sealed) => (sealed === null ? null : decrypt(sealed)),
    lookupHash: (value) => createHmac('sha256', hmacKey).update(value).digest('hex'),
  };
}

export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}
