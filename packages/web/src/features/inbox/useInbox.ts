import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxQuery } from './inbox.api';

/** The service's inbox, kept fresh by server-sent events (InboxLiveProvider); announces new referrals politely. */
export function useInbox() {
  const { t } = useTranslation();
  const inbox = useQuery(inboxQuery);
  const [announcement, setAnnouncement] = useState<string>();
  const knownIds = useRef<Set<string> | undefined>(undefined);

  useEffect(() => {
    if (!inbox.data) return;
    const ids = new Set(inbox.data.map((item) => item.id));
    const previous = knownIds.current;
    knownIds.current = ids;
    if (!previous) return;
    const hasNew = [...ids].some((id) => !previous.has(id));
    // Clear first so the same sentence twice in a row is still announced.
    setAnnouncement(undefined);
    const timer = window.setTimeout(() => setAnnouncement(hasNew ? t('inbox.newReferralAnnouncement') : t('inbox.updatedAnnouncement')), 150);
    return () => window.clearTimeout(timer);
  }, [inbox.data, t]);

  return { inbox, announcement };
}

/** Re-renders every `intervalMs` so relative times ("om 3 timer") stay true. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
