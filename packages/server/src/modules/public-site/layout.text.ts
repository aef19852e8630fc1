import type { PageLanguage } from '../directory/index.ts';

/**
 * Texts of the frame around every public page (head, quick exit, header, footer), in Danish, English and Arabic.
 * Arabic proves the pages work right to left. Wording rules for every public text: plain, calm, second person;
 * never name violence in a page title (titles are neutral, so a tab or a history entry gives nothing away).
 */
export const textDirection: Record<PageLanguage, 'ltr' | 'rtl'> = { da: 'ltr', en: 'ltr', ar: 'rtl' };

/** Locale for dates and numbers. Arabic keeps Western digits so phone numbers and times read the same everywhere. */
export const formatLocale: Record<PageLanguage, string> = { da: 'da-DK', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** Each language named in itself, for the language switcher. */
export const languageEndonym: Record<PageLanguage, string> = { da: 'Dansk', en: 'English', ar: 'العربية' };

type LayoutTexts = {
  /** The one title of every page: neutral, so a tab or history entry gives nothing away. */
  title: string;
  quickExit: string;
  quickExitKeyHint: string;
  /** Names the landmark around the quick-exit button. */
  quickExitRegion: string;
  skipToContent: string;
  emergency: string;
  siteName: string;
  languageNav: string;
  noStorage: string;
  safetyLink: string;
  /** Shown instead of the Shift hint on a phone or tablet, which has no Shift key. */
  quickExitTouchHint: string;
  /** The footer link L14 (webtilgængelighedsloven) asks for: "Tilgængelighedserklæring" in Danish. */
  accessibilityLink: string;
  /** The public lists of issue 14: open events (drop-in, lunch) and community meetings. */
  whatsOnLink: string;
  communityMeetingsLink: string;
  footerNav: string;
};

export const layoutTexts: Record<PageLanguage, LayoutTexts> = {
  da: {
    title: 'Information',
    quickExit: 'Luk siden hurtigt',
    quickExitKeyHint: 'Eller tryk tre gange på Shift',
    quickExitRegion: 'Hurtig udgang',
    skipToContent: 'Gå til indhold',
    emergency: 'Er du i akut fare, så ring 112.',
    siteName: 'Find hjælp',
    languageNav: 'Sprog',
    noStorage: 'Siden bruger ingen cookies og gemmer intet i din browser.',
    safetyLink: 'Sikkerhed på nettet: hvad "Luk siden hurtigt" kan og ikke kan',
    quickExitTouchHint: 'Skifter straks til en neutral side',
    accessibilityLink: 'Tilgængelighedserklæring',
    whatsOnLink: 'Hvad sker der: drop-in, frokost og andre åbne tilbud',
    communityMeetingsLink: 'Fællesskabsmøder',
    footerNav: 'Om siden',
  },
  en: {
    title: 'Information',
    quickExit: 'Leave this page',
    quickExitKeyHint: 'Or press Shift three times',
    quickExitRegion: 'Quick exit',
    skipToContent: 'Skip to content',
    emergency: 'If you are in immediate danger, call 112.',
    siteName: 'Find help',
    languageNav: 'Language',
    noStorage: 'This site uses no cookies and stores nothing in your browser.',
    safetyLink: 'Staying safe online: what "Leave this page" can and cannot do',
    quickExitTouchHint: 'Switches at once to a neutral page',
    accessibilityLink: 'Accessibility statement',
    whatsOnLink: 'What’s on: drop-in, lunch and other open activities',
    communityMeetingsLink: 'Community meetings',
    footerNav: 'About this site',
  },
  ar: {
    title: 'معلومات',
    quickExit: 'غادر الصفحة بسرعة',
    quickExitKeyHint: 'أو اضغط على مفتاح Shift ثلاث مرات',
    quickExitRegion: 'خروج سريع',
    skipToContent: 'انتقل إلى المحتوى',
    emergency: 'إذا كنت في خطر فوري، اتصل بالرقم 112.',
    siteName: 'ابحث عن مساعدة',
    languageNav: 'اللغة',
    noStorage: 'لا يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) ولا يحفظ أي شيء في متصفحك.',
    safetyLink: 'الأمان على الإنترنت: ما يستطيع زر «غادر الصفحة بسرعة» فعله وما لا يستطيعه',
    quickExitTouchHint: 'ينقلك فوراً إلى صفحة محايدة',
    accessibilityLink: 'بيان إمكانية الوصول',
    whatsOnLink: 'ما الذي يحدث: لقاءات مفتوحة ووجبات مشتركة',
    communityMeetingsLink: 'لقاءات مجتمعية',
    footerNav: 'عن الموقع',
  },
};
