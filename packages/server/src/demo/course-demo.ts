import { hash } from '@node-rs/argon2';
import { ChecklistInstrument, EligibilityRules, StructuredJudgementForm, type CourseTemplateInput } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/tables.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';
import { courseDemoAccounts, DEMO_PASSWORD } from './demo-accounts.ts';
import { createDemoService, findOrCreateOrganisation, insertDemoAccount } from './demo-rows.ts';

/**
 * The counselling-course demo: risk instruments written for this project, course templates and eligibility rules
 * for LOKK (Interventionscenter, seed 001), Vores Vej Ud (seed 003) and Dialog mod Vold, the Danner shelter as a
 * place to bridge to, and the course accounts with their service assignments. Loaded on top of the base demo
 * (demo-data.ts), in the same transaction.
 */

const text = (da: string, en: string) => ({ da, en });

/**
 * "Bro tjekliste" v1: 24 yes / no / don't-know questions, written for Bro in our own words — it copies no licensed
 * instrument. It is a conversation aid, not a validated instrument: the bands (up to 9 "yes" standard, 10–13
 * medium, 14 or more high) follow the banding the issue asks for, and professional judgement may raise the level.
 */
export const broChecklistV1 = ChecklistInstrument.parse({
  kind: 'checklist',
  key: 'bro-tjekliste',
  version: 1,
  title: text('Bro tjekliste for risiko (version 1)', 'Bro risk checklist (version 1)'),
  description: text(
    'Spørgsmålene stilles til den voldsudsatte, når det er sikkert at tale. Svar "ved ikke", hvis personen ikke ved det eller ikke vil svare. Tal om "den anden part": den, der udøver volden.',
    'Ask the person exposed to violence when it is safe to talk. Answer "don\'t know" when they do not know or do not want to answer. "The other person" is the one who uses violence.',
  ),
  items: [
    { id: 'afraid', text: text('Er du bange for, hvad den anden part kan finde på at gøre mod dig eller andre?', 'Are you afraid of what the other person might do to you or others?') },
    { id: 'escalation', text: text('Er volden blevet hyppigere eller grovere inden for det seneste halve år?', 'Has the violence become more frequent or more severe in the last six months?') },
    { id: 'breathing', text: text('Har den anden part nogensinde klemt om din hals, holdt dig for munden eller på anden måde hindret dig i at trække vejret?', 'Has the other person ever squeezed your neck, covered your mouth or otherwise stopped you from breathing?') },
    { id: 'threat_to_kill', text: text('Har den anden part sagt, at vedkommende vil slå dig eller andre ihjel?', 'Has the other person said they will kill you or someone else?') },
    { id: 'weapon', text: text('Har den anden part brugt en kniv, et våben eller en genstand som våben mod dig, eller truet med det?', 'Has the other person used a knife, a weapon or an object as a weapon against you, or threatened to?') },
    { id: 'separation', text: text('Har du forladt den anden part eller forsøgt at gå inden for det seneste år?', 'Have you left the other person, or tried to, in the last year?') },
    { id: 'followed', text: text('Følger, overvåger eller opsøger den anden part dig mod din vilje – fysisk eller digitalt?', 'Does the other person follow, watch or seek you out against your will, in person or online?') },
    { id: 'control', text: text('Bestemmer den anden part, hvem du må se, hvor du må gå hen, eller hvad du må bruge penge på?', 'Does the other person decide whom you may see, where you may go or what you may spend money on?') },
    { id: 'jealousy', text: text('Er den anden part voldsomt jaloux eller besidderisk over for dig?', 'Is the other person intensely jealous or possessive of you?') },
    { id: 'sexual', text: text('Har den anden part presset eller tvunget dig til seksuelle handlinger?', 'Has the other person pressured or forced you into sexual acts?') },
    { id: 'pregnancy', text: text('Er du gravid, eller har du født inden for det seneste år?', 'Are you pregnant, or have you given birth in the last year?') },
    { id: 'children_harmed', text: text('Har den anden part skadet eller truet børn i familien?', 'Has the other person harmed or threatened children in the family?') },
    { id: 'children_pressure', text: text('Bruger den anden part børnene, samvær eller forældremyndighed til at presse dig?', 'Does the other person use the children, contact or custody to pressure you?') },
    { id: 'injury', text: text('Har du haft skader efter vold fra den anden part, som krævede lægehjælp?', 'Have you had injuries from the other person\'s violence that needed medical care?') },
    { id: 'isolation', text: text('Har du mistet kontakten til familie eller venner på grund af den anden part?', 'Have you lost touch with family or friends because of the other person?') },
    { id: 'suicide_talk', text: text('Har den anden part truet med eller talt om at tage sit eget liv?', 'Has the other person threatened or talked about taking their own life?') },
    { id: 'substances', text: text('Har den anden part et problem med alkohol, stoffer eller medicin?', 'Does the other person have a problem with alcohol, drugs or medication?') },
    { id: 'violent_to_others', text: text('Har den anden part været voldelig over for andre end dig, fx tidligere partnere?', 'Has the other person been violent towards others than you, e.g. former partners?') },
    { id: 'orders_breached', text: text('Har den anden part overtrådt et tilhold, et opholdsforbud eller andre påbud eller aftaler?', 'Has the other person broken a restraining order, an exclusion order or other orders or agreements?') },
    { id: 'police_called', text: text('Har politiet været tilkaldt på grund af den anden part inden for det seneste år?', 'Have the police been called because of the other person in the last year?') },
    { id: 'money', text: text('Styrer den anden part din økonomi, eller har vedkommende lavet gæld i dit navn?', 'Does the other person control your money, or have they taken on debt in your name?') },
    { id: 'pets', text: text('Har den anden part skadet eller truet dine dyr?', 'Has the other person harmed or threatened your animals?') },
    { id: 'exposure_threat', text: text('Har den anden part truet med at dele billeder, beskeder eller oplysninger om dig?', 'Has the other person threatened to share pictures, messages or information about you?') },
    { id: 'own_view', text: text('Tror du selv, at den anden part kan finde på at skade dig alvorligt?', 'Do you yourself believe the other person could seriously hurt you?') },
  ],
  bands: [
    { level: 'standard', minYes: 0 },
    { level: 'medium', minYes: 10 },
    { level: 'high', minYes: 14 },
  ],
});

