import { fetchUnits, fetchUsers } from '../../api';
import { useFormat } from '../../i18n/format';
import { useResource } from '../../useResource';

/** The organisation's users, sorted by name the Danish way (Æ, Ø, Å after Z). */
export function useUsers() {
  const format = useFormat();
  return useResource(async (signal) => (await fetchUsers(signal)).sort((a, b) => format.compare(a.displayName, b.displayName)), [format]);
}

export function useUnits() {
  const format = useFormat();
  return useResource(async (signal) => (await fetchUnits(signal)).sort((a, b) => format.compare(a.name, b.name)), [format]);
}
