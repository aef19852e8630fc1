import type { CreateReferralRequest, NoteInput, ReferralDraft, ReferralDraftSaved, ReferralForReferrer, ReferralOptions, ReferralSummaryForReferrer, SaveReferralDraftRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, ids, request, whileInFlight } from '../../api/client';

const referral = (id: string) => `/api/referrals/${ids(id)}`;

export const referralKeys = {
  all: ['referrals'] as const,
  options: () => [...referralKeys.all, 'options'] as const,
  mine: () => [...referralKeys.all, 'mine'] as const,
  one: (id: string) => [...referralKeys.all, 'one', id] as const,
  draft: () => [...referralKeys.all, 'draft'] as const,
};

/** The officer's unsent referral, kept on the server (never in the browser); null when there is none. */
export const referralDraftQuery = queryOptions({
  queryKey: referralKeys.draft(),
  queryFn: async ({ signal }) => {
    try {
      return await request<ReferralDraft>('GET', '/api/referrals/draft', { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  // Asked afresh each time "Ny henvisning" opens, and not kept after.
  staleTime: 0,
  gcTime: 0,
});

export const saveReferralDraft = (body: SaveReferralDraftRequest) => request<ReferralDraftSaved>('PUT', '/api/referrals/draft', { body });
export const discardReferralDraft = () => request<undefined>('DELETE', '/api/referrals/draft');

/** The programmes and services the referrer may refer to, with their routing rules. */
export const referralOptionsQuery = queryOptions({
  queryKey: referralKeys.options(),
  queryFn: ({ signal }) => request<ReferralOptions>('GET', '/api/referrals/options', { signal }),
});

/** The referrer's own referrals, newest first. */
export const myReferralsQuery = queryOptions({
  queryKey: referralKeys.mine(),
  queryFn: async ({ signal }) => {
    const referrals = await request<ReferralSummaryForReferrer[]>('GET', '/api/referrals', { signal });
    return referrals.sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  },
});

export const myReferralQuery = (id: string) =>
  queryOptions({ queryKey: referralKeys.one(id), queryFn: ({ signal }) => request<ReferralForReferrer>('GET', referral(id), { signal }) });

/** @idempotent with the same key: a double click or a retry creates one referral. */
export const createReferral = (body: CreateReferralRequest, idempotencyKey: string) =>
  whileInFlight(() => request<ReferralForReferrer>('POST', '/api/referrals', { body, idempotencyKey }));

export const sendReferral = (id: string) => request<ReferralForReferrer>('POST', `${referral(id)}/send`, { body: {} });
export const withdrawReferral = (id: string, body: NoteInput) => request<ReferralForReferrer>('POST', `${referral(id)}/withdraw`, { body });
export const withdrawConsent = (id: string) => request<ReferralForReferrer>('POST', `${referral(id)}/consent/withdraw`, { body: {} });

/** What the duplicate check compares (`POST /api/referrals/duplicate-check`, from the intake work of issue 11). */
export type DuplicateCheckRequest = { programmeId: string; cpr?: string; fullName: string; birthYear?: number };
/** A referral the caller may see of the same person, to the same programme, within 30 days. */
export type PossibleDuplicate = { reference: string; createdAt: string; serviceName: string };

/**
 * Referrals of the same person the officer's organisation sent to the programme lately. A server without the
 * route yet (404) means no duplicates: the warning is a help, never a gate.
 */
export async function checkForDuplicates(body: DuplicateCheckRequest, signal?: AbortSignal): Promise<PossibleDuplicate[]> {
  try {
    const answer = await request<{ possibleDuplicates: PossibleDuplicate[] }>('POST', '/api/referrals/duplicate-check', { body, signal });
    return answer.possibleDuplicates;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}
