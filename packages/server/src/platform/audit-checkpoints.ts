import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The two sealed logs: the audit log (changes) and the access log (reads of personal data). */
export type SealedLog = 'audit' | 'access';

/**
 * A signed statement, kept outside the database, that a log's chain reached `headHash` at entry `sequence` (its
 * last sealed id) at `time`. Anyone holding the public key can check it; nobody with only database access can forge
 * or move one, so a truncated tail or a re-hashed chain no longer matches the newest checkpoint.
 */
export type Checkpoint = {
  log: SealedLog;
  /** The id of the last sealed entry (a bigint, as text). */
  sequence: string;
  headHash: string;
  /** ISO 8601, UTC. */
  time: string;
  /** Which public key verifies it: the first 16 hex digits of the SHA-256 of the key's SPKI encoding. */
  keyId: string;
  /** Ed25519 over {@link checkpointMessage}, base64. */
  signature: string;
};

/**
 * Where checkpoints go: append-only, outside the database. The default is a folder; object storage with a retention
 * lock (S3 Object Lock in compliance mode, say) fits the same two operations plus the public keys beside them.
 */
export type CheckpointStore = {
  append: (checkpoint: Checkpoint) => Promise<void>;
  /** Every checkpoint, in the order appended. */
  list: () => Promise<Checkpoint[]>;
  /** Writes the public key beside the checkpoints (once per key id; a different key under a used id is refused). */
  publishPublicKey: (keyId: string, publicKeyPem: string) => Promise<void>;
  readPublicKeys: () => Promise<Map<string, KeyObject>>;
};

export type AuditSigningKey = { privateKey: KeyObject; publicKeyPem: string; keyId: string };

/** A new Ed25519 private key, PKCS8 DER in base64: the format of AUDIT_SIGNING_KEY. */
export function generateAuditSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** Reads AUDIT_SIGNING_KEY (PKCS8 DER, base64); throws when it is not an Ed25519 private key. */
export function readAuditSigningKey(pkcs8Base64: string): AuditSigningKey {
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8Base64.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), keyId: keyIdOf(publicKey) };
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 16);
}

/** What is signed: every field but the signature, in a fixed order, with a domain prefix. */
function checkpointMessage(checkpoint: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(['bro-audit-checkpoint-v1', checkpoint.log, checkpoint.sequence, checkpoint.headHash, checkpoint.time, checkpoint.keyId].join('\n'));
}

export function signCheckpoint(key: AuditSigningKey, head: { log: SealedLog; sequence: string; headHash: string; time: Date }): Checkpoint {
  const unsigned = { log: head.log, sequence: head.sequence, headHash: head.headHash, time: head.time.toISOString(), keyId: key.keyId };
  return { ...unsigned, signature: sign(null, checkpointMessage(unsigned), key.privateKey).toString('base64') };
}

export function isCheckpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  const { signature, ...unsigned } = checkpoint;
  try {
    return verify(null, checkpointMessage(unsigned), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

const CHECKPOINT_FILE = 'checkpoints.jsonl';
const PUBLIC_KEY_FOLDER = 'public-keys';

/**
 * Checkpoints as JSON lines in `<folder>/checkpoints.jsonl`, opened for append (O_APPEND) and flushed to disk
 * (fdatasync) before `append` resolves; public keys as `<folder>/public-keys/<keyId>.pem`. Make the folder
 * append-only where it lives (chattr +a, a WORM mount, or a copy shipped off the machine): the app only appends.
 */
export function createFolderCheckpointStore(folder: string): CheckpointStore {
  const file = join(folder, CHECKPOINT_FILE);
  const keyFolder = join(folder, PUBLIC_KEY_FOLDER);
  return {
    append: async (checkpoint) => {
      await mkdir(folder, { recursive: true, mode: 0o750 });
      const handle = await open(file, 'a', 0o640);
      try {
        await handle.write(`${JSON.stringify(checkpoint)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },
    list: async () => {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '';
        throw error;
      });
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => parseCheckpoint(line, index + 1));
    },
    publishPublicKey: async (keyId, publicKeyPem) => {
      await mkdir(keyFolder, { recursive: true, mode: 0o750 });
      const path = join(keyFolder, `${keyId}.pem`);
      try {
        await writeFile(path, publicKeyPem, { flag: 'wx', mode: 0o644 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if ((await readFile(path, 'utf8')) !== publicKeyPem) throw new Error(`${path} holds a different public key`);
      }
    },
    readPublicKeys: async () => {
      const names = await readdir(keyFolder).catch(() => [] as string[]);
      const keys = new Map<string, KeyObject>();
      for (const name of names.filter((each) => each.endsWith('.pem'))) {
        const publicKey = createPublicKey(await readFile(join(keyFolder, name), 'utf8'));
        // The file name is only a hint: a key is filed under the id it really has.
        keys.set(keyIdOf(publicKey), publicKey);
      }
      return keys;
    },
  };
}

function parseCheckpoint(line: string, lineNumber: number): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`checkpoint line ${lineNumber} is not JSON`);
  }
  const candidate = value as Partial<Record<keyof Checkpoint, unknown>>;
  const isText = (field: unknown) => typeof field === 'string';
  if (
    (candidate.log !== 'audit' && candidate.log !== 'access') ||
    !isText(candidate.sequence) ||
    !isText(candidate.headHash) ||
    !isText(candidate.time) ||
    !isText(candidate.keyId) ||
    !isText(candidate.signature)
  ) {
    throw new Error(`checkpoint line ${lineNumber} is not a checkpoint`);
  }
  return candidate as Checkpoint;
}
