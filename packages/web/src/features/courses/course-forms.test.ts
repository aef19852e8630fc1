import type { ChecklistInstrument, StructuredJudgementForm } from '@bro/domain';
import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { initialStay, OTHER_SHELTER, toStayRequest, toUnderretningRequest, validateDischarge, validateReceipt, validateStay, validateUnderretning } from './bridging-forms';
import { fromDateTimeLocal, parseWholeNumber, serverMessage } from './course-ui';
import { initialOnward, toOnwardRequest, validateOnward } from './onward-form';
import { initialNewCourse, toOpenCourseRequest, validateNewCourse } from './open-course-form';
import { checklistStanding, describeChecklistLevel, initialChecklist, initialJudgement, toChecklistRequest, toJudgementRequest, validateChecklist, validateJudgement } from './risk-forms';
import { initialSafeContact, newWindow, toSafeContactRequest, validateSafeContact } from './safe-contact-form';
import { attendanceChoices, initialPlan, toPlanRequest, validatePlan } from './session-forms';
import { factsFromReferral, initialDecision, initialFacts, toDecisionRequest, toTriageFacts, validateDecision, validateFacts } from './triage-form';
import { testCourse } from '../../test/builders';

const t = i18next.getFixedT('da');
const now = new Date('2026-03-01T12:00:00');

describe('course helpers', () => {
  it('parse whole numbers and local times, or give nothing', () => {
    expect(parseWholeNumber(' 42 ')).toBe(42);
    expect(parseWholeNumber('4.2')).toBeUndefined();
    expect(parseWholeNumber('12345')).toBeUndefined();
    expect(fromDateTimeLocal('2026-03-01T12:00')).toBe(new Date('2026-03-01T12:00').toISOString());
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('not a time')).toBeUndefined();
  });

  it('say the server’s course codes in words, and show unknown ones as they came', () => {
    expect(serverMessage(t, 'judgement_reason_required')).toBe(t('courses.serverMessages.judgement_reason_required'));
    expect(serverMessage(t, 'something_new')).toBe('something_new');
  });
});

describe('opening a course directly', () => {
  it('asks for the service, how the person came, their role and a name', () => {
    expect(Object.keys(validateNewCourse(initialNewCourse(undefined), t, now))).toEqual(['serviceId', 'origin', 'personRole', 'person.label']);
  });

  it('asks an anonymous person for a pseudonym, and never sends a CPR number for them', () => {
    const values = { ...initialNewCourse('s1'), origin: 'walk_in' as const, personRole: 'exposed' as const };
    values.person = { ...values.person, isAnonymous: true, cpr: '0101901234' };
    expect(validateNewCourse(values, t, now)['person.label']).toBe(t('courses.newCourse.errors.pseudonym'));
    values.person.label = ' Solsikke ';
    expect(toOpenCourseRequest(values)).toMatchObject({ origin: 'walk_in', serviceId: 's1', person: { label: 'Solsikke', isAnonymous: true, cpr: undefined } });
  });

  it('checks a birth year', () => {
    const values = initialNewCourse('s1');
    values.person.birthYear = '2099';
    expect(validateNewCourse(values, t, now)).toHaveProperty(['person.birthYear']);
  });
});

describe('triage', () => {
  it('checks the numbers and leaves empty ones unknown', () => {
    const values = initialFacts();
    values.facts.age = '130';
    expect(validateFacts(values, t)).toEqual({ 'facts.age': t('courses.triage.ageFormat') });
    values.facts.age = '34';
    values.facts.monthsSinceLeftPartner = '12';
    expect(toTriageFacts(values)).toMatchObject({ age: 34, monthsSinceLeftPartner: undefined });
    values.facts.hasLeftPartner = 'yes';
    expect(toTriageFacts(values).monthsSinceLeftPartner).toBe(12);
  });

  it('starts from what the referral said: gender, age from the birth year, children and its risk level', () => {
    const fromReferral = { gender: 'woman' as const, birthYear: 1990, childrenInHome: 'yes' as const, riskLevel: 'medium' as const, safeTimes: 'hverdage 9-15' };
    expect(initialFacts(fromReferral, 2026).facts).toMatchObject({ gender: 'woman', age: '36', childrenInHome: 'yes', threatLevel: 'medium', substanceAbuse: 'unknown' });
    expect([...factsFromReferral(fromReferral)]).toEqual(['gender', 'age', 'childrenInHome', 'threatLevel']);
    // What the consent did not let through stays unknown and is not marked as from the referral.
    const withoutIdentity = { ...fromReferral, gender: 'unknown' as const, birthYear: null, childrenInHome: null };
    expect(initialFacts(withoutIdentity, 2026).facts).toMatchObject({ gender: 'unknown', age: '', childrenInHome: 'unknown', threatLevel: 'medium' });
    expect([...factsFromReferral(withoutIdentity)]).toEqual(['threatLevel']);
    expect(initialFacts().facts).toMatchObject({ gender: 'unknown', age: '', threatLevel: 'unknown' });
  });

  it('starts from the proposal, and wants a reason against it and a kind of help onward', () => {
    expect(initialDecision('clarify', undefined).decision).toBeUndefined();
    const against = { ...initialDecision('accept', undefined), decision: 'refer_onward' as const };
    expect(Object.keys(validateDecision(against, 'accept', t))).toEqual(['reason', 'onwardCategory']);
    const request = toDecisionRequest({ ...against, reason: ' Stalking ', onwardCategory: 'specialised_service' }, toTriageFacts(initialFacts()));
    expect(request).toMatchObject({ decision: 'refer_onward', reason: 'Stalking', onwardCategory: 'specialised_service' });
  });
});