/** A red flag of version 2: a "yes" gives at least medium, whatever the count. */
const redFlag = (da: string, en: string) => ({ atLeast: 'medium' as const, label: text(da, en) });
const redFlagsV2: Record<string, ReturnType<typeof redFlag>> = {
  breathing: redFlag('kvælningsforsøg', 'attempted strangulation'),
  threat_to_kill: redFlag('trusler om drab', 'threats to kill'),
  weapon: redFlag('våben', 'a weapon'),
};

/**
 * "Bro tjekliste" v2: the same questions and bands as v1, but strangulation, threats to kill and a weapon are red
 * flags — a "yes" to any of them gives at least medium, so three such answers can no longer come out "standard"
 * below the police's rating. Assessments made with v1 keep their v1 level.
 */
export const broChecklistV2 = ChecklistInstrument.parse({
  ...broChecklistV1,
  version: 2,
  title: text('Bro tjekliste for risiko (version 2)', 'Bro risk checklist (version 2)'),
  items: broChecklistV1.items.map((item) => (redFlagsV2[item.id] ? { ...item, redFlag: redFlagsV2[item.id] } : item)),
});

/**
 * "Bro faglig vurdering" v1: a structured professional judgement form in the style of SARA — factors, scenarios,
 * management strategies and an overall judgement, no score. The factors are Bro's own wording.
 */
