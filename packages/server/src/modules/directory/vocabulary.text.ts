import type { Channel, Situation, TargetGroup } from '@bro/domain';

/**
 * The directory's vocabulary in the languages of the public pages (Danish, English, Arabic): target groups,
 * contact channels and the situations a person starts from. The public site shows these labels, and the HSDS API
 * publishes the Danish and English ones as taxonomy terms, so they live with the directory that owns the values.
 */
export const PAGE_LANGUAGES = ['da', 'en', 'ar'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export function isPageLanguage(value: string): value is PageLanguage {
  return (PAGE_LANGUAGES as readonly string[]).includes(value);
}

export const targetGroupLabel: Record<TargetGroup, Record<PageLanguage, string>> = {
  women: { da: 'Kvinder', en: 'Women', ar: 'النساء' },
  men: { da: 'Mænd', en: 'Men', ar: 'الرجال' },
  lgbt: { da: 'LGBT+ personer', en: 'LGBT+ people', ar: 'أفراد مجتمع الميم (LGBT+)' },
  uses_violence: { da: 'Personer, der udøver vold', en: 'People who use violence', ar: 'الأشخاص الذين يمارسون العنف' },
  relatives: { da: 'Pårørende', en: 'Relatives and friends', ar: 'الأقارب والأصدقاء' },
  professionals: { da: 'Fagpersoner', en: 'Professionals', ar: 'المختصون المهنيون' },
  children_young: { da: 'Børn og unge', en: 'Children and young people', ar: 'الأطفال والشباب' },
};

export const channelLabel: Record<Channel, Record<PageLanguage, string>> = {
  phone: { da: 'Telefon', en: 'Phone', ar: 'الهاتف' },
  chat: { da: 'Chat', en: 'Chat', ar: 'الدردشة' },
  in_person: { da: 'Personligt fremmøde', en: 'In person', ar: 'حضورياً' },
  email: { da: 'E-mail', en: 'Email', ar: 'البريد الإلكتروني' },
  sms: { da: 'SMS', en: 'Text message (SMS)', ar: 'رسالة نصية (SMS)' },
};

export const situationLabel: Record<Situation, Record<PageLanguage, string>> = {
  exposed: { da: 'Jeg er udsat for vold', en: 'I am experiencing violence', ar: 'أتعرض للعنف' },
  uses_violence: { da: 'Jeg udøver vold og vil stoppe', en: 'I use violence and want to stop', ar: 'أمارس العنف وأريد أن أتوقف' },
  worried: { da: 'Jeg er bekymret for en anden', en: 'I am worried about someone', ar: 'أنا قلق على شخص آخر' },
  professional: { da: 'Jeg er fagperson', en: 'I am a professional', ar: 'أنا مختص مهني' },
};
