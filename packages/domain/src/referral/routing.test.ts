import { describe, expect, it } from 'vitest';
import type { Gender, PersonRole, ProgrammeOption, ServiceOption } from './Referral.ts';
import { narrowIntake, type PersonToPlace } from './receiving.ts';
import { proposeService } from './routing.ts';

type Entry = { id: string; roles: PersonRole[]; genders?: Gender[] | null; minimumAge?: number | null; isFallback?: boolean; isProposed?: boolean };

/** A programme as the referral form gets it: services with whom each takes, and the routing order. */
function programmeOf(entries: Entry[]): Pick<ProgrammeOption, 'services' | 'routingRules'> {
  const services: ServiceOption[] = entries.map((entry) => ({
    id: entry.id,
    name: entry.id,
    organisationId: `org-${entry.id}`,
    organisationName: entry.id,
    receivesRoles: entry.roles,
    receivesGenders: entry.genders ?? null,
    minimumAge: entry.minimumAge ?? null,
    maximumAge: null,
  }));
  return { services, routingRules: entries.map((entry) => ({ serviceId: entry.id, isFallback: entry.isFallback ?? false, isProposed: entry.isProposed ?? true })) };
}

const everyone: PersonRole[] = ['exposed', 'uses_violence', 'both'];
const person = (role: PersonRole, gender: Gender, age?: number): PersonToPlace => ({ role, gender, age });

/** The Interventionscenter (DOMAIN.md §4.1): women → LOKK, men → Mandecentret, users of violence → Dialog mod Vold. */
const interventionscenter = programmeOf([
  { id: 'dialog-mod-vold', roles: ['uses_violence'] },
  { id: 'lokk', roles: ['exposed'], genders: ['woman'] },
  { id: 'mandecentret', roles: ['exposed'], genders: ['man'] },
  { id: 'hotline-1888', roles: everyone, isFallback: true },
]);

describe('proposeService', () => {
  it.each([
    { role: 'exposed', gender: 'woman', expected: 'lokk' },
    { role: 'exposed', gender: 'man', expected: 'mandecentret' },
    { role: 'uses_violence', gender: 'woman', expected: 'dialog-mod-vold' },
    { role: 'uses_violence', gender: 'man', expected: 'dialog-mod-vold' },
    { role: 'exposed', gender: 'other', expected: 'hotline-1888' },
    { role: 'both', gender: 'woman', expected: 'hotline-1888' },
  ] as const)('$role $gender → $expected', ({ role, gender, expected }) => {
    expect(proposeService(interventionscenter, person(role, gender))).toBe(expected);
  });

  it('never proposes a service that is only selectable, whatever its place in the order', () => {
    const withSelectable = programmeOf([{ id: 'moedrehjaelpen', roles: ['exposed'], genders: ['woman'], isProposed: false }, { id: 'lokk', roles: ['exposed'] }]);
    expect(proposeService(withSelectable, person('exposed', 'woman'))).toBe('lokk');
    const onlySelectable = programmeOf([{ id: 'moedrehjaelpen', roles: ['exposed'], isProposed: false }, { id: 'hotline-1888', roles: everyone, isFallback: true }]);
    expect(proposeService(onlySelectable, person('exposed', 'woman'))).toBe('hotline-1888');
  });

  it('takes the first service in routing order that takes the person', () => {
    const entries: Entry[] = [{ id: 'first', roles: ['exposed'] }, { id: 'second', roles: ['exposed'], genders: ['woman'] }];
    expect(proposeService(programmeOf(entries), person('exposed', 'woman'))).toBe('first');
    expect(proposeService(programmeOf([...entries].reverse()), person('exposed', 'woman'))).toBe('second');
  });

  it('skips a service whose age limits the person is outside, and proposes one when the age is unknown', () => {
    const programme = programmeOf([{ id: 'adults', roles: ['exposed'], minimumAge: 18 }, { id: 'hotline-1888', roles: everyone, isFallback: true }]);
    expect(proposeService(programme, person('exposed', 'woman', 16))).toBe('hotline-1888');
    expect(proposeService(programme, person('exposed', 'woman', 30))).toBe('adults');
    expect(proposeService(programme, { role: 'exposed', gender: 'woman', age: undefined })).toBe('adults');
  });

  it('never picks the fallback as an ordinary match, even when it comes first', () => {
    const programme = programmeOf([{ id: 'fallback', roles: everyone, isFallback: true }, { id: 'lokk', roles: ['exposed'], genders: ['woman'] }]);
    expect(proposeService(programme, person('exposed', 'woman'))).toBe('lokk');
    expect(proposeService(programme, person('exposed', 'man'))).toBe('fallback');
  });

  it('proposes nothing when no service takes the person, not even the fallback', () => {
    expect(proposeService(programmeOf([{ id: 'lokk', roles: ['exposed'], genders: ['woman'] }]), person('exposed', 'man'))).toBeUndefined();
    expect(proposeService(programmeOf([{ id: 'victims', roles: ['exposed'], isFallback: true }]), person('uses_violence', 'man'))).toBeUndefined();
    expect(proposeService(programmeOf([]), person('exposed', 'woman'))).toBeUndefined();
  });
});

describe('narrowIntake: a programme only ever narrows what a service takes', () => {
  const service = { roles: everyone, genders: null, minimumAge: 16, maximumAge: null };

  it('keeps the service as it is when the programme sets no limits', () => {
    expect(narrowIntake(service, { roles: null, genders: null, minimumAge: null, maximumAge: null })).toEqual(service);
  });

  it('takes the intersection of roles and genders and the tighter ages', () => {
    expect(narrowIntake(service, { roles: ['exposed'], genders: ['woman'], minimumAge: 18, maximumAge: 65 })).toEqual({ roles: ['exposed'], genders: ['woman'], minimumAge: 18, maximumAge: 65 });
    expect(narrowIntake({ ...service, genders: ['man'] }, { roles: null, genders: ['woman', 'man'], minimumAge: 10, maximumAge: null })).toEqual({ roles: everyone, genders: ['man'], minimumAge: 16, maximumAge: null });
  });

  it('cannot widen a victim line to people who use violence', () => {
    expect(narrowIntake({ roles: ['exposed'], genders: null, minimumAge: null, maximumAge: null }, { roles: ['uses_violence'], genders: null, minimumAge: null, maximumAge: null }).roles).toEqual([]);
  });
});
