import type { PageLanguage } from '../directory/index.ts';

/**
 * The accessibility statement (tilgængelighedserklæring) that webtilgængelighedsloven requires, in Danish, English
 * and Arabic, with the parts of Digitaliseringsstyrelsen's model (after the EU model statement, decision 2018/1523):
 * scope, conformance status, what is not accessible or not yet tested, how the statement was made and when,
 * feedback and contact, and the enforcement procedure. Update it when the pages change, and at least once a year.
 */

/** The day the statement was prepared (and last reviewed). */
export const STATEMENT_DATE = new Date('2026-12-07T12:00:00Z');

/** Digitaliseringsstyrelsen's page for people who meet inaccessible content, and its phone line for such reports. */
export const DIGST_COMPLAINT_URL = 'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';
export const DIGST_PHONE = '20 16 36 12';

type AccessibilityTexts = {
  heading: string;
  /** For search engines (meta description). */
  description: string;
  intro: (host: string) => string;
  scope: string;
  statusHeading: string;
  status: string;
  notAccessibleHeading: string;
  nonConformities: readonly string[];
  notTestedHeading: string;
  notTested: readonly string[];
  preparationHeading: string;
  preparation: (date: string) => readonly string[];
  feedbackHeading: string;
  feedbackIntro: string;
  email: string;
  phone: string;
  /** Said when the operator has not yet configured a contact: the statement is then incomplete, and says so. */
  noContact: string;
  notForHelp: string;
  enforcementHeading: string;
  enforcement: readonly string[];
  digstLink: string;
  digstPhone: string;
};

