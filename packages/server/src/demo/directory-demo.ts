import { CreateHelpServiceRequest, type CreateHelpServiceInput, type OrganisationKind } from '@bro/domain';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/tables.ts';
import { insertHelpService } from '../modules/directory/index.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import { findOrCreateOrganisation } from './demo-rows.ts';

/**
 * The public directory's demo content: the seed organisations' services, described from DOMAIN.md §3.2 and §4 and
 * the seed texts (seeds/000–004). Only facts found there are stated; where a source gives no phone number, opening
 * hours or fee, none is claimed ("free" only where a source says so). Websites are the organisations' own domains
 * as named in the sources. The crisis shelter's address is confidential: the demo stores none at all and says only
 * how to make contact.
 */

/** Serialises loading, so two app nodes starting at once load the directory once. */
const DIRECTORY_DEMO_LOCK = 727_274_102;

type OrganisationFallback = { name: string; kind: OrganisationKind; municipalityCode?: string };

type DemoListing = {
  organisationSlug: string;
  /** Created when the demo organisations (demo-data.ts) do not include it. */
  organisationFallback: OrganisationFallback;
  /** The referral service (organisations.ts) this listing describes, linked when it exists. */
  referralServiceSlug?: string;
  listing: CreateHelpServiceInput;
};

const interventionscenterArea = { isNational: false, municipalityCodes: ['101', '147', '185', '155'] };
const noFixedHours = (noteDa: string, noteEn: string) => ({ isOpen24Hours: false, rules: [], noteDa, noteEn });
const city = (nameDa: string, nameEn: string, cityName: string, municipalityCode: string) => ({
  nameDa,
  nameEn,
  locationType: 'physical' as const,
  isConfidential: false,
  city: cityName,
  municipalityCode,
});
const dmvLocations = [
  city('Dialog mod Vold København', 'Dialog mod Vold Copenhagen', 'København', '101'),
  city('Dialog mod Vold Aarhus', 'Dialog mod Vold Aarhus', 'Aarhus', '751'),
  city('Dialog mod Vold Odense', 'Dialog mod Vold Odense', 'Odense', '461'),
];
/** What Dialog mod Vold's two listings share: free, by phone or in person, nationwide from its three branches. */
const dmvServiceFacts = {
  channels: ['phone', 'in_person'],
  languages: ['da'],
  isAnonymousContactOffered: false,
  isFreeOfCharge: true,
  serviceArea: { isNational: true },
  phones: [{ number: '35 30 17 17' }],
  websiteUrl: 'https://dialogmodvold.dk',
  locations: dmvLocations,
} satisfies Partial<CreateHelpServiceInput>;
const interventionscenterContactDa =
  'Politiet i Københavns Politikreds eller din kommune (Frederiksberg, Tårnby eller Dragør) kan henvise dig, hvis du siger ja til det. Rådgiveren kontakter dig derefter på den måde og det tidspunkt, du har sagt er sikkert. Vil du tale med nogen nu, så ring til Hotline 1888.';
const interventionscenterContactEn =
  'The police in the Copenhagen police district or your municipality (Frederiksberg, Tårnby or Dragør) can refer you if you agree. The counsellor then contacts you in the way and at the time you said is safe. If you want to talk to someone now, call Hotline 1888.';

/** What the Interventionscenter's two counselling listings (LOKK, Mandecentret) share: referral, area, sessions. */
const interventionscenterFacts = {
  howToContactDa: interventionscenterContactDa,
  howToContactEn: interventionscenterContactEn,
  channels: ['phone', 'in_person'],
  languages: ['da'],
  isAnonymousContactOffered: false,
  isFreeOfCharge: false,
  schedule: noFixedHours('Samtalerne aftales med rådgiveren.', 'Sessions are arranged with the counsellor.'),
  serviceArea: interventionscenterArea,
} satisfies Partial<CreateHelpServiceInput>;

const lgbtDanmark = { name: 'LGBT+ Danmark', kind: 'ngo' as const };
const dialogModVold = { name: 'Dialog mod Vold', kind: 'perpetrator_programme' as const };