export const broJudgementV1 = StructuredJudgementForm.parse({
  kind: 'structured_judgement',
  key: 'bro-vurdering',
  version: 1,
  title: text('Bro faglig risikovurdering (version 1)', 'Bro structured professional judgement (version 1)'),
  description: text(
    'Vurder hver faktor, beskriv de mest sandsynlige forløb, hvad der skal gøres, og giv en samlet vurdering. Der er ingen pointscore: vurderingen er din faglige.',
    'Rate each factor, describe the most likely scenarios and what is to be done, and give an overall judgement. There is no score: the judgement is your professional one.',
  ),
  factorGroups: [
    {
      id: 'violence',
      title: text('Volden og dens udvikling', 'The violence and how it develops'),
      factors: [
        { id: 'physical_violence', label: text('Fysisk vold i relationen', 'Physical violence in the relationship') },
        { id: 'threats', label: text('Trusler og intimidering', 'Threats and intimidation') },
        { id: 'escalation', label: text('Volden tager til i hyppighed eller grovhed', 'Violence increasing in frequency or severity') },
        { id: 'sexual_violence', label: text('Seksuel vold', 'Sexual violence') },
        { id: 'control_surveillance', label: text('Kontrol og overvågning, også digitalt', 'Control and surveillance, also online') },
        { id: 'orders_breached', label: text('Overtrædelse af tilhold, forbud eller aftaler', 'Breaches of orders or agreements') },
      ],
    },
    {
      id: 'person_using_violence',
      title: text('Forhold hos den, der udøver vold', 'The person who uses violence'),
      factors: [
        { id: 'substance_problems', label: text('Problemer med rusmidler', 'Problems with substances') },
        { id: 'mental_health', label: text('Alvorlige psykiske vanskeligheder', 'Serious mental health difficulties') },
        { id: 'attitudes', label: text('Holdninger, der undskylder eller støtter vold', 'Attitudes that excuse or support violence') },
        { id: 'violence_elsewhere', label: text('Vold uden for relationen', 'Violence outside the relationship') },
        { id: 'life_crisis', label: text('Store forandringer eller kriser, fx brud, job eller bolig', 'Major changes or crises, e.g. break-up, work or housing') },
      ],
    },
    {
      id: 'vulnerability',
      title: text('Sårbarhed og beskyttelse hos den udsatte', 'Vulnerability and protection of the person exposed'),
      factors: [
        { id: 'barriers_to_help', label: text('Barrierer for at søge hjælp', 'Barriers to seeking help') },
        { id: 'isolation', label: text('Isolation fra netværk', 'Isolation from family and friends') },
        { id: 'dependency', label: text('Økonomisk eller boligmæssig afhængighed', 'Financial or housing dependency') },
        { id: 'children', label: text('Børn i hjemmet', 'Children in the home') },
        { id: 'health', label: text('Helbred, graviditet eller funktionsnedsættelse', 'Health, pregnancy or disability') },
      ],
    },
  ],
  strategyCategories: [
    { id: 'monitoring', label: text('Opfølgning og kontakt', 'Follow-up and contact') },
    { id: 'safety_planning', label: text('Sikkerhedsplanlægning', 'Safety planning') },
    { id: 'support', label: text('Støtte, behandling og rådgivning', 'Support, treatment and counselling') },
    { id: 'coordination', label: text('Samarbejde med andre, fx politi og kommune', 'Working with others, e.g. police and municipality') },
  ],
  maxScenarios: 5,
});

/** Proposed by rules where a person is outside a service's target group: the national hotline (seed 004). */
const HOTLINE_SLUG = 'hotline-1888';

function voresVejUdRules(hotlineServiceId: string): EligibilityRules {
  return EligibilityRules.parse({
    targetGroups: [
      {
        id: 'individuelt_forloeb',
        label: text('Individuelt rådgivningsforløb: kvinder med erfaringer med vold i nære relationer', 'Individual course: women with experience of violence in close relationships'),
        conditions: [
          { fact: 'role', in: ['exposed'] },
          { fact: 'gender', in: ['woman'] },
          { fact: 'age', min: 18 },
        ],
      },
      {
        id: 'samtalegruppe',
        label: text('Samtalegruppe: kvinder, der forlod en voldelig partner for mindst seks måneder siden', 'Conversation group: women who left a violent partner six months ago or more'),
        conditions: [
          { fact: 'role', in: ['exposed'] },
          { fact: 'gender', in: ['woman'] },
          { fact: 'monthsSinceLeftPartner', min: 6 },
        ],
      },
    ],
    exclusions: [
      { id: 'misbrug', label: text('Misbrug: visiteres til behandling', 'Substance abuse: referred to treatment'), conditions: [{ fact: 'substanceAbuse', is: true }], onward: { category: 'substance_abuse_treatment' } },
      { id: 'psykiatrisk_diagnose', label: text('Psykiatrisk diagnose: visiteres til psykiatrien', 'Psychiatric diagnosis: referred to psychiatry'), conditions: [{ fact: 'psychiatricDiagnosis', is: true }], onward: { category: 'psychiatry' } },
      {
        id: 'hoejt_trusselsniveau',
        label: text('Massiv stalking eller æresrelateret konflikt med højt trusselsniveau: viderehenvises', 'Massive stalking or honour-related conflict with a high threat level: referred on'),
        conditions: [{ anyOf: [{ fact: 'massiveStalking', is: true }, { fact: 'honourRelatedConflict', is: true }] }, { fact: 'threatLevel', atLeast: 'high' }],
        onward: { category: 'specialised_service', serviceId: hotlineServiceId },
      },
    ],
    notInTargetGroupOnward: { category: 'outpatient_counselling', serviceId: hotlineServiceId },
  });
}

function lokkRules(hotlineServiceId: string): EligibilityRules {
  return EligibilityRules.parse({
    targetGroups: [
      {
        id: 'voldsudsatte_kvinder',
        label: text('Kvinder udsat for partnervold', 'Women exposed to intimate partner violence'),
        conditions: [
          { fact: 'role', in: ['exposed'] },
          { fact: 'gender', in: ['woman'] },
          { fact: 'age', min: 18 },
        ],
      },
    ],
    exclusions: [],
    notInTargetGroupOnward: { category: 'outpatient_counselling', serviceId: hotlineServiceId },
  });
}

