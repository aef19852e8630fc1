import type { PageLanguage } from '../directory/index.ts';

/**
 * Every text of the public pages, in Danish, English and Arabic. Arabic proves the pages work right to left; the
 * services' own texts fall back to Danish where the organisation wrote no Arabic (marked as Danish in the page).
 * Wording rules: plain, calm, second person; never name violence in a page title (titles are neutral).
 */
export const textDirection: Record<PageLanguage, 'ltr' | 'rtl'> = { da: 'ltr', en: 'ltr', ar: 'rtl' };

/** Locale for dates and numbers. Arabic keeps Western digits so phone numbers and times read the same everywhere. */
export const formatLocale: Record<PageLanguage, string> = { da: 'da-DK', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** Each language named in itself, for the language switcher. */
export const languageEndonym: Record<PageLanguage, string> = { da: 'Dansk', en: 'English', ar: 'العربية' };

type Texts = {
  /** The one title of every page: neutral, so a tab or history entry gives nothing away. */
  title: string;
  quickExit: string;
  quickExitHint: string;
  /** Names the landmark around the quick-exit button. */
  quickExitRegion: string;
  skipToContent: string;
  emergency: string;
  siteName: string;
  languageNav: string;
  noStorage: string;
  startHeading: string;
  startIntro: string;
  situationsHeading: string;
  allServices: string;
  safetyLink: string;
  searchHeading: string;
  filtersHeading: string;
  situation: string;
  any: string;
  targetGroup: string;
  whereHeading: string;
  whereHint: string;
  postcode: string;
  municipality: string;
  channel: string;
  language: string;
  openNow: string;
  searchText: string;
  submit: string;
  reset: string;
  resultCount: (count: number) => string;
  noResults: string;
  postcodeInvalid: string;
  postcodeUnknown: string;
  previous: string;
  next: string;
  pageOf: (page: number, pages: number) => string;
  open24: string;
  free: string;
  anonymous: string;
  isOpenNow: string;
  isClosedNow: string;
  temporarilyClosed: string;
  howToContact: string;
  safetyTip: string;
  phone: string;
  about: string;
  openingHours: string;
  noFixedHours: string;
  who: string;
  ages: (minimum: number | null, maximum: number | null) => string;
  where: string;
  confidentialLocation: string;
  area: string;
  national: string;
  languages: string;
  waysToContact: string;
  website: string;
  email: string;
  capacity: (available: number, maximum: number | null, unit: string, date: string) => string;
  lastChecked: (date: string) => string;
  providedBy: (organisation: string) => string;
  back: string;
  onlyInDanish: string | null;
  notFoundHeading: string;
  notFoundText: string;
  safetyHeading: string;
  safetyIntro: readonly string[];
  cannotHideHeading: string;
  cannotHide: readonly string[];
  browsePrivatelyHeading: string;
  browsePrivately: readonly string[];
  /** Links to the "contact me" form (contact-pages.*) and the receipt lookup. */
  contactMe: string;
  contactMeIntro: string;
  receiptLink: string;
  askToBeContacted: string;
};

export const texts: Record<PageLanguage, Texts> = {
  da: {
    title: 'Information',
    quickExit: 'Luk siden hurtigt',
    quickExitHint: 'Eller tryk tre gange på Shift',
    quickExitRegion: 'Hurtig udgang',
    skipToContent: 'Gå til indhold',
    emergency: 'Er du i akut fare, så ring 112.',
    siteName: 'Find hjælp',
    languageNav: 'Sprog',
    noStorage: 'Siden bruger ingen cookies og gemmer intet i din browser.',
    startHeading: 'Find hjælp og rådgivning',
    startIntro: 'Her kan du finde rådgivning og hjælp, hvis vold fylder i dit liv eller i en andens. Vælg det, der passer bedst på dig.',
    situationsHeading: 'Hvad passer på dig?',
    allServices: 'Se alle tilbud',
    safetyLink: 'Sikkerhed på nettet: hvad "Luk siden hurtigt" kan og ikke kan',
    searchHeading: 'Find et tilbud',
    filtersHeading: 'Vælg, hvad der passer på dig',
    situation: 'Hvad handler det om?',
    any: 'Alle',
    targetGroup: 'Hvem er hjælpen til?',
    whereHeading: 'Hvor bor du?',
    whereHint: 'Skriv dit postnummer, eller vælg din kommune. Du kan også springe over.',
    postcode: 'Postnummer',
    municipality: 'Kommune',
    channel: 'Hvordan vil du have kontakt?',
    language: 'Sprog',
    openNow: 'Kun tilbud, der har åbent lige nu',
    searchText: 'Søg (fx navn eller by)',
    submit: 'Vis tilbud',
    reset: 'Nulstil valg',
    resultCount: (count) => (count === 1 ? '1 tilbud' : `${count} tilbud`),
    noResults: 'Ingen tilbud passer til dine valg. Prøv med færre valg.',
    postcodeInvalid: 'Skriv et postnummer med fire cifre.',
    postcodeUnknown: 'Postnummeret findes ikke blandt de danske postnumre. Vi viser derfor tilbud, der dækker hele landet.',
    previous: 'Forrige side',
    next: 'Næste side',
    pageOf: (page, pages) => `Side ${page} af ${pages}`,
    open24: 'Døgnåben',
    free: 'Gratis',
    anonymous: 'Du kan være anonym',
    isOpenNow: 'Åben nu',
    isClosedNow: 'Lukket nu',
    temporarilyClosed: 'Midlertidigt lukket',
    howToContact: 'Sådan tager du kontakt sikkert',
    safetyTip: 'Tænk over, om din telefon eller computer kan være overvåget. Brug om muligt en telefon, som den, der udøver vold, ikke har adgang til.',
    phone: 'Telefon',
    about: 'Om tilbuddet',
    openingHours: 'Åbningstider',
    noFixedHours: 'Ingen faste åbningstider.',
    who: 'Hvem kan få hjælp',
    ages: (minimum, maximum) => (minimum !== null && maximum !== null ? `Alder: ${minimum}–${maximum} år.` : minimum !== null ? `Alder: fra ${minimum} år.` : `Alder: til og med ${maximum} år.`),
    where: 'Hvor',
    confidentialLocation: 'Adressen er hemmelig af hensyn til sikkerheden. Du får den at vide, når du har talt med tilbuddet.',
    area: 'Område',
    national: 'Hele Danmark',
    languages: 'Sprog',
    waysToContact: 'Kontaktmuligheder',
    website: 'Hjemmeside',
    email: 'E-mail',
    capacity: (available, maximum, unit, date) => `Ledige ${unit}: ${available}${maximum === null ? '' : ` af ${maximum}`} (opdateret ${date}).`,
    lastChecked: (date) => `Oplysningerne er sidst tjekket ${date}.`,
    providedBy: (organisation) => `Tilbydes af ${organisation}`,
    back: 'Tilbage til søgningen',
    onlyInDanish: null,
    notFoundHeading: 'Siden findes ikke',
    notFoundText: 'Siden findes ikke, eller tilbuddet er ikke længere i oversigten.',
    safetyHeading: 'Sikkerhed på nettet',
    safetyIntro: [
      'Knappen "Luk siden hurtigt" øverst på hver side – eller tre tryk på Shift-tasten – skifter straks til en neutral side (DR’s vejrudsigt). Siden her bliver erstattet i fanens historik, så "Tilbage" ikke fører hertil.',
      'Når JavaScript er slået til, fylder siderne her kun ét punkt i fanens historik, og det punkt bliver erstattet, når du lukker siden hurtigt. Uden JavaScript virker knappen som et almindeligt link, og hver side, du har set, står i fanens historik.',
      'Siden bruger ingen cookies og gemmer intet i browserens lager. Når du lukker siden hurtigt, tømmer vi alligevel det lager, vi kan.',
    ],
    cannotHideHeading: 'Det kan "Luk siden hurtigt" ikke skjule',
    cannotHide: [
      'Browserens historik: Siderne kan stadig stå i browserens samlede historik (fx under Historik eller Ctrl+H) og dukke op som forslag, når man skriver i adresselinjen.',
      'Andre faner og vinduer: Knappen lukker kun den fane, du er i. Har du siden åben i andre faner, er de stadig åbne.',
      'En overvåget telefon eller computer: Hvis der er et overvågningsprogram på enheden, eller nogen kan se din skærm, kan de se, hvad du gør – også i et privat vindue.',
      'Synkronisering: Er din browser logget ind på en konto (fx Google eller Apple), kan historikken vises på dine andre enheder.',
      'Opkald og beskeder: Når du ringer eller skriver til et tilbud, står det i telefonens opkaldsliste og beskeder – også når samtalen er anonym.',
      'Netværket: Den, der ejer netværket (fx derhjemme eller på arbejdet), kan måske se, hvilke hjemmesider der bliver besøgt.',
    ],
    browsePrivatelyHeading: 'Sådan browser du mere privat',
    browsePrivately: [
      'Brug et privat vindue: I Chrome hedder det "Nyt inkognitovindue", i Safari og Firefox "Nyt privat vindue" og i Edge "Nyt InPrivate-vindue". Når du lukker vinduet, glemmer browseren det, du så i det.',
      'Slet kun de sider, du ikke vil have i historikken, frem for hele historikken: en tom historik kan vække mistanke.',
      'Brug om muligt en enhed, som den, der udøver vold, ikke har adgang til – fx en vens telefon eller en computer på biblioteket.',
    ],
    contactMe: 'Bliv kontaktet',
    contactMeIntro: 'Vil du hellere have, at en rådgiver ringer til dig? Fortæl, hvornår det er sikkert. Du kan være anonym.',
    receiptLink: 'Har du en kvitteringskode? Se, om vi har kontaktet dig',
    askToBeContacted: 'Bed om at blive ringet op',
  },
  en: {
    title: 'Information',
    quickExit: 'Leave this page',
    quickExitHint: 'Or press Shift three times',
    quickExitRegion: 'Quick exit',
    skipToContent: 'Skip to content',
    emergency: 'If you are in immediate danger, call 112.',
    siteName: 'Find help',
    languageNav: 'Language',
    noStorage: 'This site uses no cookies and stores nothing in your browser.',
    startHeading: 'Find help and advice',
    startIntro: 'Here you can find advice and help if violence is part of your life or someone else’s. Choose what fits you best.',
    situationsHeading: 'What fits you?',
    allServices: 'See all services',
    safetyLink: 'Staying safe online: what "Leave this page" can and cannot do',
    searchHeading: 'Find a service',
    filtersHeading: 'Choose what fits you',
    situation: 'What is it about?',
    any: 'All',
    targetGroup: 'Who is the help for?',
    whereHeading: 'Where do you live?',
    whereHint: 'Enter your postcode or choose your municipality. You can also skip this.',
    postcode: 'Postcode',
    municipality: 'Municipality',
    channel: 'How do you want to get in touch?',
    language: 'Language',
    openNow: 'Only services open right now',
    searchText: 'Search (e.g. name or town)',
    submit: 'Show services',
    reset: 'Clear choices',
    resultCount: (count) => (count === 1 ? '1 service' : `${count} services`),
    noResults: 'No services match your choices. Try fewer choices.',
    postcodeInvalid: 'Enter a four-digit postcode.',
    postcodeUnknown: 'That is not a Danish postcode, so we show services that cover all of Denmark.',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    open24: 'Open 24 hours',
    free: 'Free',
    anonymous: 'You can stay anonymous',
    isOpenNow: 'Open now',
    isClosedNow: 'Closed now',
    temporarilyClosed: 'Temporarily closed',
    howToContact: 'How to get in touch safely',
    safetyTip: 'Think about whether your phone or computer could be monitored. If you can, use a phone that the person who harms you cannot get at.',
    phone: 'Phone',
    about: 'About the service',
    openingHours: 'Opening hours',
    noFixedHours: 'No fixed opening hours.',
    who: 'Who can get help',
    ages: (minimum, maximum) => (minimum !== null && maximum !== null ? `Age: ${minimum}–${maximum}.` : minimum !== null ? `Age: ${minimum} and over.` : `Age: up to ${maximum}.`),
    where: 'Where',
    confidentialLocation: 'The address is kept secret for everyone’s safety. You will be told it after you have talked to the service.',
    area: 'Area',
    national: 'All of Denmark',
    languages: 'Languages',
    waysToContact: 'Ways to get in touch',
    website: 'Website',
    email: 'Email',
    capacity: (available, maximum, unit, date) => `Free ${unit}: ${available}${maximum === null ? '' : ` of ${maximum}`} (updated ${date}).`,
    lastChecked: (date) => `Information last checked ${date}.`,
    providedBy: (organisation) => `Provided by ${organisation}`,
    back: 'Back to search',
    onlyInDanish: null,
    notFoundHeading: 'Page not found',
    notFoundText: 'This page does not exist, or the service is no longer listed.',
    safetyHeading: 'Staying safe online',
    safetyIntro: [
      'The "Leave this page" button at the top of every page – or pressing the Shift key three times – takes you straight to a neutral page (the Danish weather forecast on DR). This page is replaced in the tab’s history, so "Back" does not return here.',
      'While JavaScript is on, these pages take up a single entry in the tab’s history, and that entry is replaced when you leave quickly. Without JavaScript the button works as an ordinary link, and every page you saw stays in the tab’s history.',
      'This site uses no cookies and stores nothing in your browser’s storage. When you leave quickly, we clear what storage we can anyway.',
    ],
    cannotHideHeading: 'What "Leave this page" cannot hide',
    cannotHide: [
      'Browser history: the pages can still appear in the browser’s full history (for example under History or Ctrl+H) and as suggestions when someone types in the address bar.',
      'Other tabs and windows: the button only leaves the tab you are in. If you have the site open in other tabs, they stay open.',
      'A monitored phone or computer: if monitoring software (stalkerware) is installed, or someone can see your screen, they can see what you do – in a private window too.',
      'Syncing: if your browser is signed in to an account (for example Google or Apple), your history may show on your other devices.',
      'Calls and messages: when you call or text a service, it shows in your phone’s call log and messages – even when the conversation is anonymous.',
      'The network: whoever runs the network (at home or at work, for example) may be able to see which websites are visited.',
    ],
    browsePrivatelyHeading: 'How to browse more privately',
    browsePrivately: [
      'Use a private window: in Chrome it is called "New Incognito window", in Safari and Firefox "New Private Window" and in Edge "New InPrivate window". When you close the window, the browser forgets what you saw in it.',
      'Delete only the pages you do not want in your history rather than all of it: an empty history can raise suspicion.',
      'If you can, use a device that the person who harms you cannot get at – a friend’s phone or a library computer, for example.',
    ],
    contactMe: 'Ask to be contacted',
    contactMeIntro: 'Would you rather have a counsellor call you? Tell us when it is safe. You can stay anonymous.',
    receiptLink: 'Have a receipt code? See whether we have contacted you',
    askToBeContacted: 'Ask to be called',
  },
  ar: {
    title: 'معلومات',
    quickExit: 'غادر الصفحة بسرعة',
    quickExitHint: 'أو اضغط على مفتاح Shift ثلاث مرات',
    quickExitRegion: 'خروج سريع',
    skipToContent: 'انتقل إلى المحتوى',
    emergency: 'إذا كنت في خطر فوري، اتصل بالرقم 112.',
    siteName: 'ابحث عن مساعدة',
    languageNav: 'اللغة',
    noStorage: 'لا يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) ولا يحفظ أي شيء في متصفحك.',
    startHeading: 'ابحث عن المساعدة والاستشارة',
    startIntro: 'هنا يمكنك العثور على الاستشارة والمساعدة إذا كان العنف جزءاً من حياتك أو من حياة شخص آخر. اختر ما يناسبك أكثر.',
    situationsHeading: 'ما الذي يناسبك؟',
    allServices: 'عرض جميع الخدمات',
    safetyLink: 'الأمان على الإنترنت: ما يستطيع زر «غادر الصفحة بسرعة» فعله وما لا يستطيعه',
    searchHeading: 'ابحث عن خدمة',
    filtersHeading: 'اختر ما يناسبك',
    situation: 'ما الموضوع؟',
    any: 'الكل',
    targetGroup: 'لمن المساعدة؟',
    whereHeading: 'أين تسكن؟',
    whereHint: 'اكتب رمزك البريدي أو اختر بلديتك. يمكنك أيضاً تخطي ذلك.',
    postcode: 'الرمز البريدي',
    municipality: 'البلدية',
    channel: 'كيف تريد التواصل؟',
    language: 'اللغة',
    openNow: 'الخدمات المفتوحة الآن فقط',
    searchText: 'بحث (مثلاً الاسم أو المدينة)',
    submit: 'عرض الخدمات',
    reset: 'مسح الاختيارات',
    resultCount: (count) => `عدد الخدمات: ${count}`,
    noResults: 'لا توجد خدمات تطابق اختياراتك. جرّب اختيارات أقل.',
    postcodeInvalid: 'اكتب رمزاً بريدياً من أربعة أرقام.',
    postcodeUnknown: 'هذا ليس رمزًا بريديًا دنماركيًا، لذلك نعرض الخدمات التي تغطي الدنمارك كلها.',
    previous: 'الصفحة السابقة',
    next: 'الصفحة التالية',
    pageOf: (page, pages) => `الصفحة ${page} من ${pages}`,
    open24: 'مفتوح على مدار الساعة',
    free: 'مجاني',
    anonymous: 'يمكنك البقاء مجهول الهوية',
    isOpenNow: 'مفتوح الآن',
    isClosedNow: 'مغلق الآن',
    temporarilyClosed: 'مغلق مؤقتاً',
    howToContact: 'كيف تتواصل بأمان',
    safetyTip: 'فكّر فيما إذا كان هاتفك أو حاسوبك مراقَباً. إن أمكن، استخدم هاتفاً لا يستطيع الشخص الذي يؤذيك الوصول إليه.',
    phone: 'الهاتف',
    about: 'عن الخدمة',
    openingHours: 'أوقات العمل',
    noFixedHours: 'لا توجد أوقات عمل ثابتة.',
    who: 'من يمكنه الحصول على المساعدة',
    ages: (minimum, maximum) => (minimum !== null && maximum !== null ? `العمر: من ${minimum} إلى ${maximum} سنة.` : minimum !== null ? `العمر: من ${minimum} سنة فما فوق.` : `العمر: حتى ${maximum} سنة.`),
    where: 'المكان',
    confidentialLocation: 'العنوان سري حفاظاً على السلامة. ستعرفه بعد أن تتحدث مع الخدمة.',
    area: 'المنطقة',
    national: 'الدنمارك كلها',
    languages: 'اللغات',
    waysToContact: 'طرق التواصل',
    website: 'الموقع الإلكتروني',
    email: 'البريد الإلكتروني',
    capacity: (available, maximum, unit, date) => `الأماكن المتاحة (${unit}): ${available}${maximum === null ? '' : ` من ${maximum}`} (آخر تحديث ${date}).`,
    lastChecked: (date) => `آخر تحقق من المعلومات: ${date}.`,
    providedBy: (organisation) => `تقدمها: ${organisation}`,
    back: 'العودة إلى البحث',
    onlyInDanish: 'هذا النص متوفر باللغة الدنماركية فقط.',
    notFoundHeading: 'الصفحة غير موجودة',
    notFoundText: 'هذه الصفحة غير موجودة، أو أن الخدمة لم تعد مدرجة.',
    safetyHeading: 'الأمان على الإنترنت',
    safetyIntro: [
      'زر «غادر الصفحة بسرعة» في أعلى كل صفحة – أو الضغط على مفتاح Shift ثلاث مرات – ينقلك فوراً إلى صفحة محايدة (توقعات الطقس على موقع DR). تُستبدل هذه الصفحة في سجل التبويب، فلا يعيدك زر «رجوع» إليها.',
      'عندما يكون JavaScript مفعّلاً، لا تشغل هذه الصفحات سوى خانة واحدة في سجل التبويب، وتُستبدل هذه الخانة عندما تغادر بسرعة. بدون JavaScript يعمل الزر كرابط عادي، وتبقى كل صفحة شاهدتها في سجل التبويب.',
      'لا يستخدم هذا الموقع ملفات تعريف الارتباط ولا يحفظ أي شيء في ذاكرة المتصفح. وعندما تغادر بسرعة نمسح مع ذلك ما نستطيع مسحه.',
    ],
    cannotHideHeading: 'ما لا يستطيع زر «غادر الصفحة بسرعة» إخفاءه',
    cannotHide: [
      'سجل المتصفح: قد تبقى الصفحات في السجل الكامل للمتصفح (مثلاً في قائمة السجل أو Ctrl+H) وقد تظهر كاقتراحات عند الكتابة في شريط العنوان.',
      'التبويبات والنوافذ الأخرى: يغلق الزر التبويب الذي أنت فيه فقط. إذا كان الموقع مفتوحاً في تبويبات أخرى فستبقى مفتوحة.',
      'هاتف أو حاسوب مراقَب: إذا كان على الجهاز برنامج مراقبة، أو كان أحد يستطيع رؤية شاشتك، فيمكنه أن يرى ما تفعله – حتى في النافذة الخاصة.',
      'المزامنة: إذا كان متصفحك مسجلاً الدخول إلى حساب (مثل Google أو Apple)، فقد يظهر السجل على أجهزتك الأخرى.',
      'المكالمات والرسائل: عندما تتصل بخدمة أو تراسلها، يظهر ذلك في سجل المكالمات والرسائل في هاتفك – حتى إذا كانت المحادثة مجهولة الهوية.',
      'الشبكة: قد يستطيع من يدير الشبكة (في البيت أو العمل مثلاً) أن يرى المواقع التي تتم زيارتها.',
    ],
    browsePrivatelyHeading: 'كيف تتصفح بخصوصية أكبر',
    browsePrivately: [
      'استخدم نافذة خاصة: في Chrome اسمها «نافذة جديدة للتصفح المتخفي»، وفي Safari وFirefox «نافذة خاصة جديدة»، وفي Edge «نافذة InPrivate جديدة». عندما تغلق النافذة ينسى المتصفح ما شاهدته فيها.',
      'احذف من السجل الصفحات التي لا تريدها فقط بدلاً من حذف السجل كله: فالسجل الفارغ قد يثير الشك.',
      'إن أمكن، استخدم جهازاً لا يستطيع الشخص الذي يؤذيك الوصول إليه – مثل هاتف صديق أو حاسوب في المكتبة.',
    ],
    contactMe: 'اطلب أن نتواصل معك',
    contactMeIntro: 'هل تفضّل أن يتصل بك مستشار؟ أخبرنا متى يكون ذلك آمناً. يمكنك البقاء مجهول الهوية.',
    receiptLink: 'هل لديك رمز إيصال؟ تحقق مما إذا كنا قد تواصلنا معك',
    askToBeContacted: 'اطلب أن يتصلوا بك',
  },
};
