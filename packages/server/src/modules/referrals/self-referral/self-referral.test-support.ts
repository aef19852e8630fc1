import { createHash } from 'node:crypto';
import { isProofOfWorkSolved, parseChallenge, proofOfWorkInput, type CreateHelpServiceInput, type ServiceLine } from '@bro/domain';
import type { LightMyRequestResponse } from 'fastify';
import { givenHelpService, helpServiceInput } from '../../directory/testing.ts';
import type { TestApp } from '../../../test/test-app.ts';

/** Test helpers for the public contact form: a set of services that take requests, form posts, proof of work. */

/** The challenge the page carries. */
export function challengeOf(page: string): string {
  const challenge = /name="challenge" value="([^"]+)"/.exec(page)?.[1];
  if (!challenge) throw new Error('no challenge on the page');
  return challenge;
}

/** Does in the test what contact-pow.js does in the browser. */
export function solveProofOfWork(challenge: string): string {
  const parsed = parseChallenge(challenge);
  if (!parsed) throw new Error('not a challenge');
  for (let nonce = 0; ; nonce += 1) {
    if (isProofOfWorkSolved(createHash('sha256').update(proofOfWorkInput(challenge, String(nonce))).digest(), parsed.bits)) return String(nonce);
  }
}

export function receiptCodeOf(page: string): string | undefined {
  return /<p class="receipt-code"><strong[^>]*>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})<\/strong>/.exec(page)?.[1];
}

export function postForm(t: TestApp, url: string, fields: Record<string, string>, remoteAddress?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

export const validContactFields = {
  role: 'exposed',
  name: 'Kim',
  phone: '20 30 40 50',
  smsAllowed: 'no',
  voicemailAllowed: 'no',
  safeTimes: 'Hverdage kl. 9–12, aldrig weekender',
  language: 'da',
  about: 'Min kæreste kontrollerer min telefon',
  service: '_hotline',
  heardAbout: 'from_friend',
  consent: 'yes',
};

/** The contact form's address in a page language: Danish at the root, English and Arabic under their prefix. */
export const contactPathOf = (lang: string) => (lang === 'da' ? '/kontakt' : `/${lang}/kontakt`);

/** Fetches a fresh form and posts it, with the proof of work solved unless told otherwise. */
export async function submitContactForm(
  t: TestApp,
  fields: Partial<Record<keyof typeof validContactFields, string>> & Record<string, string> = {},
  options: { lang?: string; withProof?: boolean; remoteAddress?: string } = {},
): Promise<{ response: LightMyRequestResponse; challenge: string; nonce: string }> {
  const lang = options.lang ?? 'da';
  const form = await t.app.inject({ method: 'GET', url: contactPathOf(lang) });
  const challenge = challengeOf(form.body);
  const nonce = options.withProof === false ? '' : solveProofOfWork(challenge);
  const response = await postForm(t, contactPathOf(lang), { ...validContactFields, ...fields, challenge, nonce }, options.remoteAddress);
  return { response, challenge, nonce };
}

/**
 * The national hotline (both lines), LGBT+ counselling (victim line) and a perpetrator programme, each with a
 * referral service linked from a directory listing, and an intake coordinator; plus a shelter listing that takes
 * no requests (not linked to a referral service).
 */
export async function createSelfReferralFixture(t: TestApp) {
  const { given } = t;
  const setUp = async (input: { kind: 'national_hotline' | 'ngo' | 'perpetrator_programme' | 'shelter'; name: string; slug: string; serviceLine: ServiceLine | null; deadlines?: [number, number]; listing?: Partial<CreateHelpServiceInput>; isLinked?: boolean }) => {
    const organisation = await given.organisation({ kind: input.kind, name: input.name });
    const service = await given.service({
      organisationId: organisation.id,
      name: `${input.name} intake`,
      serviceLine: input.serviceLine,
      firstContactDeadlineHours: input.deadlines?.[0] ?? 48,
      highRiskDeadlineHours: input.deadlines?.[1] ?? 24,
    });
    const listingId = await givenHelpService(
      t,
      organisation.id,
      helpServiceInput({ slug: input.slug, nameDa: `${input.name} rådgivning`, nameEn: `${input.name} counselling`, referralServiceId: input.isLinked === false ? null : service.id, ...input.listing }),
    );
    const coordinator = await given.user({ organisationId: organisation.id, role: 'intake_coordinator' });
    const session = await given.session(coordinator);
    return { organisation, service, listingId, coordinator, client: t.as(session) };
  };
  return {
    hotline: await setUp({ kind: 'national_hotline', name: 'Lev Uden Vold', slug: 'hotline-1888', serviceLine: null, deadlines: [24, 4], listing: { phones: [{ number: '1888' }] } }),
    lgbt: await setUp({ kind: 'ngo', name: 'LGBT+ Danmark', slug: 'lgbt-raadgivning', serviceLine: 'victim', listing: { targetGroups: ['lgbt'], phones: [{ number: '33 13 19 48' }] } }),
    perpetrator: await setUp({ kind: 'perpetrator_programme', name: 'Dialog mod Vold', slug: 'dmv-behandling', serviceLine: 'perpetrator', listing: { targetGroups: ['uses_violence'] } }),
    shelter: await setUp({ kind: 'shelter', name: 'Krisecentret', slug: 'krisecentret', serviceLine: 'victim', isLinked: false }),
  };
}