const checklist: ChecklistInstrument = {
  kind: 'checklist',
  key: 'bro',
  version: 1,
  title: { da: 'Tjekliste', en: 'Checklist' },
  items: [1, 2, 3].map((number) => ({ id: `q${number}`, text: { da: `Spørgsmål ${number}`, en: `Question ${number}` } })),
  bands: [
    { level: 'standard', minYes: 0 },
    { level: 'high', minYes: 2 },
  ],
};

describe('the risk checklist', () => {
  it('counts the answers and gives the band', () => {
    const values = { ...initialChecklist(), answers: { q1: 'yes' as const, q2: 'unknown' as const } };
    expect(checklistStanding(checklist, values)).toMatchObject({ yesCount: 1, unknownCount: 1, computed: 'standard', higher: ['medium', 'high'] });
    expect(validateChecklist(checklist, values, t)).toEqual({ 'answers.q3': t('courses.risk.answerRequired', { number: 3 }) });
  });

  it('lets judgement raise the level, with a reason, never lower it', () => {
    const raised = { answers: { q1: 'yes' as const, q2: 'no' as const, q3: 'no' as const }, judgedLevel: 'high' as const, judgementReason: '' };
    expect(validateChecklist(checklist, raised, t)).toHaveProperty('judgementReason');
    expect(toChecklistRequest(checklist, { ...raised, judgementReason: ' Trusler ' })).toMatchObject({ judgedLevel: 'high', judgementReason: 'Trusler' });
    const lowered = { answers: { q1: 'yes' as const, q2: 'yes' as const, q3: 'no' as const }, judgedLevel: 'medium' as const, judgementReason: '' };
    expect(checklistStanding(checklist, lowered)).toMatchObject({ computed: 'high', raisedTo: undefined, level: 'high' });
  });

  it('says why the level is what it is: the red flags that set it, or the count', () => {
    const flag = (da: string) => ({ atLeast: 'medium' as const, label: { da, en: da } });
    const flagged: ChecklistInstrument = { ...checklist, bands: [{ level: 'standard', minYes: 0 }, { level: 'high', minYes: 3 }], items: checklist.items.map((item, index) => (index < 2 ? { ...item, redFlag: flag(index === 0 ? 'kvælningsforsøg' : 'våben') } : item)) };
    expect(describeChecklistLevel(flagged, { q1: 'yes', q2: 'no' }, t, 'da')).toBe('Middel: kvælningsforsøg er et rødt flag');
    expect(describeChecklistLevel(flagged, { q1: 'yes', q2: 'yes' }, t, 'da')).toBe('Middel: kvælningsforsøg og våben er røde flag');
    expect(checklistStanding(flagged, { ...initialChecklist(), answers: { q1: 'yes' } })).toMatchObject({ computed: 'medium', higher: ['high'] });
    expect(describeChecklistLevel(flagged, { q1: 'no', q2: 'no', q3: 'yes' }, t, 'da')).toBe('Standard: 1 af 3 svar er ja');
    expect(describeChecklistLevel(flagged, { q1: 'yes', q2: 'yes', q3: 'yes' }, t, 'da')).toBe('Høj: 3 af 3 svar er ja');
  });
});

const judgement: StructuredJudgementForm = {
  kind: 'structured_judgement',
  key: 'sara',
  version: 1,
  title: { da: 'Vurdering', en: 'Judgement' },
  factorGroups: [{ id: 'g', title: { da: 'Gruppe', en: 'Group' }, factors: [{ id: 'f1', label: { da: 'Faktor', en: 'Factor' } }] }],
  strategyCategories: [{ id: 'monitoring', label: { da: 'Opfølgning', en: 'Monitoring' } }],
  maxScenarios: 3,
};

describe('the structured judgement', () => {
  it('asks for every factor, the overall level and the reasons', () => {
    expect(Object.keys(validateJudgement(judgement, initialJudgement(judgement), t))).toEqual(['answers.factors.f1', 'answers.overall.level', 'answers.overall.rationale']);
  });

  it('sends only filled scenarios and strategies', () => {
    const values = initialJudgement(judgement);
    values.answers.factors.f1 = { presence: 'present', relevance: '' };
    values.answers.overall = { level: 'high', isImminent: true, rationale: ' Grunde ' };
    values.answers.strategies = [{ category: 'monitoring', description: ' Ring ' }, { category: '', description: '' }];
    const request = toJudgementRequest(judgement, values);
    expect(request.answers).toMatchObject({ factors: { f1: { presence: 'present', relevance: undefined } }, scenarios: [], strategies: [{ category: 'monitoring', description: 'Ring' }], overall: { rationale: 'Grunde' } });
  });
});

