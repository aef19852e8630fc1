import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceLine } from '../identity/access.ts';
import { isRoleReceivedBy, linesThatSee, rolesReceivedBy } from './receiving.ts';
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
