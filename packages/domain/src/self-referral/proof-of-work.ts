import { z } from 'zod';

/**
 * Proof of work for the public contact form: a spam brake that needs no third-party service (no CAPTCHA, nothing
 * loaded from elsewhere). The server issues a signed, expiring challenge with the form; the browser's script
 * (`/public/contact-pow.js`) finds a nonce such that SHA-256(`<challenge>:<nonce>`) starts with `bits` zero bits.
 * Finding one takes about 2^bits hashes (≈ 65,000 at 16 bits: about 0.1 s on a phone); checking it takes one.
 *
 * Pure on purpose: the hashing and the signature (HMAC with a key derived from the app key) are the server's; this
 * file holds the format and the arithmetic, so the server and the tests agree on them.
 */

/** Difficulty of newly issued challenges. Carried inside each challenge, so it can change without breaking forms in flight. */
export const PROOF_OF_WORK_BITS = 16;
/** How long a form stays valid: long enough to write calmly, short enough that a stolen page soon goes stale. */
export const CHALLENGE_LIFETIME_MS = 2 * 60 * 60 * 1000;
const MIN_BITS = 8;
const MAX_BITS = 24;

/** A nonce is a decimal counter. Short and ASCII, so the browser and the server hash the same bytes. */
export const ProofOfWorkNonce = z.string().regex(/^[0-9]{1,15}$/, { message: 'nonce_format' });
export type ProofOfWorkNonce = z.infer<typeof ProofOfWorkNonce>;

export type ParsedChallenge = {
  /** The signed part: everything before the last dot. */
  payload: string;
  bits: number;
  expiresAt: Date;
  /** The server's signature over `payload` (hex). */
  mac: string;
};

const challengePattern = /^(v1\.([0-9]{1,2})\.([0-9]{10})\.([A-Za-z0-9_-]{22}))\.([0-9a-f]{32})$/;

/** `v1.<bits>.<expires, Unix seconds>.<16 random bytes, base64url>` — the part the server signs. */
export function challengePayload(input: { bits: number; expiresAt: Date; random: string }): string {
  return `v1.${input.bits}.${Math.floor(input.expiresAt.getTime() / 1000)}.${input.random}`;
}

/** Splits a challenge into its parts; undefined when it is not one of ours in shape (the signature is checked apart). */
export function parseChallenge(value: string): ParsedChallenge | undefined {
  const match = challengePattern.exec(value);
  if (!match) return undefined;
  const [, payload, bits, expires, , mac] = match;
  const difficulty = Number(bits);
  if (!payload || !mac || difficulty < MIN_BITS || difficulty > MAX_BITS) return undefined;
  return { payload, bits: difficulty, expiresAt: new Date(Number(expires) * 1000), mac };
}

/** The exact text the browser hashes. */
export function proofOfWorkInput(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`;
}

/** Number of leading zero bits of a digest. */
export function countLeadingZeroBits(digest: Uint8Array): number {
  let count = 0;
  for (const byte of digest) {
    if (byte === 0) {
      count += 8;
      continue;
    }
    return count + Math.clz32(byte) - 24;
  }
  return count;
}

export function isProofOfWorkSolved(digest: Uint8Array, bits: number): boolean {
  return countLeadingZeroBits(digest) >= bits;
}
