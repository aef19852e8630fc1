import type { Role, ServiceLine } from '@bro/domain';

/**
 * The demo accounts: one source for the demo data, the README, the end-to-end tests and `npm run demo:totp`.
 * The people are invented. The password and the TOTP secrets are public on purpose: never load the demo data
 * into a system that holds real data (main.ts loads it only into an empty database, by default only in the
 * embedded mode).
 */
export type DemoAccount = {
  email: string;
  displayName: string;
  role: Role;
  /** The organisation's name, as shown in the app. */
  organisation: string;
  organisationSlug: string;
  unitName: string | null;
  serviceLine: ServiceLine | null;
  password: string;
  /** Base32 TOTP secret, already enrolled; null for the account that shows TOTP enrolment. */
  totpSecret: string | null;
  /** What the account is for in a demo. */
  purpose: string;
};

export const DEMO_PASSWORD = 'demo-bro-2026';

/** Manages the demo programmes (a grant on each, given by the demo loader through the programme use cases). */
export const DEMO_PROGRAMME_MANAGER_EMAIL = 'programleder@demo.bro.dk';

export const demoAccounts: readonly DemoAccount[] = [
  {
    email: 'politi@demo.bro.dk',
    displayName: 'Sofie Holm',
    role: 'referrer',
    organisation: 'Københavns Politi',
    organisationSlug: 'politi-koebenhavn',
    unitName: 'Team for partnervold',
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOPOLITIAAAAAAAAAAAAAAAAAAA',
    purpose: 'Police referrer in the Interventionscenter and Partnerskab Mod Vold',
  },
  {
    email: 'politi.oestjylland@demo.bro.dk',
    displayName: 'Jonas Mikkelsen',
    role: 'referrer',
    organisation: 'Østjyllands Politi',
    organisationSlug: 'politi-oestjylland',
    unitName: 'Team for partnervold',
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOPOLITIOESTJYLLANDAAAAAAAA',
    purpose: 'Police referrer in Partnerskab Mod Vold only (to Hotline 1888)',
  },
  {
    email: 'kommune@demo.bro.dk',
    displayName: 'Amira Hassan',
    role: 'referrer',
    organisation: 'Frederiksberg Kommune',
    organisationSlug: 'kommune-frederiksberg',
    unitName: 'Socialrådgivningen for voksne',
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOKOMMUNEAAAAAAAAAAAAAAAAAA',
    purpose: 'Municipal referrer in the Interventionscenter',
  },
  {
    email: 'taarnby@demo.bro.dk',
    displayName: 'Line Sørensen',
    role: 'referrer',
    organisation: 'Tårnby Kommune',
    organisationSlug: 'kommune-taarnby',
    unitName: 'Socialrådgivningen for voksne',
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: null,
    purpose: 'Municipal referrer without a second factor yet: shows TOTP enrolment at first login',
  },
  {
    email: 'lokk.visitation@demo.bro.dk',
    displayName: 'Hanne Lund',
    role: 'intake_coordinator',
    organisation: 'LOKK – Landsorganisation af Kvindekrisecentre',
    organisationSlug: 'lokk',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOLOKKVISITATIONAAAAAAAAAAA',
    purpose: 'Intake coordinator: receives, accepts, declines and reroutes referrals for women exposed to violence',
  },
  {
    email: 'lokk.raadgiver@demo.bro.dk',
    displayName: 'Maria Berg',
    role: 'counsellor',
    organisation: 'LOKK – Landsorganisation af Kvindekrisecentre',
    organisationSlug: 'lokk',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOLOKKRAADGIVERAAAAAAAAAAAA',
    purpose: 'Counsellor: sees the inbox and records contact attempts, cannot accept or decline',
  },
  {
    email: 'lokk.admin@demo.bro.dk',
    displayName: 'Karen Dahl',
    role: 'organisation_admin',
    organisation: 'LOKK – Landsorganisation af Kvindekrisecentre',
    organisationSlug: 'lokk',
    unitName: null,
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOLOKKADMINAAAAAAAAAAAAAAAA',
    purpose: "Organisation admin: manages LOKK's users, reads no case content",
  },
  {
    email: 'mandecentret@demo.bro.dk',
    displayName: 'Peter Nielsen',
    role: 'intake_coordinator',
    organisation: 'Mandecentret',
    organisationSlug: 'mandecentret',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOMANDECENTRETAAAAAAAAAAAAA',
    purpose: 'Intake coordinator for men exposed to violence',
  },
  {
    email: 'dmv.visitation@demo.bro.dk',
    displayName: 'Lars Winther',
    role: 'intake_coordinator',
    organisation: 'Dialog mod Vold',
    organisationSlug: 'dialog-mod-vold',
    unitName: null,
    serviceLine: 'perpetrator',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMODMVVISITATIONAAAAAAAAAAAA',
    purpose: 'Intake coordinator on the perpetrator line: never sees victim-side referrals',
  },
  {
    email: 'hotline@demo.bro.dk',
    displayName: 'Camilla Juhl',
    role: 'intake_coordinator',
    organisation: 'Lev Uden Vold',
    organisationSlug: 'lev-uden-vold',
    unitName: null,
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOHOTLINEAAAAAAAAAAAAAAAAAA',
    purpose: 'Hotline 1888 intake coordinator: both lines (the fallback of every programme)',
  },
  {
    email: 'drift@demo.bro.dk',
    displayName: 'Rasmus Krogh',
    role: 'platform_admin',
    organisation: 'Bro drift',
    organisationSlug: 'bro-drift',
    unitName: null,
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMODRIFTAAAAAAAAAAAAAAAAAAAA',
    purpose: 'Platform admin: manages organisations and approves directory listings, can read no case content',
  },
  {
    email: DEMO_PROGRAMME_MANAGER_EMAIL,
    displayName: 'Henrik Dahl',
    role: 'organisation_admin',
    organisation: 'Lev Uden Vold',
    organisationSlug: 'lev-uden-vold',
    unitName: null,
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOPROGRAMLEDERAAAAAAAAAAAAA',
    purpose: "Programme manager of the demo programmes (a grant on each), and Lev Uden Vold's organisation admin",
  },
];

