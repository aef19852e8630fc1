import type { OidcProviderSettings, PutOidcProviderRequest } from '@bro/domain';
import type { AppConfig } from '../../platform/app-deps.ts';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { findProviderSettings, organisationExists, upsertProviderSettings, type OidcProviderSettingsRow } from './oidc.queries.ts';
import { CALLBACK_PATH } from './oidc.service.ts';

type Deps = { db: Db; config: AppConfig };

/** What the platform admin sees of an organisation's identity provider: never the secret. */
export async function getOidcProviderSettings({ db, config, organisationId }: Deps & { organisationId: string }): Promise<OidcProviderSettings> {
  if (!(await organisationExists(db, organisationId))) throw new AppError('not_found');
  const settings = await findProviderSettings(db, organisationId);
  if (!settings) throw new AppError('not_found');
  return toView(settings, config);
}

/** Creates or replaces the provider. The secret is encrypted at rest and kept when the request leaves it out. */
export async function putOidcProviderSettings(
  input: Deps & { clock: Clock; cipher: FieldCipher; actor: Actor; organisationId: string; request: PutOidcProviderRequest },
): Promise<OidcProviderSettings> {
  const { db, clock, cipher, actor, organisationId, request } = input;
  if (!input.config.allowInsecureOidc && new URL(request.issuer).protocol !== 'https:') {
    throw new AppError('validation_failed', [{ path: 'body.issuer', message: 'https_required' }]);
  }
  return db.transaction().execute(async (trx) => {
    if (!(await organisationExists(trx, organisationId))) throw new AppError('not_found');
    const existing = await findProviderSettings(trx, organisationId);
    const clientSecretEnc = request.clientSecret ? cipher.encrypt(request.clientSecret) : existing?.clientSecretEnc;
    if (!clientSecretEnc) throw new AppError('validation_failed', [{ path: 'body.clientSecret', message: 'required' }]);
    const settings = { organisationId, issuer: request.issuer, clientId: request.clientId, clientSecretEnc, displayName: request.displayName, isEnabled: request.isEnabled };
    await upsertProviderSettings(trx, settings);
    await appendAuditEntryBy(trx, actor, {
      occurredAt: clock.now(),
      action: existing ? 'oidc_provider.update' : 'oidc_provider.create',
      objectType: 'organisation',
      objectId: organisationId,
      details: { isEnabled: request.isEnabled, isSecretChanged: request.clientSecret !== undefined },
    });
    return toView(settings, input.config);
  });
}

function toView(settings: OidcProviderSettingsRow, config: AppConfig): OidcProviderSettings {
  return {
    issuer: settings.issuer,
    clientId: settings.clientId,
    displayName: settings.displayName,
    isEnabled: settings.isEnabled,
    hasClientSecret: settings.clientSecretEnc.length > 0,
    redirectUri: `${config.publicOrigin}${CALLBACK_PATH}`,
  };
}
