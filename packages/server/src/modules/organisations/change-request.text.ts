import type { AdminChangeKind } from '@bro/domain';

/**
 * The e-mail to each of an organisation's admins about a platform admin's request. In Danish and English, as the
 * admin's language is not known here. It names no person (not even the proposed admin): the page in Bro shows that.
 */
export function requestedMessage(kind: AdminChangeKind): { template: 'admin_change_requested'; subject: string; text: string } {
  const what =
    kind === 'organisation_admin'
      ? { da: 'oprette en ny administrator i jeres organisation', en: 'create a new administrator in your organisation' }
      : { da: 'ændre jeres organisations login (identitetsudbyder)', en: "change your organisation's sign-in (identity provider)" };
  return {
    template: 'admin_change_requested',
    subject: 'Bro: en ændring venter på jeres godkendelse / a change awaits your approval',
    text: [
      `En platformsadministrator har bedt om at ${what.da}. Ændringen sker kun, hvis en af jeres administratorer godkender den.`,
      'Log ind i Bro, og vælg "Anmodninger" for at godkende eller afvise. Afvis, hvis I ikke ventede den.',
      '',
      `A platform administrator has asked to ${what.en}. It takes effect only if one of your administrators approves it.`,
      'Sign in to Bro and choose "Requests" to approve or reject it. Reject it if you did not expect it.',
    ].join('\n'),
  };
}
