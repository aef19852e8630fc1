import { z } from 'zod';
import { name, text } from '../common/text.ts';
import type { AddressProtection } from '../referral/Referral.ts';

/**
 * The safety plan (sikkerhedsplan): structured, versioned (every save is a new version; old ones are kept), and
 * printable. Its whole content is stored encrypted. A safe place may carry an address for the person's own use; the
 * printed plan leaves every address out whenever the person's address is protected — or might be (unknown).
 */

const Line = (max: number) => text({ max }).min(1);
const Name = (max: number) => name({ max }).min(1);
const Paragraphs = (max: number) => text({ max, multiline: true }).min(1);

export const ImportantDocument = z.enum([
  'passport',
  'health_insurance_card',
  'residence_permit',
  'bank_details',
  'medication',
  'birth_certificates',
  'custody_papers',
  'police_reports',
  'restraining_order',
  'keys',
  'other',
]);
export type ImportantDocument = z.infer<typeof ImportantDocument>;

export const SafetyPlanContent = z.strictObject({
  safePeople: z.array(z.strictObject({ name: Name(200), howToReach: Line(200).optional(), note: Paragraphs(1000).optional() })).max(20),
  safePlaces: z.array(z.strictObject({ name: Name(200), address: Name(300).optional(), note: Paragraphs(1000).optional() })).max(20),
  warningSigns: z.array(Line(500)).max(30),
  /** What to do in an emergency, in order. */
  emergencySteps: z.array(Line(500)).max(30),
  /** Name or initials, and the plan for that child. */
  children: z.array(z.strictObject({ name: Name(100), plan: Paragraphs(2000) })).max(10),
  importantDocuments: z.array(z.strictObject({ document: ImportantDocument, whereKept: Line(300).optional(), note: Paragraphs(500).optional() })).max(20),
  codeWords: z.array(z.strictObject({ word: Line(100), meaning: Line(300) })).max(10),
  notes: Paragraphs(4000).optional(),
});
export type SafetyPlanContent = z.infer<typeof SafetyPlanContent>;

export const emptySafetyPlan: SafetyPlanContent = { safePeople: [], safePlaces: [], warningSigns: [], emergencySteps: [], children: [], importantDocuments: [], codeWords: [] };

/** Any protection — and not knowing — hides addresses: the safe default for a person at risk. */
export function isAddressProtected(protection: AddressProtection): boolean {
  return protection !== 'none';
}

/** The plan as it may be printed: addresses removed when protected, with a count so the page can say so. */
export function safetyPlanForPrint(content: SafetyPlanContent, protection: AddressProtection): { content: SafetyPlanContent; hiddenAddresses: number } {
  if (!isAddressProtected(protection)) return { content, hiddenAddresses: 0 };
  const hiddenAddresses = content.safePlaces.filter((place) => place.address !== undefined).length;
  return { content: { ...content, safePlaces: content.safePlaces.map(({ address: _address, ...place }) => place) }, hiddenAddresses };
}

/**
 * Whether two plans say the same: a save that changes nothing makes no new version. Compared after parsing, so
 * spaces trimmed by the schema and absent optional fields count as the same.
 */
export function isSameSafetyPlan(a: SafetyPlanContent, b: SafetyPlanContent): boolean {
  return JSON.stringify(SafetyPlanContent.parse(a)) === JSON.stringify(SafetyPlanContent.parse(b));
}
