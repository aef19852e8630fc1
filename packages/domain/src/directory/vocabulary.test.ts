import { describe, expect, it } from 'vitest';
import { Channel, Situation, TargetGroup } from './taxonomy.ts';
import { channelLabel, labelsIn, PAGE_LANGUAGES, serviceBadgeLabel, situationLabel, targetGroupLabel, type VocabularyLabels } from './vocabulary.ts';

describe('directory vocabulary', () => {
  it('takes one language of a table, value by value', () => {
    expect(labelsIn(channelLabel, 'en')).toEqual({ phone: 'Phone', chat: 'Chat', in_person: 'In person', email: 'Email', sms: 'Text message (SMS)' });
    expect(labelsIn(serviceBadgeLabel, 'da').open24).toBe('Døgnåben');
  });

  it('labels every value in every public language', () => {
    const tables: [VocabularyLabels<string>, readonly string[]][] = [
      [targetGroupLabel, TargetGroup.options],
      [channelLabel, Channel.options],
      [situationLabel, Situation.options],
    ];
    for (const [labels, values] of tables) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const language of PAGE_LANGUAGES) expect(Object.values(labelsIn(labels, language)).every((label) => label.trim() !== '')).toBe(true);
    }
  });
});
