import type { ReferralForReferrer, ReferralOptions } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { idempotencyKey, postReferral, referralRequest, startReferralTests, type ReferralFixture } from '../referral.builders.ts';

const HOUR = 3_600_000;

describe('POST /api/referrals', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const countRows = async () => ({
    persons: Number((await t.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    consents: Number((await t.db.selectFrom('consents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    referrals: Number((await t.db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  it('creates and sends a referral with consent: 201, status sent, first-contact deadline per the service policy', async () => {
    const body = referralRequest(t, fx);
    const response = await postReferral(fx.people.policeReferrer, body);
    expect(response.statusCode).toBe(201);
    const referral = response.json() as ReferralForReferrer;
    expect(referral).toMatchObject({
      status: 'sent',
      role: 'exposed',
      personName: body.person.fullName,
      serviceName: 'LOKK rådgivning',
      receivingOrganisationName: 'LOKK',
      riskLevel: 'standard',
      hasFirstContact: false,
      allowedActions: ['withdraw'],
      linkedReferralIds: [],
    });
    expect(referral.reference).toMatch(/^BRO-\d+$/);
    expect(referral.consent).toMatchObject({ recipientOrganisationName: 'LOKK', method: 'oral_at_scene', withdrawnAt: null });
    expect(referral.timeline.map((entry) => [entry.action, entry.toStatus, entry.organisationName])).toEqual([
      ['create', 'draft', 'Københavns Politi'],
      ['send', 'sent', 'Københavns Politi'],
    ]);

    const row = await t.db.selectFrom('referrals').selectAll().where('id', '=', referral.id).executeTakeFirstOrThrow();
    expect(row.source).toBe('police');
    expect(row.referring_unit_id).toBe(fx.policeUnit.id);
    expect(row.sent_at?.toISOString()).toBe(t.clock.now().toISOString());
    expect(row.due_at?.getTime()).toBe(t.clock.now().getTime() + 48 * HOUR);
    // The receipt says by when the service will call.
    expect(referral.dueAt).toBe(new Date(t.clock.now().getTime() + 48 * HOUR).toISOString());
  });

  it('needs a way to reach the person: a phone (stored in one written form), or none and another way', async () => {
    const valid = referralRequest(t, fx);
    const withPhone = (phone: string | undefined, more: object = {}) => ({ ...valid, safeContact: { ...valid.safeContact, phone, ...more } });

    const noPhone = await postReferral(fx.people.policeReferrer, withPhone(undefined));
    expect(noPhone.statusCode).toBe(422);
    expect(noPhone.json().errors).toEqual([{ path: 'body.safeContact.phone', message: 'phone_required' }]);
    const noOtherWay = await postReferral(fx.people.policeReferrer, withPhone(undefined, { hasNoPhone: true }));
    expect(noOtherWay.json().errors).toEqual([{ path: 'body.safeContact.otherWayToReach', message: 'other_way_required' }]);

    const otherWay = await postReferral(fx.people.policeReferrer, withPhone(undefined, { hasNoPhone: true, otherWayToReach: 'Via krisecentret, kanarie-7731' }));
    expect(otherWay.statusCode).toBe(201);
    const stored = await t.db.selectFrom('referrals').selectAll().where('id', '=', otherWay.json().id).executeTakeFirstOrThrow();
    expect(stored.other_way_to_reach_enc).not.toContain('kanarie-7731');
    expect(t.cipher.decryptOptional(stored.other_way_to_reach_enc)).toBe('Via krisecentret, kanarie-7731');

    const dashed = await postReferral(fx.people.policeReferrer, withPhone('20-30-40-51'));
    expect(dashed.statusCode).toBe(201);
    const dashedRow = await t.db.selectFrom('referrals').select('phone_enc').where('id', '=', dashed.json().id).executeTakeFirstOrThrow();
    expect(t.cipher.decryptOptional(dashedRow.phone_enc)).toBe('+45 20 30 40 51');
  });

  it('gives a high-risk referral the service’s shorter deadline', async () => {
    const response = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { riskLevel: 'high' }));
    expect(response.statusCode).toBe(201);
    const row = await t.db.selectFrom('referrals').select('due_at').where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(row.due_at?.getTime()).toBe(t.clock.now().getTime() + 24 * HOUR);
  });

  it('records the source of a municipal referral, and the consent as its own record', async () => {
    const response = await postReferral(fx.people.municipalityReferrer, referralRequest(t, fx, { to: 'hotline', consentCategories: ['identity', 'contact'] }));
    expect(response.statusCode).toBe(201);
    const row = await t.db.selectFrom('referrals').selectAll().where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(row.source).toBe('municipality');
    const consent = await t.db.selectFrom('consents').selectAll().where('id', '=', row.consent_id).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      person_id: row.person_id,
      recipient_organisation_id: fx.organisations.hotline.id,
      data_categories: ['identity', 'contact'],
      purpose: 'referral_for_counselling',
      method: 'oral_at_scene',
      obtained_by_user_id: fx.people.municipalityReferrer.user.id,
      obtained_by_organisation_id: fx.organisations.municipality.id,
      withdrawn_at: null,
    });
  });

  it('refuses to send without consent (422 consent_required) and writes nothing', async () => {
    const before = await countRows();
    const response = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { withConsent: false }));
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'consent_required', status: 422 });
    expect(await countRows()).toEqual(before);
  });

  it('refuses a consent to another organisation than the service’s (422 consent_required)', async () => {
    const before = await countRows();
    const response = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { to: 'lokk', consentTo: fx.organisations.dmv.id }));
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('consent_required');
    expect(await countRows()).toEqual(before);
  });

  it('saves a draft without consent; sending it needs consent, given with the draft or with /send', async () => {
    const draft = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { withConsent: false, send: false }));
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', consent: null, allowedActions: ['send', 'withdraw'] });
    const id = draft.json().id as string;
    expect((await t.db.selectFrom('referrals').select('due_at').where('id', '=', id).executeTakeFirstOrThrow()).due_at).toBeNull();

    const refused = await fx.people.policeReferrer.client.post(`/api/referrals/${id}/send`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('consent_required');

    const wrongRecipient = await fx.people.policeReferrer.client.post(`/api/referrals/${id}/send`, {
      consent: { recipientOrganisationId: fx.organisations.hotline.id, dataCategories: ['identity'], method: 'written', obtainedAt: t.clock.now().toISOString() },
    });
    expect(wrongRecipient.statusCode).toBe(422);
    expect(wrongRecipient.json().code).toBe('consent_required');

    const sent = await fx.people.policeReferrer.client.post(`/api/referrals/${id}/send`, {
      consent: { recipientOrganisationId: fx.organisations.lokk.id, dataCategories: ['identity', 'contact'], method: 'written', obtainedAt: t.clock.now().toISOString() },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', consent: { recipientOrganisationName: 'LOKK', method: 'written' } });

    const again = await fx.people.policeReferrer.client.post(`/api/referrals/${id}/send`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('transition_not_allowed');
  });

  it('sends a draft that was saved with consent', async () => {
    const draft = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { send: false }));
    expect(draft.json().status).toBe('draft');
    const sent = await fx.people.policeReferrer.client.post(`/api/referrals/${draft.json().id}/send`, {});
    expect(sent.statusCode).toBe(200);
    expect(sent.json().status).toBe('sent');
  });

  it('refuses a service outside the programme, or a programme the organisation does not refer in (422 service_not_allowed)', async () => {
    const outside = { ...referralRequest(t, fx), serviceId: fx.services.mandecentret.id };
    const response = await postReferral(fx.people.policeReferrer, outside);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('service_not_allowed');

    const foreignProgramme = { ...referralRequest(t, fx), programmeId: fx.otherProgramme.id, serviceId: fx.services.mandecentret.id };
    const second = await postReferral(fx.people.policeReferrer, foreignProgramme);
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe('service_not_allowed');
  });

  it('refuses to send a person to a service whose intake could not see them (422 role_not_received), and writes nothing', async () => {
    const before = await countRows();
    for (const [role, to] of [['uses_violence', 'lokk'], ['both', 'lokk'], ['exposed', 'dmv'], ['both', 'dmv']] as const) {
      const response = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { role, to }));
      expect(response.statusCode, `${role} → ${to}`).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('role_not_received');
    }
    // The answer names the programme's services that do take the person, in the user's language.
    const danish = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { role: 'uses_violence', to: 'lokk' }));
    expect(danish.json().detail).toContain('Disse tilbud gør: Dialog mod Vold behandling, Hotline 1888.');
    const english = await fx.people.policeReferrer.client.post('/api/referrals', referralRequest(t, fx, { role: 'both', to: 'lokk' }), { 'idempotency-key': `role-en-${Date.now()}`, 'accept-language': 'en' });
    expect(english.json().detail).toContain('These services do: Hotline 1888.');
    expect(await countRows()).toEqual(before);

    // A draft is refused too: sent later, it would wait unseen just the same.
    const draft = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { role: 'uses_violence', to: 'lokk', send: false }));
    expect(draft.json().code).toBe('role_not_received');
    // The hotline takes everyone.
    expect((await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { role: 'both', to: 'hotline' }))).statusCode).toBe(201);
  });

  it('refuses a person of another gender or age than the service takes (422 person_not_received), by CPR before birth year', async () => {
    const youngWomen = await t.given.service({ organisationId: fx.organisations.lokk.id, name: 'LOKK ung', serviceLine: 'victim' });
    await t.db.updateTable('services').set({ receives_genders: ['woman'], minimum_age: 15, maximum_age: 25 }).where('id', '=', youngWomen.id).execute();
    await t.db.insertInto('programme_services').values({ programme_id: fx.programme.id, service_id: youngWomen.id, routing_priority: 5 }).execute();
    const toYoungWomen = (overrides: Parameters<typeof referralRequest>[2]) => ({ ...referralRequest(t, fx, overrides), serviceId: youngWomen.id });
    const before = await countRows();

    const man = await postReferral(fx.people.policeReferrer, toYoungWomen({ gender: 'man', cpr: '' }));
    expect(man.statusCode).toBe(422);
    expect(man.json()).toMatchObject({ code: 'person_not_received' });
    // LOKK takes only women in this programme (the programme narrows it), so only the hotline takes him.
    expect(man.json().detail).toContain('Disse tilbud gør: Hotline 1888.');
    // The fixture's CPR says 1990: 36 this year, too old, whatever the birth year field says.
    const tooOld = await postReferral(fx.people.policeReferrer, toYoungWomen({}));
    expect(tooOld.json().code).toBe('person_not_received');
    expect(await countRows()).toEqual(before);

    const twentyYearsOld = await postReferral(fx.people.policeReferrer, toYoungWomen({ cpr: '010106-4321' }));
    expect(twentyYearsOld.statusCode).toBe(201);
  });

  it('answers invalid input with 422 and field errors, never 500', async () => {
    const valid = referralRequest(t, fx);
    const cases: [string, unknown][] = [
      ['bad CPR format', { ...valid, person: { ...valid.person, cpr: '12345' } }],
      ['impossible CPR date', { ...valid, person: { ...valid.person, cpr: '320190-1234' } }],
      ['missing person', { ...valid, person: undefined }],
      ['missing safe contact', { ...valid, safeContact: undefined }],
      ['extra property', { ...valid, favouriteColour: 'blue' }],
      ['extra nested property', { ...valid, person: { ...valid.person, address: 'Hemmelig vej 1' } }],
      ['bad programme uuid', { ...valid, programmeId: 'not-a-uuid' }],
      ['bad role', { ...valid, role: 'victim' }],
      ['bad phone', { ...valid, safeContact: { ...valid.safeContact, phone: 'ring<script>' } }],
      ['empty consent categories', { ...valid, consent: { ...valid.consent, dataCategories: [] } }],
    ];
    for (const [name, body] of cases) {
      const response = await postReferral(fx.people.policeReferrer, body);
      expect(response.statusCode, name).toBe(422);
      expect(response.json(), name).toMatchObject({ code: 'validation_failed' });
      expect(response.json().errors?.length, name).toBeGreaterThan(0);
    }
    const notJson = await fx.people.policeReferrer.client.post('/api/referrals', 'not json', { 'content-type': 'application/json', 'idempotency-key': 'abcdefgh-1' });
    expect(notJson.statusCode).toBe(422);
  });

  it('refuses a consent dated in the future', async () => {
    const body = referralRequest(t, fx);
    const response = await postReferral(fx.people.policeReferrer, { ...body, consent: { ...body.consent, obtainedAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString() } });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.consent.obtainedAt', message: 'in_the_future' }]);
  });

  it('accepts a CPR number that fails modulus 11 but has a valid date (valid since 2007)', async () => {
    // 010190-1235: 1 Jan 1990; fails the modulus-11 check.
    const response = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { cpr: '0101901235' }));
    expect(response.statusCode).toBe(201);
  });

  it('stores personal data encrypted: name, CPR, phone, safe times and situation are not in the rows as plain text', async () => {
    const body = referralRequest(t, fx, { cpr: '241280-4321' });
    const response = await postReferral(fx.people.policeReferrer, body);
    const referral = await t.db.selectFrom('referrals').selectAll().where('id', '=', response.json().id).executeTakeFirstOrThrow();
    const person = await t.db.selectFrom('persons').selectAll().where('id', '=', referral.person_id).executeTakeFirstOrThrow();
    const stored = JSON.stringify([referral, person]);
    for (const plain of [body.person.fullName, 'Nummer', '241280', '4321', body.safeContact.phone, body.safeContact.safeTimes, body.situation, 'Situationsbeskrivelse']) {
      expect(stored).not.toContain(plain);
    }
    expect(person.full_name_enc).toMatch(/^v1\./);
    expect(person.cpr_enc).toMatch(/^v1\./);
    expect(person.cpr_hmac).toBe(t.cipher.lookupHash('2412804321'));
    expect(t.cipher.decrypt(person.full_name_enc)).toBe(body.person.fullName);
    expect(t.cipher.decryptOptional(referral.situation_enc)).toBe(body.situation);
  });

  it('writes an audit entry for the creation, the consent and the sending, without personal data', async () => {
    const body = referralRequest(t, fx);
    const response = await postReferral(fx.people.policeReferrer, body);
    const id = response.json().id as string;
    const entries = await t.db.selectFrom('audit_log').selectAll().where('object_id', '=', id).orderBy('id').execute();
    expect(entries.map((entry) => entry.action)).toEqual(['referral.create', 'referral.send']);
    expect(entries[0]?.actor_user_id).toBe(fx.people.policeReferrer.user.id);
    const consentEntries = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'consent.record').execute();
    expect(consentEntries.length).toBeGreaterThan(0);
    const everything = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain(body.person.fullName);
    expect(everything).not.toContain(body.situation);
  });

  it('joins a linked referral to the same incident, for the other party of the call-out', async () => {
    const victim = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { to: 'lokk' }));
    const perpetrator = await postReferral(fx.people.policeColleague, referralRequest(t, fx, { to: 'dmv', linkedReferralId: victim.json().id }));
    expect(perpetrator.statusCode).toBe(201);
    expect(perpetrator.json().incidentId).toBe(victim.json().incidentId);
    expect(perpetrator.json().linkedReferralIds).toEqual([victim.json().id]);
    const victimAgain = await fx.people.policeReferrer.client.get(`/api/referrals/${victim.json().id}`);
    expect(victimAgain.json().linkedReferralIds).toEqual([perpetrator.json().id]);
  });
});