export const directoryDemoListings: readonly DemoListing[] = [
  {
    organisationSlug: 'lev-uden-vold',
    organisationFallback: { name: 'Lev Uden Vold', kind: 'national_hotline' },
    referralServiceSlug: 'hotline-1888',
    listing: {
      slug: 'hotline-1888',
      nameDa: 'Hotline 1888',
      nameEn: 'Hotline 1888',
      nameAr: 'الخط الساخن 1888',
      descriptionDa:
        'Lev Uden Volds nationale hotline er døgnåben, gratis og anonym. Rådgiverne giver voldsfaglig, socialfaglig og juridisk rådgivning til voldsudsatte, voldsudøvere, pårørende og fagpersoner og kan henvise videre til krisecenterophold og ambulante tilbud.\nHotlinen har også overblikket over ledige pladser på landets krisecentre.',
      descriptionEn:
        'Lev Uden Vold’s national hotline is open day and night, free and anonymous. Counsellors give advice on violence, social matters and the law to people exposed to violence, people who use violence, relatives and professionals, and can refer on to a crisis shelter or outpatient help.\nThe hotline also keeps the national overview of vacant places at crisis shelters.',
      descriptionAr:
        'الخط الساخن الوطني لمنظمة Lev Uden Vold مفتوح ليلاً ونهاراً، وهو مجاني ولا يلزمك ذكر هويتك. يقدم المستشارون المشورة حول العنف والشؤون الاجتماعية والقانونية للأشخاص المعرضين للعنف، والأشخاص الذين يمارسون العنف، والأقارب، والمختصين، ويمكنهم إحالتك إلى مأوى للأزمات أو إلى مساعدة خارجية.',
      howToContactDa:
        'Ring 1888 – døgnet rundt. Du behøver ikke at sige, hvem du er. Opkaldet er gratis, men det står i telefonens opkaldsliste: slet det bagefter, hvis det ikke er sikkert for dig.',
      howToContactEn: 'Call 1888, day or night. You do not have to say who you are. The call is free, but it shows in your phone’s call log: delete it afterwards if that is not safe for you.',
      howToContactAr: 'اتصل بالرقم 1888 في أي وقت من الليل أو النهار. لا يلزمك أن تقول من أنت. المكالمة مجانية، لكنها تظهر في سجل المكالمات في هاتفك، فاحذفها بعد ذلك إذا لم يكن ذلك آمناً لك.',
      targetGroups: ['women', 'men', 'lgbt', 'uses_violence', 'relatives', 'professionals'],
      channels: ['phone'],
      languages: ['da'],
      isAnonymousContactOffered: true,
      isFreeOfCharge: true,
      schedule: { isOpen24Hours: true, rules: [] },
      serviceArea: { isNational: true },
      phones: [{ number: '1888', descriptionDa: 'Døgnåben, gratis og anonym', descriptionEn: 'Open day and night, free and anonymous' }],
      websiteUrl: 'https://levudenvold.dk',
      locations: [{ nameDa: 'Telefonrådgivning', nameEn: 'Phone counselling', locationType: 'virtual', isConfidential: false }],
    },
  },
  {
    organisationSlug: 'danner',
    organisationFallback: { name: 'Danner', kind: 'shelter' },
    listing: {
      slug: 'danner-krisecenter',
      nameDa: 'Danners krisecenter og døgntelefon',
      nameEn: 'Danner crisis shelter and 24-hour phone',
      descriptionDa:
        'Danner er krisecenter og videnscenter for kvinder i København. På et krisecenter kan du og dine børn bo midlertidigt i beskyttede rammer og få støtte og rådgivning. Du kan selv henvende dig, også anonymt.',
      descriptionEn:
        'Danner is a women’s crisis shelter and knowledge centre in Copenhagen. At a crisis shelter you and your children can stay for a while in a protected place and get support and advice. You can contact the shelter yourself, anonymously too.',
      howToContactDa:
        'Ring til Danners døgntelefon på 33 33 00 47 – døgnet rundt. Krisecentrets adresse er hemmelig af hensyn til beboernes sikkerhed. Du får at vide, hvor og hvordan I mødes, når du har talt med en medarbejder.',
      howToContactEn:
        'Call Danner’s 24-hour phone on 33 33 00 47, day or night. The shelter’s address is kept secret for the residents’ safety. You will be told where and how to meet once you have talked to a member of staff.',
      howToContactAr:
        'اتصل بهاتف Danner المتاح على مدار الساعة على الرقم 33 33 00 47. عنوان المأوى سري حفاظاً على سلامة المقيمين فيه. ستعرف أين وكيف ستلتقون بعد أن تتحدثي مع أحد الموظفين.',
      targetGroups: ['women', 'children_young'],
      channels: ['phone', 'in_person'],
      languages: ['da'],
      isAnonymousContactOffered: true,
      isFreeOfCharge: false,
      schedule: { isOpen24Hours: true, rules: [], noteDa: 'Døgntelefonen er åben døgnet rundt.', noteEn: 'The 24-hour phone is open day and night.' },
      serviceArea: { isNational: true },
      phones: [{ number: '33 33 00 47', descriptionDa: 'Døgntelefon', descriptionEn: '24-hour phone' }],
      websiteUrl: 'https://danner.dk',
      locations: [{ nameDa: 'Danners krisecenter', nameEn: 'Danner crisis shelter', isConfidential: true, city: 'København', municipalityCode: '101' }],
    },
  },
  {
    organisationSlug: 'lokk',
    organisationFallback: { name: 'LOKK – Landsorganisation af Kvindekrisecentre', kind: 'counselling_service' },
    referralServiceSlug: 'lokk-ambulant-raadgivning',
    listing: {
      slug: 'lokk-ambulant-raadgivning',
      nameDa: 'Ambulant rådgivning for voldsudsatte kvinder',
      nameEn: 'Outpatient counselling for women exposed to violence',
      descriptionDa:
        'Et kort rådgivningsforløb på fem samtaler for kvinder udsat for partnervold. Rådgiveren har mange års erfaring fra Danners krisecenter og hjælper med at afklare din situation og bygge bro til fx krisecenter, kommune eller længerevarende hjælp. Tilbuddet er LOKK’s del af Interventionscenteret i Københavns Politikreds.',
      descriptionEn:
        'A short course of five counselling sessions for women exposed to partner violence. The counsellor has many years of experience from Danner’s crisis shelter and helps you get clear about your situation and find further help, such as a shelter, the municipality or longer-term support. It is LOKK’s part of the Interventionscenter in the Copenhagen police district.',
      ...interventionscenterFacts,
      targetGroups: ['women'],
      websiteUrl: 'https://lokk.dk',
    },
  },
  {
    organisationSlug: 'mandecentret',
    organisationFallback: { name: 'Mandecentret', kind: 'shelter' },
    referralServiceSlug: 'mandecentret-raadgivning',
    listing: {
      slug: 'mandecentret-raadgivning',
      nameDa: 'Rådgivning for voldsudsatte mænd',
      nameEn: 'Counselling for men exposed to violence',
      descriptionDa:
        'Rådgivning til mænd, der er udsat for vold i nære relationer: et kort forløb med fokus på afklaring, sikkerhed og brobygning, også til ophold på et mandecenter. Mandecentret er siden lovændringen i 2024 krisecenter efter servicelovens § 109.',
      descriptionEn:
        'Counselling for men exposed to violence in close relationships: a short course focused on getting clear, staying safe and finding further help, including a stay at a men’s centre. Since the 2024 change in the law, Mandecentret is a crisis centre under section 109 of the Social Services Act.',
      ...interventionscenterFacts,
      targetGroups: ['men'],
      websiteUrl: 'https://mandecentret.dk',
    },
  },
  {
    organisationSlug: 'dialog-mod-vold',
    organisationFallback: dialogModVold,
    referralServiceSlug: 'dmv-behandling-voldsudoevere',
    listing: {
      slug: 'dialog-mod-vold-behandling',
      nameDa: 'Behandling for dig, der udøver vold',
      nameEn: 'Treatment for people who use violence',
      descriptionDa:
        'Gratis psykologbehandling for mennesker, der udøver vold i nære relationer og selv vil stoppe. Behandlingen foregår i Dialog mod Volds afdelinger i København, Aarhus og Odense. Dialog mod Vold er en del af AskovFonden.',
      descriptionEn:
        'Free psychologist treatment for people who use violence in close relationships and want to stop. Treatment takes place at Dialog mod Vold’s branches in Copenhagen, Aarhus and Odense. Dialog mod Vold is part of AskovFonden.',
      howToContactDa: 'Ring til Dialog mod Vold på 35 30 17 17 for at aftale en første samtale. Politiet kan også henvise dig, hvis du siger ja til det.',
      howToContactEn: 'Call Dialog mod Vold on 35 30 17 17 to arrange a first conversation. The police can also refer you if you agree.',
      targetGroups: ['uses_violence'],
      ...dmvServiceFacts,
      schedule: noFixedHours('Samtalerne aftales med behandleren.', 'Sessions are arranged with the therapist.'),
    },
  },
  {
    organisationSlug: 'dialog-mod-vold',
    organisationFallback: dialogModVold,
    referralServiceSlug: 'dmv-raadgivning-voldsudsatte',
    listing: {
      slug: 'dialog-mod-vold-voldsudsatte',
      nameDa: 'Psykologhjælp for voldsudsatte og børn',
      nameEn: 'Psychologist help for people exposed to violence and their children',
      descriptionDa: 'Gratis psykologsamtaler for mennesker, der er udsat for vold i nære relationer, og for børn, der har levet med vold i familien. I København, Aarhus og Odense.',
      descriptionEn: 'Free psychologist sessions for people exposed to violence in close relationships, and for children who have lived with violence in the family. In Copenhagen, Aarhus and Odense.',
      howToContactDa: 'Ring til Dialog mod Vold på 35 30 17 17 for at aftale en første samtale.',
      howToContactEn: 'Call Dialog mod Vold on 35 30 17 17 to arrange a first conversation.',
      targetGroups: ['women', 'men', 'children_young'],
      ...dmvServiceFacts,
      schedule: noFixedHours('Samtalerne aftales med psykologen.', 'Sessions are arranged with the psychologist.'),
    },
  },
  {
    organisationSlug: 'moedrehjaelpen',
    organisationFallback: { name: 'Mødrehjælpen', kind: 'ngo' },
    referralServiceSlug: 'moedrehjaelpen-ud-af-voldens-skygge',
    listing: {
      slug: 'ud-af-voldens-skygge',
      nameDa: 'Ud af Voldens Skygge',
      nameEn: 'Ud af Voldens Skygge (Out of the Shadow of Violence)',
      descriptionDa:
        'Behandlingsforløb i København og Aarhus for mødre og børn, der har forladt eller har besluttet at forlade en voldelig partner: individuelle samtaler, mødregrupper, mor-barn-samtaler, børnegrupper (5–15 år) og efterværn.',
      descriptionEn:
        'Treatment in Copenhagen and Aarhus for mothers and children who have left, or decided to leave, a violent partner: individual sessions, mothers’ groups, mother-and-child sessions, children’s groups (ages 5–15) and aftercare.',
      eligibilityDa: 'Mødre og deres børn, der har forladt eller har besluttet at forlade en voldelig partner.',
      eligibilityEn: 'Mothers and their children who have left, or decided to leave, a violent partner.',
      howToContactDa: 'Kontakt Mødrehjælpen via moedrehjaelpen.dk for at høre om et forløb i København eller Aarhus.',
      howToContactEn: 'Contact Mødrehjælpen through moedrehjaelpen.dk to ask about a course in Copenhagen or Aarhus.',
      targetGroups: ['women', 'children_young'],
      channels: ['in_person'],
      languages: ['da'],
      isAnonymousContactOffered: false,
      isFreeOfCharge: false,
      schedule: noFixedHours('Forløbet aftales med Mødrehjælpen.', 'The course is arranged with Mødrehjælpen.'),
      serviceArea: { isNational: false, municipalityCodes: ['101', '751'] },
      websiteUrl: 'https://moedrehjaelpen.dk',
      locations: [city('Mødrehjælpen København', 'Mødrehjælpen Copenhagen', 'København', '101'), city('Mødrehjælpen Aarhus', 'Mødrehjælpen Aarhus', 'Aarhus', '751')],
    },
  },
  {
    organisationSlug: 'lgbt-danmark',
    organisationFallback: lgbtDanmark,
    referralServiceSlug: 'lgbt-raadgivning-koebenhavn',
    listing: {
      slug: 'lgbt-danmark-raadgivning',
      nameDa: 'LGBT+ Danmarks rådgivning',
      nameEn: 'LGBT+ Danmark counselling',
      descriptionDa:
        'Psykosocial rådgivning for LGBT+ personer – også om partnervold, seksuel vold og krænkelser. Rådgivningen er akkrediteret af RådgivningsDanmark og er med i Omsorg i Fællesskabet, LGBT+ Danmarks og Lev Uden Volds fælles indsats mod vold blandt LGBT+ personer.',
      descriptionEn:
        'Psychosocial counselling for LGBT+ people – including about partner violence, sexual violence and abuse. The counselling is accredited by RådgivningsDanmark and takes part in Omsorg i Fællesskabet, LGBT+ Danmark and Lev Uden Vold’s joint work against violence among LGBT+ people.',
      howToContactDa: 'Rådgivningen har åbent torsdage kl. 18–20. Du kan møde op i København eller Aarhus eller kontakte rådgivningen på telefon, mail eller chat via lgbt.dk.',
      howToContactEn: 'The counselling is open on Thursdays from 18:00 to 20:00. You can come in person in Copenhagen or Aarhus, or contact it by phone, email or chat through lgbt.dk.',
      targetGroups: ['lgbt'],
      channels: ['in_person', 'phone', 'email', 'chat'],
      languages: ['da'],
      isAnonymousContactOffered: false,
      isFreeOfCharge: false,
      schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['TH'], opensAt: '18:00', closesAt: '20:00' }] },
      serviceArea: { isNational: true },
      websiteUrl: 'https://lgbt.dk',
      locations: [city('LGBT+ Danmark København', 'LGBT+ Danmark Copenhagen', 'København', '101'), city('LGBT+ Danmark Aarhus', 'LGBT+ Danmark Aarhus', 'Aarhus', '751')],
    },
  },
  {
    organisationSlug: 'kommune-koebenhavn',
    organisationFallback: { name: 'Københavns Kommune', kind: 'municipality', municipalityCode: '101' },
    referralServiceSlug: 'vores-vej-ud',
    listing: {
      slug: 'vores-vej-ud',
      nameDa: 'Vores Vej Ud',
      nameEn: 'Vores Vej Ud (Our Way Out)',
      descriptionDa:
        'Ambulant rådgivnings- og netværkstilbud for voldsudsatte kvinder fra Hjemløseenheden i Københavns Kommunes Socialforvaltning i samarbejde med Projekt Q-Værk. Du kan få et individuelt rådgivningsforløb på fem mødegange hos projektets socialrådgiver, komme til drop-in kaffe og fællesfrokost og møde andre kvinder med lignende erfaringer.\nHar du forladt en voldelig partner for seks måneder siden eller mere, kan du deltage i en samtalegruppe for 6–8 kvinder over otte gange.',
      descriptionEn:
        'Outpatient counselling and a network for women exposed to violence, run by the homelessness unit of Copenhagen Municipality’s social services together with Projekt Q-Værk. You can have an individual course of five meetings with the project’s social worker, come to drop-in coffee and a shared lunch, and meet other women with similar experiences.\nIf you left a violent partner six months ago or more, you can join a conversation group of 6–8 women meeting eight times.',
      eligibilityDa:
        'For kvinder, der er i et voldeligt forhold, lige har forladt en voldelig partner og ikke bor på krisecenter, tidligere har været på krisecenter og har brug for rådgivning og fællesskab, eller oplever senfølger af volden. Kvinder med misbrug eller psykiatriske diagnoser og kvinder udsat for massiv stalking eller æresrelaterede konflikter med højt trusselsniveau henvises til andre tilbud.',
      eligibilityEn:
        'For women who are in a violent relationship, have just left a violent partner and do not live at a shelter, have stayed at a shelter before and need advice and company, or live with after-effects of violence. Women with substance abuse or psychiatric diagnoses, and women facing massive stalking or honour-related conflict with a high threat level, are referred to other services.',
      howToContactDa: 'Ring på 93 92 90 03, eller skriv til kontakt@qvaerk.dk. Skriv kun, hvis du er sikker på, at andre ikke læser din mail.',
      howToContactEn: 'Call 93 92 90 03 or write to kontakt@qvaerk.dk. Only write if you are sure no one else reads your email.',
      targetGroups: ['women'],
      channels: ['phone', 'email', 'in_person'],
      languages: ['da'],
      isAnonymousContactOffered: false,
      isFreeOfCharge: false,
      schedule: noFixedHours(
        'Fællesfrokost en gang om ugen kl. 11–13 (pt. erstattet af online kaffe). Drop-in kaffe holdes pt. online. Rådgivningen aftales med socialrådgiveren.',
        'Shared lunch once a week, 11:00–13:00 (for now replaced by online coffee). Drop-in coffee is held online for now. Counselling is arranged with the social worker.',
      ),
      serviceArea: { isNational: false, municipalityCodes: ['101'] },
      phones: [{ number: '93 92 90 03' }],
      email: 'kontakt@qvaerk.dk',
      websiteUrl: 'https://qvaerk.dk',
      locations: [city('Projekt Q-Værk', 'Projekt Q-Værk', 'København', '101')],
    },
  },
];

