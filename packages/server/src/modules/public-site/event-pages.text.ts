import type { PageLanguage } from '../directory/index.ts';

/**
 * Texts of the public open-event pages ("what's on", an event, asking for an online link), in Danish, English and
 * Arabic. The events' own titles and descriptions are written in Danish by the services and marked as Danish.
 */
type EventTexts = {
  heading: string;
  intro: string;
  description: string;
  filtersHeading: string;
  city: string;
  anyCity: string;
  onlineOnly: string;
  submit: string;
  noResults: string;
  previous: string;
  next: string;
  online: string;
  cancelled: string;
  registrationRequired: string;
  noRegistration: string;
  capacity: (count: number) => string;
  by: (organisation: string) => string;
  readMore: string;
  upcomingHeading: string;
  noUpcoming: string;
  addToCalendar: string;
  calendarHint: string;
  back: string;
  linkHeading: string;
  linkIntro: string;
  channelLegend: string;
  byEmail: string;
  bySms: string;
  addressLabel: string;
  addressHint: string;
  send: string;
  spamNote: string;
  addressInvalid: string;
  formExpired: string;
  rateLimited: string;
  errorSummaryHeading: string;
  sentHeading: string;
  sentText: string;
  serviceEventsHeading: string;
  allEvents: string;
};

