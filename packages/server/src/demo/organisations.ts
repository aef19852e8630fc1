import { policeDistricts, type Gender, type OrganisationKind, type PersonRole, type ServiceLine } from '@bro/domain';

export { policeDistricts };

/**
 * The demo's organisations, services and programmes, as data. Sources: the five seed texts and DOMAIN.md §3.2
 * and §4 (see docs/demo-data.md). Everything here is public information about real organisations; the people
 * (demo-accounts.ts) are invented.
 */

/** Every police district has a team for partner violence, rape, stalking and honour crimes (since 2021). */
export const POLICE_UNIT_NAME = 'Team for partnervold';
/** Frontline unit of the municipalities that refer in the demo. Invented for the demo. */
export const MUNICIPAL_UNIT_NAME = 'Socialrådgivningen for voksne';
/** The municipalities whose frontline staff may refer in the Interventionscenter (and so get a unit). */
export const interventionscenterMunicipalityCodes = ['147', '185', '155'] as const;

export type DemoOrganisation = { slug: string; name: string; kind: OrganisationKind };

export const specialistOrganisations: readonly DemoOrganisation[] = [
  { slug: 'lev-uden-vold', name: 'Lev Uden Vold', kind: 'national_hotline' },
  { slug: 'lokk', name: 'LOKK – Landsorganisation af Kvindekrisecentre', kind: 'counselling_service' },
  { slug: 'mandecentret', name: 'Mandecentret', kind: 'shelter' },
  { slug: 'dialog-mod-vold', name: 'Dialog mod Vold', kind: 'perpetrator_programme' },
  { slug: 'moedrehjaelpen', name: 'Mødrehjælpen', kind: 'ngo' },
  { slug: 'lgbt-danmark', name: 'LGBT+ Danmark', kind: 'ngo' },
  { slug: 'projekt-q-vaerk', name: 'Projekt Q-Værk', kind: 'ngo' },
  { slug: 'bro-drift', name: 'Bro drift', kind: 'platform_operator' },
];

export type DemoService = {
  slug: string;
  organisationSlug: string;
  name: string;
  description: string;
  /** null: serves both sides (the hotline). */
  serviceLine: ServiceLine | null;
  phone: string | null;
  firstContactDeadlineHours: number;
  highRiskDeadlineHours: number;
  maxContactAttempts: number;
};

const standardDeadlines = { firstContactDeadlineHours: 48, highRiskDeadlineHours: 24, maxContactAttempts: 3 };

const lgbtCounselling = (city: 'København' | 'Aarhus' | 'Aalborg', slug: string): DemoService => ({
  slug,
  organisationSlug: 'lgbt-danmark',
  name: `LGBT+ rådgivning ${city}`,
  description: `Psykosocial rådgivning for LGBT+ personer i ${city}, også om vold i nære relationer og seksuel vold. Rådgivningen kan også foregå på telefon, mail eller chat.`,
  serviceLine: 'victim',
  phone: null,
  ...standardDeadlines,
});

export const services: readonly DemoService[] = [
  {
    slug: 'hotline-1888',
    organisationSlug: 'lev-uden-vold',
    name: 'Hotline 1888',
    description:
      'Lev Uden Volds nationale hotline er døgnåben, gratis og anonym. Rådgiverne giver voldsfaglig, socialfaglig og juridisk rådgivning til voldsudsatte, voldsudøvere, pårørende og fagpersoner og henviser videre til krisecenterophold og ambulante tilbud.',
    serviceLine: null,
    phone: '1888',
    // The hotline answers around the clock, so a referral waits hours, not days.
    firstContactDeadlineHours: 24,
    highRiskDeadlineHours: 4,
    maxContactAttempts: 3,
  },
  {
    slug: 'lokk-ambulant-raadgivning',
    organisationSlug: 'lokk',
    name: 'Ambulant rådgivning for voldsudsatte kvinder',
    description:
      'Et kort, ambulant rådgivningsforløb på fem samtaler for kvinder udsat for partnervold. Rådgiveren har mange års erfaring fra krisecenter og hjælper med at afklare situationen og bygge bro til krisecenter, kommune eller længerevarende hjælp.',
    serviceLine: 'victim',
    phone: null,
    ...standardDeadlines,
  },
  {
    slug: 'mandecentret-raadgivning',
    organisationSlug: 'mandecentret',
    name: 'Rådgivning for voldsudsatte mænd',
    description:
      'Rådgivning til mænd udsat for vold i nære relationer: et kort forløb med fokus på afklaring, sikkerhed og brobygning, også til ophold på et mandecenter efter servicelovens § 109.',
    serviceLine: 'victim',
    phone: null,
    ...standardDeadlines,
  },
  {
    slug: 'dmv-behandling-voldsudoevere',
    organisationSlug: 'dialog-mod-vold',
    name: 'Behandling for voldsudøvere',
    description:
      'Gratis psykologbehandling for mennesker, der udøver vold i nære relationer, og som selv ønsker at stoppe. Behandlingen foregår i København, Aarhus og Odense.',
    serviceLine: 'perpetrator',
    phone: '35 30 17 17',
    ...standardDeadlines,
  },
  {
    slug: 'dmv-raadgivning-voldsudsatte',
    organisationSlug: 'dialog-mod-vold',
    name: 'Rådgivning for voldsudsatte',
    description: 'Gratis psykologsamtaler for mennesker, der er udsat for vold i nære relationer, og for børn, der har levet med vold i familien.',
    serviceLine: 'victim',
    phone: '35 30 17 17',
    ...standardDeadlines,
  },
  {
    slug: 'moedrehjaelpen-ud-af-voldens-skygge',
    organisationSlug: 'moedrehjaelpen',
    name: 'Ud af Voldens Skygge',
    description:
      'Behandlingsforløb i København og Aarhus for mødre og børn, der har forladt eller har besluttet at forlade en voldelig partner: individuelle samtaler, mødregrupper, mor-barn-samtaler, børnegrupper (5–15 år) og efterværn.',
    serviceLine: 'victim',
    phone: null,
    ...standardDeadlines,
  },
  lgbtCounselling('København', 'lgbt-raadgivning-koebenhavn'),
  lgbtCounselling('Aarhus', 'lgbt-raadgivning-aarhus'),
  lgbtCounselling('Aalborg', 'lgbt-raadgivning-aalborg'),
  {
    slug: 'lgbt-juridisk-raadgivning',
    organisationSlug: 'lgbt-danmark',
    name: 'Juridisk rådgivning',
    description: 'Juridisk rådgivning for LGBT+ personer, også om vold i nære relationer og seksuel vold, fx om anmeldelse og tilhold.',
    serviceLine: 'victim',
    phone: null,
    ...standardDeadlines,
  },
  {
    slug: 'vores-vej-ud',
    organisationSlug: 'kommune-koebenhavn',
    name: 'Vores Vej Ud',
    description:
      'Ambulant rådgivnings- og netværkstilbud for voldsudsatte kvinder fra Hjemløseenheden i Socialforvaltningen, i samarbejde med Projekt Q-Værk: individuelt rådgivningsforløb på fem mødegange, samtalegrupper for 6–8 kvinder over otte gange (for kvinder, der forlod en voldelig partner for mindst seks måneder siden), drop-in kaffe og fællesfrokost. Kvinder med misbrug eller psykiatriske diagnoser og kvinder udsat for massiv stalking eller æresrelaterede konflikter med højt trusselsniveau henvises videre.',
    serviceLine: 'victim',
    phone: '93 92 90 03',
    ...standardDeadlines,
  },
];