/**
 * Loads the directory demo once: attaches each listing to its organisation by slug (the demo organisations of
 * demo-data.ts when they are there; otherwise it creates the organisation), links it to the referral service of
 * the same organisation where one exists, and writes one audit entry. Does nothing when the directory has any
 * listing. Idempotent and safe with several nodes (advisory lock).
 */
export async function loadDirectoryDemoData({ db, clock }: { db: Db; clock: Clock }): Promise<{ isLoaded: boolean }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${DIRECTORY_DEMO_LOCK})`.execute(trx);
    if (await trx.selectFrom('directory_services').select('id').limit(1).executeTakeFirst()) return { isLoaded: false };
    const now = clock.now();
    let created = 0;
    for (const demo of directoryDemoListings) {
      const organisationId = await findOrCreateOrganisation(trx, { slug: demo.organisationSlug, ...demo.organisationFallback }, now);
      const referralServiceId = demo.referralServiceSlug ? await findReferralService(trx, demo.referralServiceSlug, organisationId) : undefined;
      const request = CreateHelpServiceRequest.parse({ ...demo.listing, referralServiceId: referralServiceId ?? null });
      // Loaded live directly: the demo listings count as approved at load (no proposal, no approver), as every
      // listing that existed before approvals came.
      await insertHelpService(trx, { request, organisationId, now, cipher: undefined, publishedAt: now });
      created += 1;
    }
    await appendAuditEntry(trx, {
      occurredAt: now,
      actorUserId: null,
      actorOrganisationId: null,
      action: 'directory_demo.load',
      objectType: 'platform',
      objectId: 'directory-demo',
      details: { listings: created },
    });
    return { isLoaded: true };
  });
}

async function findReferralService(trx: Transaction<Database>, slug: string, organisationId: string): Promise<string | undefined> {
  const row = await trx.selectFrom('services').select('id').where('slug', '=', slug).where('organisation_id', '=', organisationId).executeTakeFirst();
  return row?.id;
}
