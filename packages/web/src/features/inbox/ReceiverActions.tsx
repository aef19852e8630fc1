import type { ReferralForReceiver } from '@bro/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsSection } from '../../ui/ActionsSection';
import { Badge } from '../../ui/Badge';
import { useSignedInSession } from '../auth/useSession';
import { OpenCoursePanel } from '../courses/OpenCoursePanel';
import { ReferralStatusBadge, RiskBadge } from '../referrals/ReferralStatusBadge';
import { ContactAtAGlance } from './ContactAtAGlance';
import { ContactAttemptPanel, DeclinePanel, NotePanel, type Done } from './ReceiverPanels';
import { ReroutePanel } from './ReroutePanel';
import { acceptReferral, handOverReferral } from './inbox.api';
import { availableReceiverActions, mainReceiverAction, type ReceiverActionKey } from './next-step';
import { useNow } from './useInbox';
import { useDeadlineText } from './useDeadlineText';

type ActionsProps = { referral: ReferralForReceiver; onDone: Done; message: string | undefined };

/**
 * "Næste skridt", first on the referral's page: where it stands (status, risk, deadline), how to reach the person
 * safely, and the ONE main action for its state (next-step.ts); the other actions folded away below it. Only
 * actions the referral's state allows AND the user's role permits; the server checks both again.
 */
export function ReceiverActions({ referral, onDone, message }: ActionsProps) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // An action often removes its own panel, or makes another the main one: focus goes to the section heading.
  const done: Done = (updated, doneMessage) => {
    onDone(updated, doneMessage);
    headingRef.current?.focus();
  };
  const available = availableReceiverActions(referral, session.permissions);
  const main = mainReceiverAction(referral, available);
  const others = available.filter((key) => key !== main);
  const panelOf = (key: ReceiverActionKey) => <ReceiverPanel key={key} action={key} referral={referral} onDone={done} />;

  return (
    <ActionsSection id="receiver-actions-heading" heading={t('receiver.actionsHeading')} headingRef={headingRef} message={message} className="app-next-step">
      <WhereItStands referral={referral} />
      <ContactAtAGlance referral={referral} />
      {main ? panelOf(main) : <p>{t('receiver.noActions')}</p>}
      {others.length > 0 ? (
        <details className="app-more-actions">
          <summary>{t('receiver.otherActions')}</summary>
          {others.map(panelOf)}
        </details>
      ) : null}
    </ActionsSection>
  );
}

function ReceiverPanel({ action, referral, onDone }: { action: ReceiverActionKey; referral: ReferralForReceiver; onDone: Done }) {
  switch (action) {
    case 'contact':
      return <ContactAttemptPanel referral={referral} onDone={onDone} />;
    case 'accept':
      return <NotePanel referral={referral} onDone={onDone} name="accept" send={acceptReferral} />;
    case 'openCourse':
      // Opens a course at this service AND hands the referral over, in one step.
      return <OpenCoursePanel referral={referral} />;
    case 'handOver':
      // Hands over only: for a course kept outside Bro. Its texts say so, so the two are not confused.
      return <NotePanel referral={referral} onDone={onDone} name="handOver" send={handOverReferral} />;
    case 'decline':
      return <DeclinePanel referral={referral} onDone={onDone} />;
    case 'reroute':
      return <ReroutePanel referral={referral} />;
  }
}

/** Status, risk and flags as badges, and the first-contact deadline as its state says it. */
function WhereItStands({ referral }: { referral: ReferralForReceiver }) {
  const { t } = useTranslation();
  const now = useNow();
  const deadline = useDeadlineText()(referral, now);
  return (
    <>
      <div className="app-badges">
        <ReferralStatusBadge status={referral.status} />
        <RiskBadge level={referral.riskLevel} />
        {referral.isOverdue ? <Badge tone="error">{t('inbox.tagOverdue')}</Badge> : null}
        {referral.isEscalated ? <Badge tone="warning">{t('inbox.tagEscalated')}</Badge> : null}
        {referral.possibleDuplicates.length > 0 ? <Badge tone="warning">{t('inbox.tagPossibleDuplicate')}</Badge> : null}
      </div>
      {deadline ? <p className={deadline.isOverdue ? 'm-0 app-deadline-overdue' : 'm-0'}>{deadline.text}</p> : null}
    </>
  );
}
