import { useTranslation } from 'react-i18next';

/** A meeting's "HH:MM" as the page's language writes it: "18.00" in Danish (DOMAIN.md §6.6), "18:00" in English. */
export function useClockTime(): (time: string) => string {
  const { i18n } = useTranslation();
  return (time) => (i18n.resolvedLanguage === 'en' ? time : time.replace(':', '.'));
}
