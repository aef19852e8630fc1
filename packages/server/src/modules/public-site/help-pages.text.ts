import { labelsIn, serviceBadgeLabel, type ServiceBadge } from '@bro/domain';
import type { PageLanguage } from '../directory/index.ts';
import { html, type SafeHtml } from '../../platform/html.ts';

/**
 * Texts of the help search and the service pages, in Danish, English and Arabic. The services' own texts fall back
 * to Danish where the organisation wrote no Arabic (marked as Danish in the page).
 */

/** The badges' words come from the directory's vocabulary, shared with the staff app's preview of these pages. */
type HelpTexts = Record<ServiceBadge, string> & {
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
  /** The organisation's name comes marked up (Danish inside an Arabic page): see `organisationNameIn`. */
  providedBy: (organisation: SafeHtml) => SafeHtml;
  back: string;
  onlyInDanish: string | null;
  askToBeContacted: string;
  /** For search engines (meta description); a service page uses its own description where there is one. */
  searchDescription: string;
};

export const helpTexts: Record<PageLanguage, HelpTexts> = {
  da: {
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
    ...labelsIn(serviceBadgeLabel, 'da'),
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
    providedBy: (organisation) => html`Tilbydes af ${organisation}`,
    back: 'Tilbage til søgningen',
    onlyInDanish: null,
    askToBeContacted: 'Bed om at blive ringet op',
    searchDescription: 'Find krisecentre, rådgivning og behandling ved vold i nære relationer. Søg efter situation, område, sprog og kontaktform.',
  },
  en: {
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
    ...labelsIn(serviceBadgeLabel, 'en'),
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
    providedBy: (organisation) => html`Provided by ${organisation}`,
    back: 'Back to search',
    onlyInDanish: null,
    askToBeContacted: 'Ask to be called',
    searchDescription: 'Find shelters, counselling and treatment for violence in close relationships. Search by situation, area, language and how to get in touch.',
  },
  ar: {
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
    ...labelsIn(serviceBadgeLabel, 'ar'),
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
    providedBy: (organisation) => html`تقدمها: ${organisation}`,
    back: 'العودة إلى البحث',
    onlyInDanish: 'هذا النص متوفر باللغة الدنماركية فقط.',
    askToBeContacted: 'اطلب أن يتصلوا بك',
    searchDescription: 'ابحث عن مراكز الإيواء والاستشارة والعلاج في حالات العنف في العلاقات القريبة، حسب الوضع والمنطقة واللغة وطريقة التواصل.',
  },
};
