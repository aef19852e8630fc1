import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { dialog, hotline, lokk, testProgramme } from '../../test/builders';
import {
  buildCreateReferralRequest,
  consentRequest,
  deriveReferral,
  errorsOfStep,
  initialReferralForm,
  oppositeRole,
  referralSchema,
  toDateTimeLocal,
  validateReferralForm,
  type ReferralFormValues,
} from './referral-form';

const t = i18next.getFixedT('da');
const context = { programmes: [testProgramme()], isPublicEmployee: false };
const now = new Date('2026-03-01T12:00:00');

function form(change: (values: ReferralFormValues) => void = () => undefined): ReferralFormValues {
  const values = initialReferralForm(context.programmes, 'exposed', now);
  values.person.fullName = 'Mette Testesen';
  values.person.gender = 'woman';
  values.childrenInHome = 'no';
  values.riskLevel = 'standard';
  values.safeContact.phone = '20 30 40 50';
  values.consent.confirmedFor = lokk.organisationId;
  change(values);
  return values;
}

describe('initialReferralForm', () => {
  it('chooses the only programme, and "unknown" for every contact preference', () => {
    const values = initialReferralForm(context.programmes, 'uses_violence', now);
    expect(values.programmeId).toBe(context.programmes[0]?.id);
    expect(values.role).toBe('uses_violence');
    expect(values.safeContact).toMatchObject({ isSafeToCall: 'unknown', voicemailAllowed: 'unknown', smsAllowed: 'unknown' });
    expect(values.consent.obtainedAt).toBe('2026-03-01T12:00');
  });

  it('leaves the risk level open: the deadline depends on it, so the officer must choose', () => {
    expect(initialReferralForm(context.programmes, 'exposed', now).riskLevel).toBeUndefined();
  });

  it('leaves the programme open when there are several', () => {
    expect(initialReferralForm([testProgramme(), testProgramme({ id: 'other' })], 'exposed', now).programmeId).toBe('');
  });
});

describe('deriveReferral', () => {
  it('proposes the service the routing rules give, and lets the officer choose another', () => {
    expect(deriveReferral(form(), context).service).toEqual(lokk);
    expect(deriveReferral(form((values) => (values.role = 'uses_violence')), context).service).toEqual(dialog);
    const chosen = deriveReferral(form((values) => (values.serviceId = hotline.id)), context);
    expect(chosen.proposedService).toEqual(lokk);
    expect(chosen.service).toEqual(hotline);
  });

  it('offers only services that take a person in the chosen role, so a referral never waits where nobody sees it', () => {
    expect(deriveReferral(form(), context).services).toEqual([lokk, hotline]);
    expect(deriveReferral(form((values) => (values.role = 'uses_violence')), context).services).toEqual([dialog, hotline]);
    expect(deriveReferral(form((values) => (values.role = 'both')), context).services).toEqual([hotline]);
    // A service chosen before the role changed is dropped, and the form asks for one again.
    const changed = deriveReferral(form((values) => ((values.serviceId = dialog.id), (values.role = 'exposed'))), context);
    expect(changed.service).toBeUndefined();
  });

  it('offers a service limited by gender or age only to people it takes, once their gender and age are known', () => {
    const womenOver18 = { ...lokk, receivesGenders: ['woman' as const], minimumAge: 18, maximumAge: null };
    const limited = { programmes: [testProgramme({ services: [womenOver18, dialog, hotline] })], isPublicEmployee: false };
    const now = new Date('2026-12-07T10:00:00Z');
    expect(deriveReferral(form(), limited, now).services).toEqual([womenOver18, hotline]);
    expect(deriveReferral(form((values) => (values.person.gender = 'man')), limited, now).services).toEqual([hotline]);
    expect(deriveReferral(form((values) => (values.person.birthYear = '2010')), limited, now).services).toEqual([hotline]);
    // A CPR number says the birth year too, and wins over a typed year.
    expect(deriveReferral(form((values) => ((values.person.cpr = '010190-1234'), (values.person.birthYear = '2010'))), limited, now).services).toEqual([womenOver18, hotline]);
  });

  it('takes the birth year from a plausible CPR number, and says whether the CPR number is shared', () => {
    expect(deriveReferral(form((values) => (values.person.cpr = '010190-1234')), context)).toMatchObject({ birthYearFromCpr: 1990, isCprShared: false });
    expect(deriveReferral(form((values) => (values.person.cpr = '0101')), context).birthYearFromCpr).toBeUndefined();
    expect(deriveReferral(form((values) => values.consent.dataCategories.push('cpr')), context).isCprShared).toBe(true);
  });

  it('counts consent only for the recipient it was confirmed for', () => {
    expect(deriveReferral(form((values) => (values.consent.confirmedFor = lokk.organisationId)), context)).toMatchObject({ hasConsent: true, isConsentForOtherRecipient: false });
    const changed = deriveReferral(form((values) => ((values.consent.confirmedFor = lokk.organisationId), (values.serviceId = hotline.id))), context);
    expect(changed).toMatchObject({ hasConsent: false, isConsentForOtherRecipient: true });
  });

  it('asks public employees about an underretning when there are children', () => {
    const values = form((draft) => (draft.childrenInHome = 'yes'));
    expect(deriveReferral(values, context).isUnderretningAsked).toBe(false);
    expect(deriveReferral(values, { ...context, isPublicEmployee: true }).isUnderretningAsked).toBe(true);
  });
});

