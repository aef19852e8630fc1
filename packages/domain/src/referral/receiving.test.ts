import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceLine } from '../identity/access.ts';
import { birthYearFromCpr } from '../person/cpr.ts';
import { ageThisYear, isRoleReceivedBy, linesThatSee, rolesReceivedBy, whyServiceWouldNotTake } from './receiving.ts';
import { PersonRole } from './Referral.ts';

describe('which people a line receives', () => {
  it('gives the victim line the exposed, the perpetrator line those who use violence, and "both" only to both lines', () => {
    expect(rolesReceivedBy('victim')).toEqual(['exposed']);
    expect(rolesReceivedBy('perpetrator')).toEqual(['uses_violence']);
    expect(rolesReceivedBy(null)).toEqual(['exposed', 'uses_violence', 'both']);
    expect(isRoleReceivedBy('victim', 'both')).toBe(false);
    expect(linesThatSee('both')).toEqual([]);
  });

  it('lets every role reach a both-lines service, and a line exactly the roles whose lines include it', () => {
    const line = fc.constantFrom<ServiceLine | null>(...ServiceLine.options, null);
    fc.assert(
      fc.property(line, fc.constantFrom(...PersonRole.options), (serviceLine, role) => {
        expect(isRoleReceivedBy(null, role)).toBe(true);
        if (serviceLine !== null) expect(isRoleReceivedBy(serviceLine, role)).toBe(linesThatSee(role).includes(serviceLine));
      }),
    );
  });
});

describe('whom a service takes beyond its line', () => {
  const womenFrom18 = { roles: rolesReceivedBy('victim'), genders: ['woman'], minimumAge: 18, maximumAge: null } as const;

  it('says why a service would not take the person: role first, then gender, then age', () => {
    expect(whyServiceWouldNotTake(womenFrom18, { role: 'exposed', gender: 'woman', age: 30 })).toBeUndefined();
    expect(whyServiceWouldNotTake(womenFrom18, { role: 'uses_violence', gender: 'man', age: 12 })).toBe('role');
    expect(whyServiceWouldNotTake(womenFrom18, { role: 'exposed', gender: 'man', age: 30 })).toBe('gender');
    expect(whyServiceWouldNotTake(womenFrom18, { role: 'exposed', gender: 'woman', age: 17 })).toBe('age');
    expect(whyServiceWouldNotTake({ ...womenFrom18, minimumAge: null, maximumAge: 25 }, { role: 'exposed', gender: 'woman', age: 26 })).toBe('age');
  });

  it('lets an unknown age through (the intake asks), and a service without limits take everyone its line sees', () => {
    expect(whyServiceWouldNotTake(womenFrom18, { role: 'exposed', gender: 'woman', age: undefined })).toBeUndefined();
    const open = { roles: rolesReceivedBy(null), genders: null, minimumAge: null, maximumAge: null };
    fc.assert(
      fc.property(fc.constantFrom(...PersonRole.options), fc.constantFrom('woman', 'man', 'other', 'unknown' as const), fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), (role, gender, age) => {
        expect(whyServiceWouldNotTake(open, { role, gender, age })).toBeUndefined();
      }),
    );
  });

  it('counts the age a person reaches this year, from a birth year or a CPR number', () => {
    expect(ageThisYear(2008, new Date('2026-12-07T10:00:00Z'))).toBe(18);
    expect(ageThisYear(undefined, new Date('2026-12-07T10:00:00Z'))).toBeUndefined();
    expect(birthYearFromCpr('010190-1234')).toBe(1990);
    expect(birthYearFromCpr('0101104321')).toBe(2010);
  });
});
