import { join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { AccessibilityContact } from './platform/app-deps.ts';
import { readAuditSigningKey } from './platform/audit-checkpoints.ts';
import { TEST_ENCRYPTION_KEY } from './platform/field-encryption.ts';

/** The only reader of process.env. Everything else receives a validated `Env`. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** 32 bytes, base64. Required with DATABASE_URL; the embedded mode generates one into DATA_DIR. */
  ENCRYPTION_KEY: z.string().optional(),
  /** Load the demo organisations and accounts on first start. Default: on with the embedded database; never in production. */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The public origin, used for OIDC redirect URIs and enrolment links. https:// in production. */
  PUBLIC_ORIGIN: z.string().url().optional(),
  /** Allow OIDC issuers on plain http (local test identity providers only). */
  OIDC_ALLOW_INSECURE: z.enum(['true', 'false']).default('false'),
  /** Sign-in attempts per client address and minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Development and tests only: a shorter (or longer) idle timeout than the 15 minutes. Ignored in production. */
  SESSION_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).optional(),
  /** Where people report accessibility problems: the accessibility statement must name a written and a phone contact. */
  ACCESSIBILITY_CONTACT_EMAIL: z.string().email().optional(),
  ACCESSIBILITY_CONTACT_PHONE: z.string().regex(/^\+?[0-9][0-9 ]{2,19}$/).optional(),
  /** Outgoing e-mail: smtp:// or smtps:// with credentials. Without it messages stay in the outbox, unsent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//).optional(),
  MAIL_FROM: z.string().min(3).default('Bro <no-reply@localhost>'),
  /** Outgoing SMS through GatewayAPI (https://gatewayapi.com): base URL and API token. Both or neither. */
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /**
   * Ed25519 private key, PKCS8 DER in base64, that signs the audit checkpoints. Kept out of the database on purpose.
   * Required with NODE_ENV=production; otherwise one is generated into DATA_DIR/audit-signing.key.
   */
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** The append-only folder the signed checkpoints go to. Default: DATA_DIR/audit-checkpoints. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /**
   * The proxies in front of the app whose X-Forwarded-For the app believes: a number of hops (1 behind one load
   * balancer) or a comma-separated list of addresses/CIDRs. Unset: none, the peer's address is the client's.
   */
  TRUST_PROXY: z.string().trim().optional(),
  /** Who may read GET /metrics: comma-separated addresses/CIDRs. Everyone else gets 404. */
  METRICS_ALLOWED_ADDRESSES: z.string().trim().default('127.0.0.1,::1'),
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  encryptionKey: string | undefined;
  loadDemoData: boolean;
  logLevel: string;
  publicOrigin: string;
  allowInsecureOidc: boolean;
  loginAttemptsPerMinute: number;
  /** The idle timeout when SESSION_IDLE_TIMEOUT_SECONDS is set outside production; otherwise the fixed 15 minutes. */
  sessionIdleTimeoutMs: number | undefined;
  accessibilityContact: AccessibilityContact;
  /** Said once at start: configuration that is accepted but has no effect (DEMO_DATA=true in production). */
  warnings: string[];
  smtp: { url: string; from: string } | undefined;
  smsGateway: { url: string; token: string } | undefined;
  /** AUDIT_SIGNING_KEY as given (checked to be an Ed25519 PKCS8 key); undefined: the one in DATA_DIR is used. */
  auditSigningKey: string | undefined;
  auditCheckpointDir: string;
  /** Fastify's `trustProxy`: false (default), a hop count, or the addresses/CIDRs of the trusted proxies. */
  trustProxy: false | number | string[];
  /** Addresses/CIDRs that may read /metrics. */
  metricsAllowedAddresses: string[];
};

