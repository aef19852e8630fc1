import { RejectPublicationRequest } from '@bro/domain';
import type { TFunction } from 'i18next';
import { byField, requestSchema } from '../../forms/schema';

export type RejectDraft = { reason: string };

export const emptyRejectDraft: RejectDraft = { reason: '' };

/** A rejection, checked with the server's own schema: a reason of 1–1000 characters. */
export const rejectSchema = (t: TFunction) =>
  requestSchema({ schema: RejectPublicationRequest, toRequest: (draft: RejectDraft) => ({ reason: draft.reason }), messageOf: byField({ reason: t('approvals.reasonRequired') }, t('errors.unexpected')) });
