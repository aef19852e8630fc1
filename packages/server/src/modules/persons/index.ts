// The persons module's surface: the person record and their consents, shared by referrals and courses. Writes to
// the `persons` and `consents` tables go through these use cases; reads that need a person beside a referral join
// in the reader's query (one round trip) and open the sealed fields here.
export {
  assertConsentFits,
  cprLookupHash,
  createPerson,
  openPersonUnderConsent,
  prepareConsent,
  preparePerson,
  recordConsent,
  withdrawConsentsOfPerson,
  type ConsentGiven,
  type NewPerson,
  type PersonUnderConsent,
  type SealedPerson,
} from './person.service.ts';