describe('GET /api/referrals/options', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  it('lists the programmes the organisation refers in, with services and routing rules in priority order', async () => {
    const response = await fx.people.policeReferrer.client.get('/api/referrals/options');
    expect(response.statusCode).toBe(200);
    const options = response.json() as ReferralOptions;
    expect(options.isPublicEmployee).toBe(true);
    expect(options.programmes).toHaveLength(1);
    const [programme] = options.programmes;
    expect(programme?.name).toBe('Interventionscenter');
    expect(programme?.services.map((service) => service.name)).toEqual(['LOKK rådgivning', 'Dialog mod Vold behandling', 'Hotline 1888']);
    expect(programme?.routingRules).toEqual([
      { serviceId: fx.services.lokk.id, isFallback: false, isProposed: true },
      { serviceId: fx.services.dmv.id, isFallback: false, isProposed: true },
      { serviceId: fx.services.hotline.id, isFallback: true, isProposed: true },
    ]);
    // Whom each takes in the programme: its line, narrowed by the programme (LOKK: women exposed to violence).
    expect(programme?.services.map((service) => [service.name, service.receivesRoles, service.receivesGenders])).toEqual([
      ['LOKK rådgivning', ['exposed'], ['woman']],
      [expect.any(String), ['uses_violence'], null],
      ['Hotline 1888', ['exposed', 'uses_violence', 'both'], null],
    ]);
  });

  it('offers each service with the roles its intake can see', async () => {
    const response = await fx.people.policeReferrer.client.get('/api/referrals/options');
    const services = (response.json() as ReferralOptions).programmes.flatMap((programme) => programme.services);
    expect(Object.fromEntries(services.map((service) => [service.name, service.receivesRoles]))).toEqual({
      'LOKK rådgivning': ['exposed'],
      'Dialog mod Vold behandling': ['uses_violence'],
      'Hotline 1888': ['exposed', 'uses_violence', 'both'],
    });
  });

  it('shows another organisation only its own programmes', async () => {
    const response = await fx.people.otherPoliceReferrer.client.get('/api/referrals/options');
    expect((response.json() as ReferralOptions).programmes.map((programme) => programme.name)).toEqual(['Østjylland']);
  });
});

