import { z } from 'zod';

/**
 * Who a help offer is for. HSDS has no such field; these are our profile's terms (ANCHORS.md B5, "gaps to fill").
 * `uses_violence` is a client group of its own: people who use violence and want to stop.
 */
export const TargetGroup = z.enum(['women', 'men', 'lgbt', 'uses_violence', 'relatives', 'professionals', 'children_young']);
export type TargetGroup = z.infer<typeof TargetGroup>;

/** How a person can reach the service. */
export const Channel = z.enum(['phone', 'chat', 'in_person', 'email', 'sms']);
export type Channel = z.infer<typeof Channel>;

/**
 * The four doors of the public start page: a person starts from their situation, not from a category. Each maps
 * to the target groups that situation needs.
 */
export const Situation = z.enum(['exposed', 'uses_violence', 'worried', 'professional']);
export type Situation = z.infer<typeof Situation>;

export const targetGroupsBySituation: Record<Situation, readonly TargetGroup[]> = {
  exposed: ['women', 'men', 'lgbt', 'children_young'],
  uses_violence: ['uses_violence'],
  worried: ['relatives'],
  professional: ['professionals'],
};

/** HSDS status of a service. Only `active` and `temporarily closed` are shown on the public pages. */
export const HelpServiceStatus = z.enum(['active', 'inactive', 'defunct', 'temporarily closed']);
export type HelpServiceStatus = z.infer<typeof HelpServiceStatus>;

export const publiclyListedStatuses: readonly HelpServiceStatus[] = ['active', 'temporarily closed'];

/** ISO 639-1 code (two lower-case letters), e.g. `da`, `en`, `ar`. */
export const LanguageCode = z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, { message: 'language_format' });
export type LanguageCode = z.infer<typeof LanguageCode>;

/** The taxonomies our HSDS profile publishes: target groups and channels. */
export const TaxonomyId = z.enum(['bro-target-group', 'bro-channel']);
export type TaxonomyId = z.infer<typeof TaxonomyId>;

/**
 * The readable, stable form of a term: `target_group:women`, `channel:phone`. HSDS 3.0 wants UUIDs as ids, so the
 * HSDS API publishes a name-based UUID derived from this form as the term's id, and accepts either form as a filter:
 * the readable one keeps the API usable without a lookup call.
 */
export const TaxonomyTermId = z.union([
  z.templateLiteral(['target_group:', TargetGroup]),
  z.templateLiteral(['channel:', Channel]),
]);
export type TaxonomyTermId = z.infer<typeof TaxonomyTermId>;

export type ParsedTaxonomyTerm = { kind: 'target_group'; value: TargetGroup } | { kind: 'channel'; value: Channel };

export function parseTaxonomyTermId(termId: TaxonomyTermId): ParsedTaxonomyTerm {
  const [kind, value] = termId.split(':') as [string, string];
  return kind === 'target_group' ? { kind, value: TargetGroup.parse(value) } : { kind: 'channel', value: Channel.parse(value) };
}

export function targetGroupTermId(group: TargetGroup): TaxonomyTermId {
  return `target_group:${group}`;
}

export function channelTermId(channel: Channel): TaxonomyTermId {
  return `channel:${channel}`;
}
