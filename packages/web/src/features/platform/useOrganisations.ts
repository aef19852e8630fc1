import { fetchOrganisations } from '../../api';
import { useFormat } from '../../i18n/format';
import { useResource } from '../../useResource';

/** Every organisation on the platform, sorted by name the Danish way. */
export function useOrganisations() {
  const format = useFormat();
  return useResource(async (signal) => (await fetchOrganisations(signal)).sort((a, b) => format.compare(a.name, b.name)), [format]);
}