describe('POST /api/referrals rate limit', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: true })); });
  afterAll(async () => t.close());

  it('stops a user after 30 creations a minute with 429, without affecting a colleague', async () => {
    // Validation failures are cheap and still count: the limit is on attempts.
    const statuses: number[] = [];
    for (let index = 0; index < 31; index += 1) statuses.push((await postReferral(fx.people.policeReferrer, {})).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 422)).toBe(true);
    expect(statuses[30]).toBe(429);
    const colleague = await postReferral(fx.people.policeColleague, {});
    expect(colleague.statusCode).toBe(422);
  });

  it('never counts a retried request: not a replay, not a 409 while the first is in flight', async () => {
    const key = idempotencyKey();
    const body = referralRequest(t, fx);
    expect((await postReferral(fx.people.policeColleague, body, key)).statusCode).toBe(201);
    for (let index = 0; index < 35; index += 1) expect((await postReferral(fx.people.policeColleague, body, key)).statusCode).toBe(201);
    // The same key as if its first request were still running (claimed under a minute ago: the clock stands still
    // here): every retry is told so, none counted.
    await t.db.updateTable('idempotency_keys').set({ state: 'in_flight', response_status: null, response_body: null, completed_at: null }).where('key', '=', key).execute();
    for (let index = 0; index < 35; index += 1) {
      const retried = await postReferral(fx.people.policeColleague, body, key);
      expect(retried.statusCode).toBe(409);
      expect(retried.json().code).toBe('idempotency_in_flight');
    }
    // One creation counted so far: the colleague may still create.
    expect((await postReferral(fx.people.policeColleague, referralRequest(t, fx))).statusCode).toBe(201);
  });
});

describe('POST /api/referrals and the access log', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  it('logs the person’s name in the create response as a read, and again for each replay', async () => {
    const key = idempotencyKey();
    const body = referralRequest(t, fx);
    const created = await postReferral(fx.people.policeReferrer, body, key);
    expect(created.statusCode).toBe(201);
    const referralId = created.json().id as string;
    const entries = async () => t.db.selectFrom('access_log').select(['user_id', 'action', 'object_type', 'person_id', 'purpose']).where('object_id', '=', referralId).execute();
    const person = await t.db.selectFrom('referrals').select('person_id').where('id', '=', referralId).executeTakeFirstOrThrow();
    const read = { user_id: fx.people.policeReferrer.user.id, action: 'read', object_type: 'referral', person_id: person.person_id, purpose: 'referral_creation' };
    expect(await entries()).toEqual([read]);
    expect((await postReferral(fx.people.policeReferrer, body, key)).headers['idempotent-replayed']).toBe('true');
    expect(await entries()).toEqual([read, read]);
  });
});
