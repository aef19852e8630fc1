import { createContext, useContext } from 'react';

/**
 * The DOM ids of a form's fields carry its prefix (`create.email`, `edit.email`) when a page shows the same fields
 * twice; the values and errors do not. `<AppForm>` provides the prefix; bound fields and the summary read it.
 */
export const FormIdContext = createContext<string | undefined>(undefined);

export function prefixed(idPrefix: string | undefined, fieldKey: string): string {
  return idPrefix ? `${idPrefix}.${fieldKey}` : fieldKey;
}

/** The DOM key of a field of the surrounding form. */
export function useDomKey(fieldKey: string): string {
  return prefixed(useContext(FormIdContext), fieldKey);
}
