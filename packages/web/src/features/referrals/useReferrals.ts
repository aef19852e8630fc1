import { fetchMyReferral, fetchMyReferrals } from '../../api';
import { useResource } from '../../useResource';

/** The referrer's own referrals, newest first. */
export function useMyReferrals() {
  return useResource(
    async (signal) => (await fetchMyReferrals(signal)).sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime()),
    [],
  );
}

export function useMyReferral(id: string) {
  return useResource((signal) => fetchMyReferral(id, signal), [id]);
}