function dialogModVoldRules(hotlineServiceId: string): EligibilityRules {
  return EligibilityRules.parse({
    targetGroups: [{ id: 'voldsudoevere', label: text('Voksne, der udøver vold i nære relationer', 'Adults who use violence in close relationships'), conditions: [{ fact: 'role', in: ['uses_violence'] }, { fact: 'age', min: 18 }] }],
    exclusions: [],
    notInTargetGroupOnward: { category: 'outpatient_counselling', serviceId: hotlineServiceId },
  });
}

/** The Interventionscenter's short course: five sessions, clarification and bridging (seed 001). */
const templates: { serviceSlug: string; template: Required<CourseTemplateInput> }[] = [
  {
    serviceSlug: 'lokk-ambulant-raadgivning',
    template: { plannedSessions: 5, sessionModes: ['in_person', 'phone', 'video'], focus: ['clarification', 'bridging', 'safety_planning'], contactIntervalDays: 14, highRiskContactIntervalDays: 3, offersCaseConference: false },
  },
  {
    serviceSlug: 'vores-vej-ud',
    // "Forløbet består af fem mødegange, og mødetidspunktet aftales nærmere" (seed 003).
    template: { plannedSessions: 5, sessionModes: ['in_person', 'phone'], focus: ['counselling', 'bridging'], contactIntervalDays: 14, highRiskContactIntervalDays: 3, offersCaseConference: false },
  },
  {
    serviceSlug: 'dmv-behandling-voldsudoevere',
    template: { plannedSessions: 5, sessionModes: ['in_person', 'video'], focus: ['treatment', 'clarification'], contactIntervalDays: 14, highRiskContactIntervalDays: 3, offersCaseConference: false },
  },
];

/** Who works where: every demo account that works with courses, assigned to its service. */
const staffAssignments: { email: string; serviceSlug: string }[] = [
  { email: 'lokk.visitation@demo.bro.dk', serviceSlug: 'lokk-ambulant-raadgivning' },
  { email: 'lokk.raadgiver@demo.bro.dk', serviceSlug: 'lokk-ambulant-raadgivning' },
  { email: 'lokk.leder@demo.bro.dk', serviceSlug: 'lokk-ambulant-raadgivning' },
  { email: 'voresvejud@demo.bro.dk', serviceSlug: 'vores-vej-ud' },
  { email: 'dmv.visitation@demo.bro.dk', serviceSlug: 'dmv-behandling-voldsudoevere' },
  { email: 'mandecentret@demo.bro.dk', serviceSlug: 'mandecentret-raadgivning' },
  { email: 'hotline@demo.bro.dk', serviceSlug: HOTLINE_SLUG },
  { email: 'danner@demo.bro.dk', serviceSlug: 'danner-krisecenter' },
];

/** A shelter for women to bridge to (DOMAIN.md §3.2): Danner, in Copenhagen, with its public 24-hour number. */
const dannerOrganisation = { slug: 'danner', name: 'Danner', kind: 'shelter' } as const;
const dannerService = {
  slug: 'danner-krisecenter',
  name: 'Krisecenterophold (§ 109)',
  description:
    'Midlertidigt ophold på Danners krisecenter i København efter servicelovens § 109 for kvinder, og deres børn, der er udsat for vold i nære relationer. Man kan også selv henvende sig, anonymt. Adressen er hemmelig.',
  serviceLine: 'victim',
  phone: '33 33 00 47',
  firstContactDeadlineHours: 24,
  highRiskDeadlineHours: 4,
  maxContactAttempts: 3,
} as const;


/**
 * Loads the course demo into a database that holds the base demo. Idempotent: once the checklist is there, nothing
 * is loaded again. Pass the base loader's transaction to load both atomically.
 */
export async function loadCourseDemoData({ db, cipher, clock }: { db: Db; cipher: FieldCipher; clock: Clock }): Promise<{ isLoaded: boolean }> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const load = (trx: Transaction<Database>) => loadCourseDemoInto(trx, { cipher, clock, passwordHash });
  return db.isTransaction ? load(db as Transaction<Database>) : db.transaction().execute(load);
}

