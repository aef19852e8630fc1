import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from './env.ts';
import { generateAuditSigningKey } from './platform/audit-checkpoints.ts';
import { generateEncryptionKey, TEST_ENCRYPTION_KEY } from './platform/field-encryption.ts';

const OWN_KEY = generateEncryptionKey();
const AUDIT_KEY = generateAuditSigningKey();
const production = { NODE_ENV: 'production', ENCRYPTION_KEY: OWN_KEY, PUBLIC_ORIGIN: 'https://bro.example.dk', AUDIT_SIGNING_KEY: AUDIT_KEY };

/** The message readEnv refuses with, or undefined when it accepts. */
function refusalOf(source: Record<string, string>): string | undefined {
  try {
    readEnv(source);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('readEnv in production', () => {
  it('accepts an https origin and a key of its own, and never loads demo data whatever DEMO_DATA says', () => {
    const env = readEnv({ ...production, DEMO_DATA: 'true' });
    expect(env.loadDemoData).toBe(false);
    expect(env.warnings).toEqual([expect.stringContaining('DEMO_DATA=true is ignored')]);
    expect(readEnv(production)).toMatchObject({ loadDemoData: false, warnings: [] });
  });

  it('keeps the 15 idle minutes whatever SESSION_IDLE_TIMEOUT_SECONDS says, and says so', () => {
    const env = readEnv({ ...production, SESSION_IDLE_TIMEOUT_SECONDS: '30' });
    expect(env.sessionIdleTimeoutMs).toBeUndefined();
    expect(env.warnings).toEqual([expect.stringContaining('SESSION_IDLE_TIMEOUT_SECONDS is ignored')]);
  });

  it('refuses to start without ENCRYPTION_KEY, even with the embedded database', () => {
    expect(refusalOf({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://bro.example.dk' })).toMatch(/^ENCRYPTION_KEY is required/);
  });

  it("refuses the test suite's published key, and a key that is not 32 bytes", () => {
    expect(refusalOf({ ...production, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY })).toMatch(/test suite's published key/);
    expect(refusalOf({ ...production, ENCRYPTION_KEY: Buffer.alloc(16, 1).toString('base64') })).toMatch(/32 bytes/);
  });

  it('refuses an http:// PUBLIC_ORIGIN, and a missing one (which defaults to http://localhost)', () => {
    expect(refusalOf({ ...production, PUBLIC_ORIGIN: 'http://bro.example.dk' })).toMatch(/^PUBLIC_ORIGIN must be an https:\/\/ address/);
    expect(refusalOf({ NODE_ENV: 'production', ENCRYPTION_KEY: OWN_KEY })).toMatch(/^PUBLIC_ORIGIN must be an https:\/\/ address/);
  });

  it('refuses insecure OIDC', () => {
    expect(refusalOf({ ...production, OIDC_ALLOW_INSECURE: 'true' })).toMatch(/OIDC_ALLOW_INSECURE/);
  });

  it('needs an audit signing key of its own: the checkpoints must not be signed by a key kept beside the database', () => {
    const { AUDIT_SIGNING_KEY: _omitted, ...withoutAuditKey } = production;
    expect(refusalOf(withoutAuditKey)).toMatch(/^AUDIT_SIGNING_KEY is required/);
    expect(readEnv(production).auditSigningKey).toBe(AUDIT_KEY);
  });

  it('says every refusal in one line', () => {
    for (const source of [{ NODE_ENV: 'production' }, { ...production, PORT: 'seventy' }, { NODE_ENV: 'staging' }]) {
      expect(refusalOf(source)).toMatch(/^[^\n]+$/);
    }
  });
});

describe('readEnv outside production', () => {
  it('needs no key or https, and loads demo data by default with the embedded database', () => {
    expect(readEnv({})).toMatchObject({ nodeEnv: 'development', loadDemoData: true, publicOrigin: 'http://localhost:3000', warnings: [] });
    expect(readEnv({ DATABASE_URL: 'postgres://x@localhost/bro' }).loadDemoData).toBe(false);
  });

  it('checks AUDIT_SIGNING_KEY is an Ed25519 PKCS8 key, and puts the checkpoints in DATA_DIR unless told otherwise', () => {
    expect(readEnv({}).auditSigningKey).toBeUndefined();
    expect(readEnv({ DATA_DIR: '/srv/bro' }).auditCheckpointDir).toBe('/srv/bro/audit-checkpoints');
    expect(readEnv({ AUDIT_CHECKPOINT_DIR: '/worm/bro' }).auditCheckpointDir).toBe('/worm/bro');
    expect(refusalOf({ AUDIT_SIGNING_KEY: OWN_KEY })).toMatch(/^AUDIT_SIGNING_KEY must be an Ed25519 private key/);
    expect(refusalOf({ AUDIT_SIGNING_KEY: 'not a key' })).toMatch(/^AUDIT_SIGNING_KEY must be an Ed25519 private key/);
  });

  it('takes a shorter idle timeout for development and e2e, within bounds', () => {
    expect(readEnv({}).sessionIdleTimeoutMs).toBeUndefined();
    expect(readEnv({ SESSION_IDLE_TIMEOUT_SECONDS: '20' }).sessionIdleTimeoutMs).toBe(20_000);
    expect(refusalOf({ SESSION_IDLE_TIMEOUT_SECONDS: '5' })).toMatch(/SESSION_IDLE_TIMEOUT_SECONDS/);
  });
});

describe('readEnv: the proxies in front and who may read metrics', () => {
  it('trusts no proxy by default, and takes a hop count or a list of addresses and CIDRs', () => {
    expect(readEnv({}).trustProxy).toBe(false);
    expect(readEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readEnv({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,::1' }).trustProxy).toEqual(['10.0.0.5', '172.16.0.0/12', '::1']);
  });

  it('refuses "true", a name, an impossible prefix and an absurd hop count, naming the variable', () => {
    for (const value of ['true', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '::1/129', '99']) {
      expect(refusalOf({ TRUST_PROXY: value })).toMatch(/^TRUST_PROXY/);
    }
  });

  it('lets only the loopback addresses read metrics by default, and takes a list', () => {
    expect(readEnv({}).metricsAllowedAddresses).toEqual(['127.0.0.1', '::1']);
    expect(readEnv({ METRICS_ALLOWED_ADDRESSES: '10.1.0.0/16' }).metricsAllowedAddresses).toEqual(['10.1.0.0/16']);
    expect(refusalOf({ METRICS_ALLOWED_ADDRESSES: 'prometheus' })).toMatch(/^METRICS_ALLOWED_ADDRESSES/);
  });
});