export const eventTexts: Record<PageLanguage, EventTexts> = {
  da: {
    heading: 'Hvad sker der',
    intro: 'Åbne tilbud, hvor du kan komme uden at melde dig til eller sige dit navn: drop-in, fællesspisning og lignende.',
    description: 'Åbne arrangementer hos hjælpetilbud: drop-in, fællesspisning og møder på nettet.',
    filtersHeading: 'Vis kun',
    city: 'By',
    anyCity: 'Alle byer',
    onlineOnly: 'Kun på nettet',
    submit: 'Vis',
    noResults: 'Der er ingen kommende arrangementer, der passer til dit valg.',
    previous: 'Forrige side',
    next: 'Næste side',
    online: 'På nettet',
    cancelled: 'Aflyst',
    registrationRequired: 'Tilmelding nødvendig: kontakt stedet først.',
    noRegistration: 'Ingen tilmelding: du kan bare komme.',
    capacity: (count) => `Plads til ${count}.`,
    by: (organisation) => `Hos ${organisation}`,
    readMore: 'Se tider og sted',
    upcomingHeading: 'Næste gange',
    noUpcoming: 'Der er ingen kommende datoer lige nu.',
    addToCalendar: 'Føj til kalender',
    calendarHint: 'Kalenderen viser tider og sted, ikke hvem du er. Tænk over, om andre kan se din kalender.',
    back: 'Alle arrangementer',
    linkHeading: 'Få linket til mødet',
    linkIntro: 'Linket står ikke på siden. Skriv, hvor vi skal sende det, så får du det med det samme. Beskeden nævner ikke, hvad mødet handler om.',
    channelLegend: 'Send linket som',
    byEmail: 'E-mail',
    bySms: 'SMS',
    addressLabel: 'E-mailadresse eller mobilnummer',
    addressHint: 'Vi bruger den kun til at sende linket og gemmer den ikke, når beskeden er sendt.',
    send: 'Send mig linket',
    spamNote: 'For at undgå misbrug kan man kun bede om linket et par gange i timen.',
    addressInvalid: 'Skriv en gyldig e-mailadresse eller et mobilnummer på 8 cifre.',
    formExpired: 'Formularen er udløbet. Prøv igen.',
    rateLimited: 'Der er sendt for mange forespørgsler. Vent lidt, og prøv igen.',
    errorSummaryHeading: 'Der er et problem',
    sentHeading: 'Linket er på vej',
    sentText: 'Du får linket om lidt. Kommer det ikke, så tjek, at adressen eller nummeret er skrevet rigtigt, og prøv igen.',
    serviceEventsHeading: 'Kommende arrangementer',
    allEvents: 'Se alle arrangementer',
  },
  en: {
    heading: 'What’s on',
    intro: 'Open activities you can come to without signing up or giving your name: drop-in, shared lunches and similar.',
    description: 'Open activities at help services: drop-in, shared lunches and online meetings.',
    filtersHeading: 'Show only',
    city: 'City',
    anyCity: 'All cities',
    onlineOnly: 'Online only',
    submit: 'Show',
    noResults: 'There are no upcoming activities matching your choice.',
    previous: 'Previous page',
    next: 'Next page',
    online: 'Online',
    cancelled: 'Cancelled',
    registrationRequired: 'Registration needed: contact the place first.',
    noRegistration: 'No registration: just come.',
    capacity: (count) => `Room for ${count}.`,
    by: (organisation) => `At ${organisation}`,
    readMore: 'See times and place',
    upcomingHeading: 'Next dates',
    noUpcoming: 'There are no upcoming dates right now.',
    addToCalendar: 'Add to calendar',
    calendarHint: 'The calendar shows times and place, not who you are. Consider whether others can see your calendar.',
    back: 'All activities',
    linkHeading: 'Get the link to the meeting',
    linkIntro: 'The link is not on this page. Tell us where to send it and you will get it straight away. The message does not say what the meeting is about.',
    channelLegend: 'Send the link by',
    byEmail: 'E-mail',
    bySms: 'SMS',
    addressLabel: 'E-mail address or mobile number',
    addressHint: 'We only use it to send the link and do not keep it once the message is sent.',
    send: 'Send me the link',
    spamNote: 'To prevent misuse, the link can only be requested a few times an hour.',
    addressInvalid: 'Enter a valid e-mail address or an 8-digit mobile number.',
    formExpired: 'The form has expired. Please try again.',
    rateLimited: 'Too many requests were sent. Wait a little and try again.',
    errorSummaryHeading: 'There is a problem',
    sentHeading: 'The link is on its way',
    sentText: 'You will get the link shortly. If it does not arrive, check the address or number and try again.',
    serviceEventsHeading: 'Upcoming activities',
    allEvents: 'See all activities',
  },
  ar: {
    heading: 'ما الذي يحدث',
    intro: 'أنشطة مفتوحة يمكنك حضورها دون تسجيل أو ذكر اسمك: لقاءات مفتوحة، غداء مشترك وما شابه.',
    description: 'أنشطة مفتوحة لدى خدمات المساعدة: لقاءات مفتوحة، غداء مشترك ولقاءات عبر الإنترنت.',
    filtersHeading: 'اعرض فقط',
    city: 'المدينة',
    anyCity: 'كل المدن',
    onlineOnly: 'عبر الإنترنت فقط',
    submit: 'اعرض',
    noResults: 'لا توجد أنشطة قادمة تطابق اختيارك.',
    previous: 'الصفحة السابقة',
    next: 'الصفحة التالية',
    online: 'عبر الإنترنت',
    cancelled: 'ملغى',
    registrationRequired: 'التسجيل مطلوب: تواصلي مع المكان أولاً.',
    noRegistration: 'لا حاجة للتسجيل: يمكنك الحضور ببساطة.',
    capacity: (count) => `يتسع لـ ${count}.`,
    by: (organisation) => `لدى ${organisation}`,
    readMore: 'اعرض المواعيد والمكان',
    upcomingHeading: 'المواعيد القادمة',
    noUpcoming: 'لا توجد مواعيد قادمة حالياً.',
    addToCalendar: 'أضف إلى التقويم',
    calendarHint: 'يعرض التقويم المواعيد والمكان، وليس هويتك. فكّري فيما إذا كان بإمكان الآخرين رؤية تقويمك.',
    back: 'كل الأنشطة',
    linkHeading: 'احصلي على رابط اللقاء',
    linkIntro: 'الرابط غير موجود في هذه الصفحة. اكتبي أين نرسله وستحصلين عليه فوراً. الرسالة لا تذكر موضوع اللقاء.',
    channelLegend: 'أرسل الرابط عبر',
    byEmail: 'البريد الإلكتروني',
    bySms: 'رسالة نصية',
    addressLabel: 'البريد الإلكتروني أو رقم الجوال',
    addressHint: 'نستخدمه فقط لإرسال الرابط ولا نحتفظ به بعد إرسال الرسالة.',
    send: 'أرسل لي الرابط',
    spamNote: 'لمنع إساءة الاستخدام، لا يمكن طلب الرابط إلا بضع مرات في الساعة.',
    addressInvalid: 'اكتبي بريداً إلكترونياً صحيحاً أو رقم جوال من 8 أرقام.',
    formExpired: 'انتهت صلاحية النموذج. حاولي مرة أخرى.',
    rateLimited: 'تم إرسال طلبات كثيرة جداً. انتظري قليلاً ثم حاولي مرة أخرى.',
    errorSummaryHeading: 'هناك مشكلة',
    sentHeading: 'الرابط في الطريق',
    sentText: 'ستحصلين على الرابط قريباً. إذا لم يصل، تحققي من العنوان أو الرقم وحاولي مرة أخرى.',
    serviceEventsHeading: 'الأنشطة القادمة',
    allEvents: 'اعرض كل الأنشطة',
  },
};