export const accessibilityTexts: Record<PageLanguage, AccessibilityTexts> = {
  da: {
    // Soft hyphens (\u00AD): on a phone these long words break where a Dane would, not anywhere.
    heading: 'Tilgængeligheds\u00ADerklæring',
    description: 'Tilgængelighedserklæring for de offentlige sider: hvordan de lever op til WCAG 2.1 AA, hvad der endnu ikke er testet, og hvordan du giver besked eller klager.',
    intro: (host) =>
      `Vi ønsker, at alle kan bruge ${host}, uanset funktionsnedsættelse. Erklæringen beskriver, hvordan webstedet lever op til lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).`,
    scope:
      'Erklæringen gælder de offentlige sider: forsiden, søgningen efter hjælp og tilbuddenes sider, "Bliv kontaktet" og kvitteringssiden, kampagnesiderne og siden om sikkerhed på nettet – på dansk, engelsk og arabisk. Medarbejdersystemet under /medarbejder/ er ikke omfattet.',
    statusHeading: 'Overholdelsesstatus',
    status:
      'Webstedet er delvist i overensstemmelse med den europæiske standard EN 301 549 og dermed WCAG 2.1 niveau A og AA. Det skyldes de forhold, der er nævnt nedenfor, og at webstedet endnu ikke er gennemgået af en uafhængig ekspert.',
    notAccessibleHeading: 'Indhold, der ikke er tilgængeligt',
    nonConformities: [
      'Kampagnevideoer lægges op af organisationerne selv. En video kan mangle undertekster (WCAG 1.2.2) og synstolkning eller en tekstudgave (WCAG 1.2.3 og 1.2.5). Vi viser undertekster, når organisationen har lagt dem op.',
      'Links til videoer på andre websteder fører til sider, vi ikke har ansvar for, og som ikke er omfattet af denne erklæring.',
    ],
    notTestedHeading: 'Det har vi ikke testet endnu',
    notTested: [
      'Siderne er ikke testet med skærmlæsere (fx JAWS, NVDA, VoiceOver og TalkBack) eller af brugere med funktionsnedsættelser.',
      'Siderne er ikke testet med ændret tekstafstand (WCAG 1.4.12), i Windows’ kontrasttilstand eller med talestyring.',
      'Automatiske test finder kun en del af de mulige problemer. Der kan derfor være fejl, vi ikke kender.',
    ],
    preparationHeading: 'Sådan er erklæringen udarbejdet',
    preparation: (date) => [
      `Erklæringen blev udarbejdet den ${date} på grundlag af en selvevaluering foretaget af dem, der udvikler webstedet.`,
      'Alle offentlige sider testes automatisk med axe-core (reglerne for WCAG 2.1 A og AA) i browseren Chromium, på dansk, engelsk og arabisk og både i en skærmbredde som en computers (1280 pixel) og som en telefons (390 pixel). Testene måler også, at de vigtigste knapper og links (opkald, send, sprog og "Luk siden hurtigt") er mindst 44 × 44 pixel, og at ingen side skal rulles vandret i 320 og 390 pixels bredde.',
      'At "Luk siden hurtigt" er det første, man når med tabulatortasten, at den virker med tastaturet, og at de arabiske sider læses fra højre mod venstre, kontrolleres i de samme test. Siderne er gennemset i begge skærmbredder.',
      `Erklæringen er senest gennemgået den ${date}.`,
    ],
    feedbackHeading: 'Feedback og kontaktoplysninger',
    feedbackIntro: 'Oplever du problemer med tilgængeligheden, eller har du brug for indholdet i en anden form, så kontakt os:',
    email: 'E-mail',
    phone: 'Telefon',
    noContact:
      'Den organisation, der driver webstedet, har endnu ikke oplyst en e-mail og et telefonnummer til spørgsmål om tilgængelighed. Det er en mangel ved erklæringen. Indtil da kan du henvende dig direkte til Digitaliseringsstyrelsen (se nedenfor).',
    notForHelp: 'Kontakten her er kun til spørgsmål om tilgængelighed. Har du brug for hjælp, så ring til hotlinen 1888 (døgnåben). Er du i akut fare, så ring 112.',
    enforcementHeading: 'Håndhævelses\u00ADprocedure',
    enforcement: [
      'Digitaliseringsstyrelsen fører tilsyn med, at offentlige myndigheder og offentligretlige organer overholder webtilgængelighedsloven.',
      'Kontakt først os. Får du ikke svar inden for 10 arbejdsdage, eller er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen.',
    ],
    digstLink: 'Sådan klager du til Digitaliseringsstyrelsen (digst.dk)',
    digstPhone: 'Digitaliseringsstyrelsens telefon til henvendelser om tilgængelighed',
  },
  en: {
    heading: 'Accessibility statement',
    description: 'Accessibility statement for the public pages: how they meet WCAG 2.1 AA, what has not been tested yet, and how to report a problem or complain.',
    intro: (host) =>
      `We want everyone to be able to use ${host}, whatever their disability. This statement describes how the site meets the Danish act on the accessibility of public sector websites and mobile applications (webtilgængelighedsloven).`,
    scope:
      'It covers the public pages: the front page, the help search and the services’ pages, "Ask to be contacted" and the receipt page, the campaign pages and the page on staying safe online – in Danish, English and Arabic. The staff system under /medarbejder/ is not covered.',
    statusHeading: 'Compliance status',
    status:
      'This site is partially compliant with the European standard EN 301 549 and so with WCAG 2.1 levels A and AA, because of the issues listed below and because it has not yet been reviewed by an independent expert.',
    notAccessibleHeading: 'Content that is not accessible',
    nonConformities: [
      'Campaign videos are uploaded by the organisations themselves. A video may lack captions (WCAG 1.2.2) and audio description or a text version (WCAG 1.2.3 and 1.2.5). We show captions when the organisation has uploaded them.',
      'Links to videos on other websites lead to pages we are not responsible for, which this statement does not cover.',
    ],
    notTestedHeading: 'What we have not tested yet',
    notTested: [
      'The pages have not been tested with screen readers (such as JAWS, NVDA, VoiceOver and TalkBack) or by disabled users.',
      'The pages have not been tested with changed text spacing (WCAG 1.4.12), in Windows contrast themes or with voice control.',
      'Automated tests find only some of the possible problems, so there may be issues we do not know about.',
    ],
    preparationHeading: 'How this statement was prepared',
    preparation: (date) => [
      `This statement was prepared on ${date}, based on a self-assessment by the people who develop the site.`,
      'Every public page is tested automatically with axe-core (the WCAG 2.1 A and AA rules) in the Chromium browser, in Danish, English and Arabic, at the width of a computer screen (1280 pixels) and of a phone (390 pixels). The tests also measure that the main buttons and links (call, send, language and "Leave this page") are at least 44 × 44 pixels, and that no page scrolls sideways at 320 and 390 pixels wide.',
      '"Leave this page" being the first thing the Tab key reaches and working from the keyboard, and the Arabic pages reading right to left, are checked in the same tests. The pages have been looked through at both widths.',
      `The statement was last reviewed on ${date}.`,
    ],
    feedbackHeading: 'Feedback and contact information',
    feedbackIntro: 'If you meet an accessibility problem, or need the content in another form, contact us:',
    email: 'Email',
    phone: 'Phone',
    noContact:
      'The organisation running this site has not yet given an email address and a phone number for accessibility questions. That is a shortcoming of this statement. Until then, you can contact the Danish Agency for Digital Government directly (see below).',
    notForHelp: 'This contact is only for accessibility questions. If you need help, call the 1888 hotline (open 24 hours). If you are in immediate danger, call 112.',
    enforcementHeading: 'Enforcement procedure',
    enforcement: [
      'The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises that public bodies comply with the act.',
      'Contact us first. If you get no answer within 10 working days, or are not satisfied with the answer, you can complain to the Agency.',
    ],
    digstLink: 'How to complain to the Agency for Digital Government (digst.dk, in Danish)',
    digstPhone: 'The Agency’s phone line for accessibility reports',
  },
  ar: {
    heading: 'بيان إمكانية الوصول',
    description: 'بيان إمكانية الوصول للصفحات العامة: مدى توافقها مع WCAG 2.1 AA، وما لم يُختبر بعد، وكيف تبلغ عن مشكلة أو تقدّم شكوى.',
    intro: (host) =>
      `نريد أن يتمكن الجميع من استخدام ${host} بغض النظر عن أي إعاقة. يصف هذا البيان مدى توافق الموقع مع القانون الدنماركي بشأن إمكانية الوصول إلى المواقع الإلكترونية وتطبيقات الهاتف للجهات العامة (webtilgængelighedsloven).`,
    scope:
      'يشمل البيان الصفحات العامة: الصفحة الرئيسية، والبحث عن المساعدة وصفحات الخدمات، و«اطلب أن نتواصل معك» وصفحة الإيصال، وصفحات الحملات، وصفحة الأمان على الإنترنت – بالدنماركية والإنجليزية والعربية. ولا يشمل نظام الموظفين تحت ‎/medarbejder/‎.',
    statusHeading: 'حالة التوافق',
    status:
      'الموقع متوافق جزئياً مع المعيار الأوروبي EN 301 549، وبالتالي مع WCAG 2.1 بالمستويين A وAA، بسبب المسائل المذكورة أدناه، ولأن خبيراً مستقلاً لم يراجعه بعد.',
    notAccessibleHeading: 'محتوى غير متاح',
    nonConformities: [
      'ترفع المنظمات مقاطع فيديو الحملات بنفسها. قد يفتقر المقطع إلى ترجمة مكتوبة (WCAG 1.2.2) وإلى وصف صوتي أو نسخة نصية (WCAG 1.2.3 و1.2.5). نعرض الترجمة المكتوبة عندما ترفعها المنظمة.',
      'تؤدي روابط الفيديو على مواقع أخرى إلى صفحات لسنا مسؤولين عنها ولا يشملها هذا البيان.',
    ],
    notTestedHeading: 'ما لم نختبره بعد',
    notTested: [
      'لم تُختبر الصفحات باستخدام قارئات الشاشة (مثل JAWS وNVDA وVoiceOver وTalkBack) ولا من قبل مستخدمين ذوي إعاقة.',
      'لم تُختبر الصفحات مع تغيير تباعد النص (WCAG 1.4.12) ولا في وضع التباين في Windows ولا مع التحكم الصوتي.',
      'لا تكتشف الاختبارات الآلية إلا جزءاً من المشكلات الممكنة، لذلك قد توجد أخطاء لا نعرفها.',
    ],
    preparationHeading: 'كيف أُعدّ هذا البيان',
    preparation: (date) => [
      `أُعدّ هذا البيان في ${date} على أساس تقييم ذاتي أجراه مطورو الموقع.`,
      'تُختبر كل الصفحات العامة آلياً باستخدام axe-core (قواعد WCAG 2.1 بالمستويين A وAA) في متصفح Chromium، بالدنماركية والإنجليزية والعربية، بعرض شاشة حاسوب (1280 بكسل) وعرض هاتف (390 بكسل). وتقيس الاختبارات أيضاً أن الأزرار والروابط الرئيسية (الاتصال والإرسال واللغة و«غادر الصفحة بسرعة») لا تقل عن 44 × 44 بكسل، وأن أي صفحة لا تحتاج إلى تمرير أفقي بعرض 320 و390 بكسل.',
      'ويُتحقق في الاختبارات نفسها من أن «غادر الصفحة بسرعة» هو أول ما يصل إليه مفتاح Tab وأنه يعمل من لوحة المفاتيح، ومن أن الصفحات العربية تُقرأ من اليمين إلى اليسار. وقد رُوجعت الصفحات بكلا العرضين.',
      `رُوجع البيان آخر مرة في ${date}.`,
    ],
    feedbackHeading: 'الملاحظات ومعلومات الاتصال',
    feedbackIntro: 'إذا واجهت مشكلة في إمكانية الوصول، أو احتجت إلى المحتوى بشكل آخر، فتواصل معنا:',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    noContact:
      'لم تقدّم المنظمة التي تدير الموقع بعدُ بريداً إلكترونياً ورقم هاتف للأسئلة المتعلقة بإمكانية الوصول. وهذا نقص في البيان. وإلى ذلك الحين يمكنك التواصل مباشرة مع هيئة الرقمنة الدنماركية (انظر أدناه).',
    notForHelp: 'هذا الاتصال مخصص لأسئلة إمكانية الوصول فقط. إذا كنت بحاجة إلى مساعدة، فاتصل بالخط الساخن 1888 (مفتوح على مدار الساعة). إذا كنت في خطر فوري، فاتصل بالرقم 112.',
    enforcementHeading: 'إجراءات الإنفاذ',
    enforcement: [
      'تشرف هيئة الرقمنة الدنماركية (Digitaliseringsstyrelsen) على التزام الجهات العامة بالقانون.',
      'تواصل معنا أولاً. إذا لم تحصل على رد خلال 10 أيام عمل، أو لم تكن راضياً عن الرد، يمكنك تقديم شكوى إلى الهيئة.',
    ],
    digstLink: 'كيف تقدّم شكوى إلى هيئة الرقمنة (digst.dk، بالدنماركية)',
    digstPhone: 'هاتف الهيئة للبلاغات المتعلقة بإمكانية الوصول',
  },
};
