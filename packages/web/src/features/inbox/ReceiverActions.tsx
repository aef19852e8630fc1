import type { ReferralForReceiver } from '@bro/domain';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsSection } from '../../ui/ActionsSection';
import { useSignedInSession } from '../auth/useSession';
import { OpenCoursePanel } from '../courses/OpenCoursePanel';
import { ContactAttemptPanel, DeclinePanel, NotePanel, type Done } from './ReceiverPanels';
import { ReroutePanel } from './ReroutePanel';
import { acceptReferral, handOverReferral } from './inbox.api';

type ActionsProps = { referral: ReferralForReceiver; onDone: Done; message: string | undefined };

/** Only actions the referral's state allows AND the user's role permits; the server checks both again. */
export function ReceiverActions({ referral, onDone, message }: ActionsProps) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const allows = (action: ReferralForReceiver['allowedActions'][number], permission: 'referral:decide' | 'referral:contact') =>
    referral.allowedActions.includes(action) && session.permissions.includes(permission);

  // An action often removes its own panel; focus goes to the section heading so it is not lost.
  const done: Done = (updated, doneMessage) => {
    onDone(updated, doneMessage);
    headingRef.current?.focus();
  };
  const panel = { referral, onDone: done };

  const panels: ReactNode[] = [];
  if (allows('log_contact_attempt', 'referral:contact')) panels.push(<ContactAttemptPanel key="contact" {...panel} />);
  if (allows('accept', 'referral:decide')) panels.push(<NotePanel key="accept" {...panel} name="accept" send={acceptReferral} />);
  // Opening a course hands the referral over too: the usual way on, where the service runs courses.
  if (allows('hand_over', 'referral:contact') && session.permissions.includes('course:triage')) panels.push(<OpenCoursePanel key="openCourse" referral={referral} />);
  if (allows('hand_over', 'referral:contact')) panels.push(<NotePanel key="handOver" {...panel} name="handOver" send={handOverReferral} />);
  if (allows('decline', 'referral:decide')) panels.push(<DeclinePanel key="decline" {...panel} />);
  if (allows('reroute', 'referral:decide')) panels.push(<ReroutePanel key="reroute" referral={referral} />);

  return (
    <ActionsSection id="receiver-actions-heading" heading={t('receiver.actionsHeading')} headingRef={headingRef} message={message}>
      {panels.length ? panels : <p>{t('receiver.noActions')}</p>}
    </ActionsSection>
  );
}