/**
 * The counselling-course accounts (course-demo.ts): a LOKK supervisor, a Vores Vej Ud counsellor, and the intake
 * coordinator of the Danner shelter that course-demo.ts adds for onward referrals. They are loaded by
 * `loadCourseDemoData`, not by the base loader, because Danner and the `supervisor` role are the courses' additions.
 */
export const courseDemoAccounts: readonly DemoAccount[] = [
  {
    email: 'lokk.leder@demo.bro.dk',
    displayName: 'Birthe Kjær',
    role: 'supervisor',
    organisation: 'LOKK – Landsorganisation af Kvindekrisecentre',
    organisationSlug: 'lokk',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOLOKKLEDERAAAAAAAAAAAAAAAA',
    purpose: "Supervisor (faglig leder): reads LOKK's courses and each counsellor's caseload, records nothing",
  },
  {
    email: 'voresvejud@demo.bro.dk',
    displayName: 'Nadia Rahimi',
    role: 'counsellor',
    organisation: 'Københavns Kommune',
    organisationSlug: 'kommune-koebenhavn',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOVORESVEJUDAAAAAAAAAAAAAAA',
    purpose: 'Vores Vej Ud social worker: walk-in courses, triage with exclusions and onward referral',
  },
  {
    email: 'danner@demo.bro.dk',
    displayName: 'Ida Holm',
    role: 'intake_coordinator',
    organisation: 'Danner',
    organisationSlug: 'danner',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMODANNERAAAAAAAAAAAAAAAAAAA',
    purpose: 'Shelter intake coordinator: receives onward referrals from courses and accepts them (§ 109 stays)',
  },
];

/**
 * The peer-support accounts (peer-support-demo.ts): a Vores Vej Ud peer supporter, matched with one demo course. The
 * `peer_supporter` role sees only her own pairings: a first name and the safe-contact preferences.
 */
export const peerSupportDemoAccounts: readonly DemoAccount[] = [
  {
    email: 'peerstoette@demo.bro.dk',
    displayName: 'Leila Andersen',
    role: 'peer_supporter',
    organisation: 'Københavns Kommune',
    organisationSlug: 'kommune-koebenhavn',
    unitName: null,
    serviceLine: null,
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOPEERSTOETTEAAAAAAAAAAAAAA',
    purpose: 'Vores Vej Ud peer supporter (volunteer): sees only her own pairings and logs her contacts',
  },
];

/**
 * The community-meeting accounts (community-meeting-demo.ts): LGBT+ Danmark's project lead, who plans meetings and
 * reads their evaluations, and a facilitator (a trained volunteer) who runs the meetings in Aarhus and Aalborg.
 */
export const communityMeetingDemoAccounts: readonly DemoAccount[] = [
  {
    email: 'lgbt@demo.bro.dk',
    displayName: 'Amalie Winther',
    role: 'counsellor',
    organisation: 'LGBT+ Danmark',
    organisationSlug: 'lgbt-danmark',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOLGBTPROJEKTLEDERAAAAAAAAA',
    purpose: 'Project lead of Omsorg i Fællesskabet: plans community meetings, cancels them, reads their evaluations',
  },
  {
    email: 'facilitator@demo.bro.dk',
    displayName: 'Jonas Bech',
    role: 'facilitator',
    organisation: 'LGBT+ Danmark',
    organisationSlug: 'lgbt-danmark',
    unitName: null,
    serviceLine: 'victim',
    password: DEMO_PASSWORD,
    totpSecret: 'BRODEMOFACILITATORAAAAAAAAAAAAAA',
    purpose: 'Facilitator of community meetings in Aarhus and Aalborg: first names of those signed up, head count, report, evaluation code',
  },
];

/** Every demo account, base and course demo: what the README, `npm run demo:totp` and the e2e tests use. */
export const allDemoAccounts: readonly DemoAccount[] = [...demoAccounts, ...courseDemoAccounts, ...peerSupportDemoAccounts, ...communityMeetingDemoAccounts];