async function loadCourseDemoInto(trx: Transaction<Database>, input: { cipher: FieldCipher; clock: Clock; passwordHash: string }): Promise<{ isLoaded: boolean }> {
  const now = input.clock.now();
  if (await trx.selectFrom('risk_instruments').select('id').where('key', '=', broChecklistV1.key).executeTakeFirst()) return { isLoaded: false };
  const dannerId = await ensureDanner(trx, input.clock);
  await trx
    .insertInto('risk_instruments')
    .values([broChecklistV1, broChecklistV2, broJudgementV1].map((instrument) => ({ key: instrument.key, version: instrument.version, kind: instrument.kind, definition: JSON.stringify(instrument), published_by_user_id: null, published_at: now })))
    .execute();
  await insertTemplates(trx, now);
  const ruleSets = await insertRuleSets(trx, now);
  for (const account of courseDemoAccounts) {
    const organisationId = account.organisationSlug === dannerOrganisation.slug ? dannerId : await organisationIdOf(trx, account.organisationSlug);
    await insertDemoAccount(trx, { account, organisationId, unitId: null, passwordHash: input.passwordHash, cipher: input.cipher, now });
  }
  const assigned = await assignStaff(trx, now);
  await appendAuditEntry(trx, {
    occurredAt: now,
    actorUserId: null,
    actorOrganisationId: null,
    action: 'course_demo_data.load',
    objectType: 'platform',
    objectId: 'course-demo-data',
    details: { instruments: 3, templates: templates.length, ruleSets, accounts: courseDemoAccounts.length, staffAssignments: assigned },
  });
  return { isLoaded: true };
}

async function insertTemplates(trx: Transaction<Database>, now: Date): Promise<void> {
  for (const { serviceSlug, template } of templates) {
    await trx
      .insertInto('course_templates')
      .values({
        service_id: await serviceIdOf(trx, serviceSlug),
        planned_sessions: template.plannedSessions,
        session_modes: template.sessionModes,
        focus: template.focus,
        contact_interval_days: template.contactIntervalDays,
        high_risk_contact_interval_days: template.highRiskContactIntervalDays,
        offers_case_conference: template.offersCaseConference,
        updated_by_user_id: null,
        updated_at: now,
      })
      .execute();
  }
}

/** Version 1 of each service's eligibility rules; answers how many rule sets it wrote. */
async function insertRuleSets(trx: Transaction<Database>, now: Date): Promise<number> {
  const hotlineId = await serviceIdOf(trx, HOTLINE_SLUG);
  const ruleSets = [
    { serviceSlug: 'vores-vej-ud', rules: voresVejUdRules(hotlineId) },
    { serviceSlug: 'lokk-ambulant-raadgivning', rules: lokkRules(hotlineId) },
    { serviceSlug: 'dmv-behandling-voldsudoevere', rules: dialogModVoldRules(hotlineId) },
  ];
  for (const { serviceSlug, rules } of ruleSets) {
    await trx.insertInto('eligibility_rule_sets').values({ service_id: await serviceIdOf(trx, serviceSlug), version: 1, rules: JSON.stringify(rules), created_by_user_id: null, created_at: now }).execute();
  }
  return ruleSets.length;
}

/** Assigns each course account to its service; answers how many assignments it made. */
async function assignStaff(trx: Transaction<Database>, now: Date): Promise<number> {
  let assigned = 0;
  for (const { email, serviceSlug } of staffAssignments) {
    const serviceId = await serviceIdOf(trx, serviceSlug);
    const membership = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('services as s', 's.organisation_id', 'm.organisation_id')
      .select('m.id')
      .where('u.email', '=', email)
      .where('s.id', '=', serviceId)
      .executeTakeFirst();
    // A base demo without that account (an older demo set) simply gets no assignment.
    if (!membership) continue;
    await trx.insertInto('service_staff').values({ service_id: serviceId, membership_id: membership.id, created_at: now }).execute();
    assigned += 1;
  }
  return assigned;
}

async function ensureDanner(trx: Transaction<Database>, clock: Clock): Promise<string> {
  const organisationId = await findOrCreateOrganisation(trx, dannerOrganisation, clock.now());
  const service = await trx.selectFrom('services').select('id').where('slug', '=', dannerService.slug).executeTakeFirst();
  if (!service) await createDemoService(trx, { service: dannerService, organisationId, clock });
  return organisationId;
}

async function serviceIdOf(db: Db, slug: string): Promise<string> {
  const row = await db.selectFrom('services').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new Error(`course demo refers to an unknown service: ${slug}`);
  return row.id;
}

async function organisationIdOf(db: Db, slug: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new Error(`course demo refers to an unknown organisation: ${slug}`);
  return row.id;
}

export const courseDemoRules = { voresVejUd: voresVejUdRules, lokk: lokkRules, dialogModVold: dialogModVoldRules };