/**
 * A configuration the app must not start with. main.ts and the CLI print its message as one line, without a stack
 * trace, and exit non-zero: the operator needs to know which variable to fix, not where the check lives.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the configuration; throws ConfigError (one line) for anything the app must not start with. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const parsed = result.data;
  const isProduction = parsed.NODE_ENV === 'production';
  const env: Env = {
    nodeEnv: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: resolve(parsed.DATA_DIR),
    encryptionKey: parsed.ENCRYPTION_KEY,
    // Demo accounts have published passwords and TOTP secrets: never in production, whatever DEMO_DATA says.
    loadDemoData: !isProduction && (parsed.DEMO_DATA ? parsed.DEMO_DATA === 'true' : parsed.DATABASE_URL === undefined),
    logLevel: parsed.LOG_LEVEL,
    publicOrigin: parsed.PUBLIC_ORIGIN ?? `http://localhost:${parsed.PORT}`,
    allowInsecureOidc: parsed.OIDC_ALLOW_INSECURE === 'true',
    loginAttemptsPerMinute: parsed.LOGIN_RATE_LIMIT_PER_MINUTE,
    // The 15-minute idle limit is a security rule: only development and the e2e journeys may wait less (or more).
    sessionIdleTimeoutMs: !isProduction && parsed.SESSION_IDLE_TIMEOUT_SECONDS ? parsed.SESSION_IDLE_TIMEOUT_SECONDS * 1000 : undefined,
    accessibilityContact: { email: parsed.ACCESSIBILITY_CONTACT_EMAIL, phone: parsed.ACCESSIBILITY_CONTACT_PHONE },
    warnings: productionWarnings(isProduction, parsed),
    smtp: parsed.SMTP_URL ? { url: parsed.SMTP_URL, from: parsed.MAIL_FROM } : undefined,
    smsGateway: readSmsGateway(parsed.SMS_GATEWAY_URL, parsed.SMS_GATEWAY_TOKEN),
    auditSigningKey: checkAuditSigningKey(parsed.AUDIT_SIGNING_KEY),
    auditCheckpointDir: resolve(parsed.AUDIT_CHECKPOINT_DIR ?? join(parsed.DATA_DIR, 'audit-checkpoints')),
    trustProxy: readTrustProxy(parsed.TRUST_PROXY),
    metricsAllowedAddresses: readAddressList('METRICS_ALLOWED_ADDRESSES', parsed.METRICS_ALLOWED_ADDRESSES),
  };
  if (isProduction) assertProductionConfig(env);
  return env;
}

/**
 * What production needs beyond development: a key of its own (the generated one in DATA_DIR would sit beside the
 * data it protects, and the test suite's key is public), and https, because session cookies are `Secure` and the
 * enrolment and OIDC links carry secrets.
 */
function assertProductionConfig(env: Env): void {
  if (!env.encryptionKey) throw new ConfigError('ENCRYPTION_KEY is required with NODE_ENV=production (32 bytes, base64).');
  if (env.encryptionKey.trim() === TEST_ENCRYPTION_KEY) {
    throw new ConfigError("ENCRYPTION_KEY is the test suite's published key: generate a key of your own (openssl rand -base64 32).");
  }
  if (Buffer.from(env.encryptionKey, 'base64').length !== 32) throw new ConfigError('ENCRYPTION_KEY must be 32 bytes, base64-encoded.');
  if (new URL(env.publicOrigin).protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_ORIGIN must be an https:// address with NODE_ENV=production (now ${env.publicOrigin}).`);
  }
  if (env.allowInsecureOidc) throw new ConfigError('OIDC_ALLOW_INSECURE=true is refused with NODE_ENV=production.');
  // A key generated into DATA_DIR would sit on the same machine as the database whose tail it must vouch for.
  if (!env.auditSigningKey) throw new ConfigError('AUDIT_SIGNING_KEY is required with NODE_ENV=production (Ed25519, PKCS8 DER, base64: see docs/operations.md).');
}

function checkAuditSigningKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    readAuditSigningKey(value);
  } catch {
    throw new ConfigError('AUDIT_SIGNING_KEY must be an Ed25519 private key, PKCS8 DER in base64 (see docs/operations.md).');
  }
  return value;
}

/** Settings accepted but without effect in production: said once at start, so nobody believes they apply. */
function productionWarnings(isProduction: boolean, parsed: z.infer<typeof EnvSchema>): string[] {
  if (!isProduction) return [];
  const warnings: string[] = [];
  if (parsed.DEMO_DATA === 'true') warnings.push('DEMO_DATA=true is ignored with NODE_ENV=production: demo data is never loaded there.');
  if (parsed.SESSION_IDLE_TIMEOUT_SECONDS) warnings.push('SESSION_IDLE_TIMEOUT_SECONDS is ignored with NODE_ENV=production: sessions end after 15 idle minutes there.');
  return warnings;
}

function readSmsGateway(url: string | undefined, token: string | undefined): Env['smsGateway'] {
  if (url === undefined && token === undefined) return undefined;
  if (!url || !token) throw new Error('SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN go together: set both or neither.');
  return { url, token };
}

/**
 * A hop count or a list of addresses. Never `true` (trust every X-Forwarded-For): anyone could then pick the address
 * the rate limits count, and the one the logs show.
 */
function readTrustProxy(value: string | undefined): Env['trustProxy'] {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY: ${hops} hops is more than any real set-up has (at most 10), or give the proxies' addresses.`);
    return hops;
  }
  return readAddressList('TRUST_PROXY', value);
}

/** Comma-separated IPv4/IPv6 addresses or CIDRs (`10.0.0.0/8`); refuses anything else by name. */
function readAddressList(name: string, value: string): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const invalid = entries.filter((entry) => !isAddressOrCidr(entry));
  if (invalid.length > 0) throw new ConfigError(`${name}: not an address or CIDR: ${invalid.join(', ')} (expected e.g. 10.0.0.5, 10.0.0.0/8 or ::1).`);
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