type DemoRoute = { serviceSlug: string; role: PersonRole | null; gender: Gender | null; isFallback?: boolean; isProposed?: boolean };

export type DemoProgramme = {
  slug: string;
  name: string;
  description: string;
  /** Who pays, as the seed texts say. */
  funder: string;
  referrerSlugs: readonly string[];
  /** In priority order: the first rule that matches is proposed; the fallback when none does. */
  routes: readonly DemoRoute[];
};

/**
 * Partnerskab Mod Vold ran with ten of the twelve police districts; the sources do not say which. The demo assumes
 * all but Nordjylland and Bornholm.
 */
const partnerskabDistrictSlugs = policeDistricts.map((district) => district.slug).filter((slug) => slug !== 'politi-nordjylland' && slug !== 'politi-bornholm');

export const programmes: readonly DemoProgramme[] = [
  {
    slug: 'interventionscenter',
    name: 'Interventionscenter',
    // The seed text: financed by Socialstyrelsen, 2023–2024. The demo leaves the period open so that it runs today.
    funder: 'Socialstyrelsen',
    description:
      'Københavns Politikreds og Frederiksberg, Tårnby og Dragør kommuner henviser, med borgerens samtykke, til et kort forløb på fem rådgivende samtaler: LOKK for voldsudsatte kvinder, Mandecentret for voldsudsatte mænd, Dialog mod Vold for voldsudøvere og Mødrehjælpen. Lev Uden Vold er partner.',
    referrerSlugs: ['politi-koebenhavn', 'kommune-frederiksberg', 'kommune-taarnby', 'kommune-dragoer'],
    routes: [
      { serviceSlug: 'lokk-ambulant-raadgivning', role: 'exposed', gender: 'woman' },
      { serviceSlug: 'mandecentret-raadgivning', role: 'exposed', gender: 'man' },
      { serviceSlug: 'dmv-behandling-voldsudoevere', role: 'uses_violence', gender: null },
      // Selectable, never proposed: its rule says whom it is for (women exposed to violence), and the flag keeps
      // routing from proposing it, wherever it stands in the order.
      { serviceSlug: 'moedrehjaelpen-ud-af-voldens-skygge', role: 'exposed', gender: 'woman', isProposed: false },
      { serviceSlug: 'hotline-1888', role: null, gender: null, isFallback: true },
    ],
  },
  {
    slug: 'partnerskab-mod-vold',
    name: 'Partnerskab Mod Vold',
    // The seed text names the grant (2022, 500.000 kr.), not who gave it.
    funder: '',
    description:
      'Politiet er bindeled til Lev Uden Volds nationale hotline: med borgerens samtykke henviser politiet voldsudsatte og voldsudøvere, som hotlinen kontakter for voldsfaglig, socialfaglig og juridisk rådgivning.',
    referrerSlugs: partnerskabDistrictSlugs,
    routes: [{ serviceSlug: 'hotline-1888', role: null, gender: null, isFallback: true }],
  },
  {
    slug: 'vores-vej-ud',
    name: 'Vores Vej Ud',
    funder: '',
    description:
      'Københavns Kommunes frontmedarbejdere (fx på jobcentre og borgercentre) henviser voldsudsatte kvinder til Vores Vej Ud, før de får brug for et krisecenter. Andre henvises til Hotline 1888.',
    referrerSlugs: ['kommune-koebenhavn'],
    routes: [
      { serviceSlug: 'vores-vej-ud', role: 'exposed', gender: 'woman' },
      { serviceSlug: 'hotline-1888', role: null, gender: null, isFallback: true },
    ],
  },
];
