import type { OidcProviderSettings, PutOidcProviderRequest } from '@bro/domain';
import type { AppConfig } from '../../platform/app-deps.ts';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import { findProviderSettings, organisationExists, upsertProviderSettings, type OidcProviderSettingsRow } from './oidc.queries.ts';
import { CALLBACK_PATH } from './oidc.service.ts';

type Deps = { db: Db; config: AppConfig };

/** What the platform admin sees of an organisation's identity provider: never the secret. */
export async function getOidcProviderSettings({ db, config, organisationId }: Deps & { organisationId: string }): Promise<OidcProviderSettings> {
  if (!(await organisationExists(db, organisationId))) throw new AppError('not_found');
  const settings = await findProviderSettings(db, organisationId);
  if (!settings) throw new AppError('not_found');
  return toOidcProviderView(settings, config);
}

/** Checks a provider change before it is made or asked for: plain http only where the operator allows it (tests). */
export function checkOidcProviderRequest(config: AppConfig, request: PutOidcProviderRequest): void {
  if (!config.allowInsecureOidc && new URL(request.issuer).protocol !== 'https:') {
    throw new AppError('validation_failed', [{ path: 'body.issuer', message: 'https_required' }]);
  }
}

/** The provider settings a change would store; the secret (already encrypted) is kept when the change leaves it out. */
export type OidcProviderChange = Omit<PutOidcProviderRequest, 'clientSecret'> & { clientSecretEnc: string | undefined };

/**
 * Creates or replaces the provider in the caller's transaction, audited there. Whether a platform admin may do so at
 * once, or only with the organisation's approval (four eyes), is the organisations module's decision.
 */
export async function saveOidcProviderSettings(
  trx: Transaction<Database>,
  input: { now: Date; actor: Actor; organisationId: string; change: OidcProviderChange; auditDetails?: Record<string, string | null> },
): Promise<OidcProviderSettingsRow> {
  const { actor, organisationId, change } = input;
  if (!(await organisationExists(trx, organisationId))) throw new AppError('not_found');
  const existing = await findProviderSettings(trx, organisationId);
  const clientSecretEnc = change.clientSecretEnc ?? existing?.clientSecretEnc;
  if (!clientSecretEnc) throw new AppError('validation_failed', [{ path: 'body.clientSecret', message: 'required' }]);
  const settings = { organisationId, issuer: change.issuer, clientId: change.clientId, clientSecretEnc, displayName: change.displayName, isEnabled: change.isEnabled };
  await upsertProviderSettings(trx, settings);
  await appendAuditEntryBy(trx, actor, {
    occurredAt: input.now,
    action: existing ? 'oidc_provider.update' : 'oidc_provider.create',
    objectType: 'organisation',
    objectId: organisationId,
    details: { isEnabled: change.isEnabled, isSecretChanged: change.clientSecretEnc !== undefined, isIssuerChanged: existing?.issuer !== change.issuer, ...input.auditDetails },
  });
  return settings;
}

export function toOidcProviderView(settings: OidcProviderSettingsRow, config: AppConfig): OidcProviderSettings {
  return {
    issuer: settings.issuer,
    clientId: settings.clientId,
    displayName: settings.displayName,
    isEnabled: settings.isEnabled,
    hasClientSecret: settings.clientSecretEnc.length > 0,
    redirectUri: `${config.publicOrigin}${CALLBACK_PATH}`,
  };
}
