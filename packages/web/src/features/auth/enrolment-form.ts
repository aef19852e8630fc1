import { EnrolmentRequest } from '@bro/domain';
import type { TFunction } from 'i18next';
import { byField, checkedBy, requestSchema } from '../../forms/schema';

export type EnrolmentDraft = { password: string; repeat: string };

/**
 * The enrolment form: the password twice (they must match: nobody sees what they typed), then the same request the
 * server checks, with the link's token added. The token never shows as a field.
 */
export const enrolmentSchema = (t: TFunction, token: string) =>
  checkedBy<EnrolmentDraft>((draft) => (draft.password === draft.repeat ? {} : { repeat: t('enrolment.repeatMismatch') })).pipe(
    requestSchema({
      schema: EnrolmentRequest,
      toRequest: ({ password }: EnrolmentDraft) => ({ token, password }),
      messageOf: byField({ password: t('enrolment.passwordTooShort'), token: t('enrolment.linkBroken') }, t('errors.unexpected')),
    }),
  );

/** The token of an enrolment link (`…/login#enrolment=<token>`): in the fragment, so no server ever logs it. */
export function enrolmentTokenOf(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('enrolment');
  return token ? token : undefined;
}

/** The token of a one-time OIDC invitation (`…/login#oidc-invitation=<token>`), in the fragment like an enrolment link. */
export function oidcInvitationTokenOf(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('oidc-invitation');
  return token ? token : undefined;
}
