import type { PublicationState } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';

/** Whether the public sees the listing as the admin sees it: public, waiting for approval, or rejected. */
export function PublicationBadge({ publication }: { publication: PublicationState }) {
  const { t } = useTranslation();
  if (publication.state === 'published') return <Badge tone={publication.isLive ? 'success' : 'neutral'}>{t('directory.publication.published')}</Badge>;
  if (publication.state === 'pending') return <Badge tone="info">{t('directory.publication.pending')}</Badge>;
  return <Badge tone="error">{t('directory.publication.rejected')}</Badge>;
}

/** What the state means for the public, and a rejection's reason, in a sentence beside the badge. */
export function PublicationText({ publication }: { publication: PublicationState }) {
  const { t } = useTranslation();
  if (publication.state === 'published') return null;
  const stays = publication.isLive ? t('directory.publication.previousStays') : t('directory.publication.notPublicYet');
  if (publication.state === 'pending') return <p>{`${t('directory.publication.pendingText')} ${stays}`}</p>;
  return (
    <>
      <p>{`${t('directory.publication.rejectedText')} ${stays}`}</p>
      <blockquote className="app-rejection-reason">{publication.rejectionReason}</blockquote>
    </>
  );
}
