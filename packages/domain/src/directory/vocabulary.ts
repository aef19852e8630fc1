import type { Channel, Situation, TargetGroup } from './taxonomy.ts';

/**
 * The directory's vocabulary in the languages of the public pages (Danish, English, Arabic): target groups,
 * contact channels, the situations a person starts from, and the badges a service page marks a service with. The
 * public site shows these labels, the HSDS API publishes the Danish and English ones as taxonomy terms, and the
 * staff app's editor and its preview of the public page show them too, so they are kept once, here, where both
 * the server and the web app can read them.
 */
export const PAGE_LANGUAGES = ['da', 'en', 'ar'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export function isPageLanguage(value: string): value is PageLanguage {
  return (PAGE_LANGUAGES as readonly string[]).includes(value);
}

/** A label for each value, in every public language. */
export type VocabularyLabels<T extends string> = Record<T, Record<PageLanguage, string>>;

export const targetGroupLabel: VocabularyLabels<TargetGroup> = {
  women: { da: 'Kvinder', en: 'Women', ar: 'النساء' },
  men: { da: 'Mænd', en: 'Men', ar: 'الرجال' },
  lgbt: { da: 'LGBT+ personer', en: 'LGBT+ people', ar: 'أفراد مجتمع الميم (LGBT+)' },
  uses_violence: { da: 'Personer, der udøver vold', en: 'People who use violence', ar: 'الأشخاص الذين يمارسون العنف' },
  relatives: { da: 'Pårørende', en: 'Relatives and friends', ar: 'الأقارب والأصدقاء' },
  professionals: { da: 'Fagpersoner', en: 'Professionals', ar: 'المختصون المهنيون' },
  children_young: { da: 'Børn og unge', en: 'Children and young people', ar: 'الأطفال والشباب' },
};

export const channelLabel: VocabularyLabels<Channel> = {
  phone: { da: 'Telefon', en: 'Phone', ar: 'الهاتف' },
  chat: { da: 'Chat', en: 'Chat', ar: 'الدردشة' },
  in_person: { da: 'Personligt fremmøde', en: 'In person', ar: 'حضورياً' },
  email: { da: 'E-mail', en: 'Email', ar: 'البريد الإلكتروني' },
  sms: { da: 'SMS', en: 'Text message (SMS)', ar: 'رسالة نصية (SMS)' },
};

export const situationLabel: VocabularyLabels<Situation> = {
  exposed: { da: 'Jeg er udsat for vold', en: 'I am experiencing violence', ar: 'أتعرض للعنف' },
  uses_violence: { da: 'Jeg udøver vold og vil stoppe', en: 'I use violence and want to stop', ar: 'أمارس العنف وأريد أن أتوقف' },
  worried: { da: 'Jeg er bekymret for en anden', en: 'I am worried about someone', ar: 'أنا قلق على شخص آخر' },
  professional: { da: 'Jeg er fagperson', en: 'I am a professional', ar: 'أنا مختص مهني' },
};

/** What a service's status, opening hours and terms say about it, as the badges of its public page. */
export type ServiceBadge = 'open24' | 'free' | 'anonymous' | 'isOpenNow' | 'isClosedNow' | 'temporarilyClosed';

export const serviceBadgeLabel: VocabularyLabels<ServiceBadge> = {
  open24: { da: 'Døgnåben', en: 'Open 24 hours', ar: 'مفتوح على مدار الساعة' },
  free: { da: 'Gratis', en: 'Free', ar: 'مجاني' },
  anonymous: { da: 'Du kan være anonym', en: 'You can stay anonymous', ar: 'يمكنك البقاء مجهول الهوية' },
  isOpenNow: { da: 'Åben nu', en: 'Open now', ar: 'مفتوح الآن' },
  isClosedNow: { da: 'Lukket nu', en: 'Closed now', ar: 'مغلق الآن' },
  temporarilyClosed: { da: 'Midlertidigt lukket', en: 'Temporarily closed', ar: 'مغلق مؤقتاً' },
};

/** One language's labels of a table, `{ women: 'Kvinder', … }`: the shape of a text file's section. */
export function labelsIn<T extends string>(labels: VocabularyLabels<T>, language: PageLanguage): Record<T, string> {
  return Object.fromEntries(Object.entries<Record<PageLanguage, string>>(labels).map(([value, label]) => [value, label[language]])) as Record<T, string>;
}