describe('sessions', () => {
  it('asks for a time, a sensible duration and a mode', () => {
    const values = { ...initialPlan(['in_person', 'phone']), durationMinutes: '5' };
    expect(Object.keys(validatePlan(values, t))).toEqual(['plannedAt', 'durationMinutes', 'mode']);
    expect(initialPlan(['video']).mode).toBe('video');
    expect(toPlanRequest({ plannedAt: '2026-03-02T10:00', durationMinutes: '45', mode: 'phone', location: ' ' })).toEqual({ plannedAt: new Date('2026-03-02T10:00').toISOString(), durationMinutes: 45, mode: 'phone', location: undefined });
  });

  it('offers attended and no-show only once the session’s time has come', () => {
    expect(attendanceChoices('2026-03-02T10:00:00Z', now)).toEqual(['cancelled_by_person', 'cancelled_by_service']);
    expect(attendanceChoices('2026-02-01T10:00:00Z', now)).toEqual(['attended', 'cancelled_by_person', 'cancelled_by_service', 'no_show']);
  });
});

describe('safe contact', () => {
  it('starts from the course and sends unknown times as null', () => {
    const values = initialSafeContact(testCourse().safeContact);
    expect(values.areTimesKnown).toBe('unknown');
    expect(toSafeContactRequest({ ...values, phone: ' 20 30 40 50 ' })).toMatchObject({ phone: '20 30 40 50', email: null, preferences: { safeTimeWindows: null } });
  });

  it('checks the phone, the e-mail and each window', () => {
    const values = initialSafeContact(testCourse().safeContact);
    values.phone = 'call me';
    values.email = 'nope';
    values.areTimesKnown = 'known';
    values.preferences.safeTimeWindows = [{ ...newWindow(), days: [], from: '15:00', to: '09:00' }];
    expect(Object.keys(validateSafeContact(values, t))).toEqual(['phone', 'email', 'preferences.safeTimeWindows.0.days', 'preferences.safeTimeWindows.0.to']);
    values.preferences.safeTimeWindows = [newWindow()];
    expect(toSafeContactRequest(values).preferences.safeTimeWindows).toEqual([{ days: [1, 2, 3, 4, 5], from: '09:00', to: '15:00' }]);
  });
});

describe('bridging', () => {
  const danner = { id: 's-danner', name: 'Krisecenterophold', organisationId: 'o-danner', organisationName: 'Danner', organisationKind: 'shelter' as const };

  it('asks for a service, the new recipient’s consent and the children', () => {
    const values = initialOnward(undefined, now);
    expect(Object.keys(validateOnward(values, undefined, t, now))).toEqual(['serviceId', 'childrenInHome']);
    expect(Object.keys(validateOnward({ ...values, serviceId: danner.id }, danner, t, now))).toEqual(['consent.confirmed', 'childrenInHome']);
    const ready = { ...values, serviceId: danner.id, childrenInHome: 'no' as const, consent: { ...values.consent, confirmedFor: danner.organisationId } };
    expect(validateOnward(ready, danner, t, now)).toEqual({});
    expect(toOnwardRequest(ready, danner)).toMatchObject({ serviceId: danner.id, consent: { recipientOrganisationId: 'o-danner', method: 'written' }, situation: undefined });
  });

  it('records a stay at a shelter on Bro or by name, with dates', () => {
    const values = initialStay(now);
    expect(values.admittedOn).toBe('2026-03-01');
    expect(Object.keys(validateStay({ ...values, shelterOrganisationId: OTHER_SHELTER, admittedOn: '1.3.2026' }, t))).toEqual(['shelterName', 'admittedOn']);
    expect(toStayRequest({ ...values, shelterOrganisationId: OTHER_SHELTER, shelterName: ' Kvindehuset ' })).toMatchObject({ shelterOrganisationId: undefined, shelterName: 'Kvindehuset' });
    expect(validateDischarge({ dischargedOn: '' }, t)).toHaveProperty('dischargedOn');
  });

  it('records an underretning to a municipality and its receipt', () => {
    expect(Object.keys(validateUnderretning({ municipalityCode: '12', sentAt: '', note: '' }, t))).toEqual(['municipalityCode', 'sentAt']);
    expect(toUnderretningRequest({ municipalityCode: ' 101 ', sentAt: '2026-03-01T10:00', note: '' })).toEqual({ municipalityCode: '101', sentAt: new Date('2026-03-01T10:00').toISOString(), note: undefined });
    expect(validateReceipt({ receiptReceivedAt: '' }, t)).toHaveProperty('receiptReceivedAt');
  });
});