describe('validateReferralForm', () => {
  const check = (values: ReferralFormValues, ctx = context) => validateReferralForm(values, deriveReferral(values, ctx), t, now);

  it('accepts a minimal referral', () => {
    expect(check(form())).toEqual({});
  });

  it('names each missing answer on its field', () => {
    const empty = initialReferralForm([testProgramme(), testProgramme({ id: 'other' })], 'exposed', now);
    expect(check(empty, { ...context, programmes: [testProgramme(), testProgramme({ id: 'other' })] })).toEqual({
      programmeId: 'Vælg et program',
      'person.gender': 'Vælg borgerens køn',
      'consent.confirmed': 'Henvisningen kan ikke sendes uden samtykke',
      'person.fullName': 'Skriv borgerens fulde navn',
      'safeContact.phone': 'Skriv borgerens telefonnummer, eller sæt flueben ved, at borgeren ikke har en telefon',
      riskLevel: 'Vælg risikoniveau',
      childrenInHome: 'Angiv, om der er børn i hjemmet',
    });
  });

  it('keeps each step to its own errors; the check step has them all', () => {
    const errors = check(initialReferralForm(context.programmes, 'exposed', now));
    expect(Object.keys(errorsOfStep(errors, 'who'))).toEqual(['person.gender']);
    expect(Object.keys(errorsOfStep(errors, 'consent'))).toEqual(['consent.confirmed']);
    expect(Object.keys(errorsOfStep(errors, 'situation'))).toEqual(['riskLevel', 'childrenInHome']);
    expect(errorsOfStep(errors, 'check')).toEqual(errors);
  });

  it('takes no phone only with another way to reach the person', () => {
    const noPhone = (otherWay: string) => form((values) => ((values.safeContact.phone = ''), (values.safeContact.hasNoPhone = true), (values.safeContact.otherWayToReach = otherWay)));
    expect(check(noPhone(''))).toEqual({ 'safeContact.otherWayToReach': 'Skriv, hvordan tilbuddet kan kontakte borgeren sikkert' });
    expect(check(noPhone('Via krisecentret'))).toEqual({});
  });

  it('does not ask for a birth year when the CPR number gives it', () => {
    expect(check(form((values) => ((values.person.cpr = '010190-1234'), (values.person.birthYear = '1850'))))).toEqual({});
  });

  it('checks the CPR number, the birth year, the phone number and the lengths', () => {
    const errors = check(
      form((values) => {
        values.person.cpr = '3113990000';
        values.person.birthYear = '1850';
        values.safeContact.phone = 'ring mig';
        values.situation = 'x'.repeat(4001);
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['person.birthYear', 'person.cpr', 'safeContact.phone', 'situation']);
  });

  it('needs consent for the recipient: categories and a time not in the future', () => {
    const consented = (change: (values: ReferralFormValues) => void) => form((values) => ((values.consent.confirmedFor = lokk.organisationId), change(values)));
    expect(check(consented((values) => (values.consent.dataCategories = [])))).toHaveProperty(['consent.dataCategories']);
    expect(check(consented((values) => (values.consent.obtainedAt = '2026-03-01T13:00')))).toHaveProperty(['consent.obtainedAt']);
    expect(check(consented((values) => (values.consent.obtainedAt = '2026-03-01T12:04')))).toEqual({});
    expect(check(form((values) => (values.consent.confirmedFor = undefined)))).toEqual({ 'consent.confirmed': 'Henvisningen kan ikke sendes uden samtykke' });
  });

  it('asks for the underretning of a public employee', () => {
    expect(check(form((values) => (values.childrenInHome = 'yes')), { ...context, isPublicEmployee: true })).toHaveProperty('underretning');
  });
});

describe('buildCreateReferralRequest', () => {
  it('sends trimmed values, the phone normalised, the chosen service, and no consent without one', () => {
    const values = form((draft) => ((draft.person.fullName = '  Mette  '), (draft.person.birthYear = '1980'), (draft.safeContact.phone = ' 20-30-40-50 '), (draft.consent.confirmedFor = undefined)));
    const request = buildCreateReferralRequest(values, deriveReferral(values, context), 'linked-1');
    expect(request).toMatchObject({
      serviceId: lokk.id,
      person: { fullName: 'Mette', birthYear: 1980, cpr: undefined, gender: 'woman' },
      safeContact: { phone: '+45 20 30 40 50', safeTimes: undefined, hasNoPhone: false, otherWayToReach: undefined },
      consent: undefined,
      linkedReferralId: 'linked-1',
      send: true,
    });
  });

  it('sends the consent for the recipient, its categories in a fixed order', () => {
    const values = form((draft) => ((draft.consent.confirmedFor = lokk.organisationId), (draft.consent.dataCategories = ['cpr', 'identity'])));
    expect(buildCreateReferralRequest(values, deriveReferral(values, context), undefined).consent).toEqual({
      recipientOrganisationId: lokk.organisationId,
      dataCategories: ['identity', 'cpr'],
      purpose: 'referral_for_counselling',
      method: 'oral_at_scene',
      obtainedAt: new Date('2026-03-01T12:00').toISOString(),
    });
  });
});

describe('referralSchema', () => {
  it('gives the request for valid values and the field messages for invalid ones', () => {
    const schema = referralSchema(t, context, undefined);
    expect(schema.parse(form())?.serviceId).toBe(lokk.id);
    const result = schema.safeParse(form((values) => (values.person.fullName = ' ')));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['person.fullName']);
  });

  it('checks only the step it is for', () => {
    const values = form((draft) => ((draft.person.fullName = ''), (draft.riskLevel = undefined)));
    expect(referralSchema(t, context, undefined, 'who').safeParse(values).success).toBe(true);
    expect(referralSchema(t, context, undefined, 'person').safeParse(values).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['person.fullName']);
  });
});

describe('small helpers', () => {
  it('formats a date for datetime-local inputs in local time', () => {
    expect(toDateTimeLocal(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
  });

  it('proposes the opposite role for the other party', () => {
    expect(oppositeRole('exposed')).toBe('uses_violence');
    expect(oppositeRole('uses_violence')).toBe('exposed');
    expect(oppositeRole('both')).toBe('both');
  });

  it('builds a consent request with only known categories in order', () => {
    expect(consentRequest('org', { dataCategories: ['children', 'contact'], method: 'written', obtainedAt: '2026-03-01T12:00' }).dataCategories).toEqual(['contact', 'children']);
  });
});
