import type { CreateCampaignInput } from '@bro/domain';

let sequence = 0;

/** A valid campaign with sensible defaults; override what the test is about. */
export function campaignInput(overrides: Partial<CreateCampaignInput> = {}): CreateCampaignInput {
  sequence += 1;
  return {
    slug: `kampagne-${sequence}`,
    titleDa: `Kampagne ${sequence}`,
    titleEn: `Campaign ${sequence}`,
    summaryDa: 'Et kort resumé.',
    summaryEn: 'A short summary.',
    bodyDa: 'Første afsnit.\n\nAndet afsnit.',
    bodyEn: 'First paragraph.\n\nSecond paragraph.',
    ...overrides,
  };
}
