import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { testAdminUser } from '../../test/builders';
import { createUserSchema, draftOfUser, emptyUserDraft, updateUserSchema } from './user-form';

const t = i18next.getFixedT('da');
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the new user form', () => {
  it('names the missing name, e-mail and role with the admin’s sentences', () => {
    expect(messages(createUserSchema(t).safeParse(emptyUserDraft))).toEqual({ displayName: 'Skriv brugerens navn', email: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk', role: 'Vælg en rolle' });
  });

  it('sends the e-mail as stored (trimmed, lower case) and leaves out an empty unit', () => {
    const request = createUserSchema(t).parse({ ...emptyUserDraft, displayName: ' Lone ', email: ' Lone@LOKK.dk ', role: 'counsellor' });
    expect(request).toEqual({ displayName: 'Lone', email: 'lone@lokk.dk', role: 'counsellor' });
  });
});

describe('the edit user form', () => {
  it('starts from the user, and a platform admin must get a real role', () => {
    expect(draftOfUser(testAdminUser({ role: 'platform_admin', unitId: 'u1' }))).toMatchObject({ role: '', unitId: 'u1', serviceLine: '' });
    expect(messages(updateUserSchema(t).safeParse(draftOfUser(testAdminUser({ role: 'platform_admin' }))))).toEqual({ role: 'Vælg en rolle' });
  });

  it('clears an emptied unit and service line', () => {
    expect(updateUserSchema(t).parse(draftOfUser(testAdminUser()))).toEqual({ displayName: 'Lone Rådgiver', role: 'counsellor', unitId: null, serviceLine: null });
  });
});
