import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Names the page in the browser tab and history: "Indbakke – Bro". Without a title it stays neutral ("Bro"), as
 * the login page must: someone glancing at the screen or the history must not learn what it is about. A title names
 * the page only, never a person, a reference or anything else typed into Bro.
 */
export function usePageTitle(title?: string): void {
  const { t } = useTranslation();
  const brand = t('shell.brand');
  useEffect(() => {
    document.title = title ? `${title} – ${brand}` : brand;
    return () => {
      document.title = brand;
    };
  }, [title, brand]);
}
