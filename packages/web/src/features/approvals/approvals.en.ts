import type { Translation } from '../../i18n/translation';
import type { approvalsDa } from './approvals.da';

/** Same keys as the Danish texts, any text (see i18n/translation.ts). */
export const approvalsEn: Translation<typeof approvalsDa> = {
  nav: 'Approvals',
  heading: 'Approvals',
  intro:
    'New and changed services in the public help directory go public only once another person than the one who proposed them has approved them. Until then the public sees the latest approved version.',
  empty: 'No proposals are waiting for approval.',
  proposal: '{{title}}',
  proposedBy: 'Proposed by {{name}}, {{organisation}}, {{date}}',
  isNew: 'New service – not public yet',
  isChange: 'Change to a public service',
  caption: 'Changes in the proposal',
  field: 'Field',
  current: 'Public now',
  proposed: 'Proposed',
  noChanges: 'The proposal changes nothing that is shown.',
  yes: 'Yes',
  no: 'No',
  empty_value: '(empty)',
  secret: 'Secret address (not shown)',
  referralService: 'Service that takes contact requests',
  approve: 'Approve and publish',
  approved: '{{title}} is approved and public now.',
  rejectHeading: 'Reject the proposal',
  reason: 'Reason',
  reasonHint: 'The person who proposed the change sees the reason. Write what must be corrected. Do not write about people.',
  reasonRequired: 'Write a reason of at most 1000 characters.',
  reject: 'Reject',
  rejected: 'The proposal for {{title}} is rejected.',
};
