import { useAction } from './useAction';

/** A change to one row of a table (deactivate this user …), and what to announce when it is done. */
export type RowChange = { rowId: string; call: () => Promise<unknown>; message: string };

/**
 * Actions on the rows of a table: the row a change runs on is busy, a failure is said in words above the table,
 * and `onDone` gets the message of a change that worked.
 */
export function useRowAction(onDone: (message: string) => void) {
  const action = useAction((change: RowChange) => change.call(), { onSuccess: (_answer, change) => onDone(change.message) });
  return { ...action, busyRowId: action.pending?.rowId };
}
