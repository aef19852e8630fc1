import { fetchHelpService, fetchHelpServices } from '../../api';
import { useFormat } from '../../i18n/format';
import { useResource } from '../../useResource';

/** The organisation's listings: those due for a check first, then by Danish name the Danish way (Æ, Ø, Å after Z). */
export function useHelpServices() {
  const format = useFormat();
  return useResource(
    async (signal) => (await fetchHelpServices(signal)).sort((a, b) => Number(b.isCheckDue) - Number(a.isCheckDue) || format.compare(a.nameDa, b.nameDa)),
    [format],
  );
}

export function useHelpService(id: string) {
  return useResource((signal) => fetchHelpService(id, signal), [id]);
}
