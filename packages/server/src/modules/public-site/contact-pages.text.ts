import { TEXT_PROBLEMS, type HeardAbout, type PersonRole, type ReceiptStatus, type SelfReferralField, type TextProblem } from '@bro/domain';
import type { PageLanguage } from '../directory/index.ts';
import { html, type SafeHtml } from '../../platform/html.ts';

/**
 * Texts of the "contact me" form, its receipt and the receipt lookup, in Danish, English and Arabic. Same rules as
 * help-pages.text.ts: plain, calm, second person, and honest about what the receipt code can and cannot hide.
 */

/** Languages a person can ask to be called in, each named in itself (the page's own language comes first). */
export const contactLanguages: readonly { code: string; endonym: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'da', endonym: 'Dansk', dir: 'ltr' },
  { code: 'en', endonym: 'English', dir: 'ltr' },
  { code: 'ar', endonym: 'العربية', dir: 'rtl' },
  { code: 'de', endonym: 'Deutsch', dir: 'ltr' },
  { code: 'pl', endonym: 'Polski', dir: 'ltr' },
  { code: 'uk', endonym: 'Українська', dir: 'ltr' },
  { code: 'tr', endonym: 'Türkçe', dir: 'ltr' },
  { code: 'so', endonym: 'Soomaali', dir: 'ltr' },
  { code: 'fa', endonym: 'فارسی', dir: 'rtl' },
  { code: 'ur', endonym: 'اردو', dir: 'rtl' },
];

type ErrorCode = 'required' | 'phone_format' | 'too_long' | 'unknown_service' | 'service_line' | 'no_hotline' | 'language_format';

type ContactTexts = {
  /** For search engines (meta description) of the form and of the receipt lookup. */
  contactDescription: string;
  lookupDescription: string;
  contactHeading: string;
  contactIntro: string;
  errorSummaryHeading: string;
  roleLegend: string;
  roles: Record<PersonRole, string>;
  howLegend: string;
  phoneLabel: string;
  phoneHint: string;
  smsLegend: string;
  voicemailLegend: string;
  yes: string;
  no: string;
  safeTimesLabel: string;
  safeTimesHint: string;
  languageLabel: string;
  aboutYouLegend: string;
  nameLabel: string;
  nameHint: string;
  aboutLabel: string;
  aboutHint: string;
  serviceLegend: string;
  serviceHint: string;
  hotlineChoice: string;
  hotlineChoiceHint: (organisation: SafeHtml) => SafeHtml;
  serviceNotTakingRequests: string;
  heardAboutLabel: string;
  heardAbout: Record<HeardAbout, string>;
  consentLegend: string;
  consentLabel: string;
  spamNote: string;
  submit: string;
  waiting: string;
  whatWeStore: string;
  haveCode: string;
  fieldErrors: Record<SelfReferralField, Partial<Record<ErrorCode, string>>>;
  /** Characters a field may not hold (the shared text check), the same for every field. */
  textProblems: Record<TextProblem, string>;
  formExpired: string;
  rateLimited: string;
  tooLarge: string;
  receiptHeading: string;
  receiptIntro: string;
  receiptCodeHeading: string;
  receiptCodeHelp: string;
  receiptWarning: string;
  lookupLink: string;
  lookupHeading: string;
  lookupIntro: string;
  lookupWarning: string;
  codeLabel: string;
  codeHint: string;
  lookupSubmit: string;
  statusHeading: string;
  status: Record<ReceiptStatus, string>;
  notFound: string;
  codeFormat: string;
  lookupRateLimited: string;
  newRequest: string;
};

export const contactTexts: Record<PageLanguage, ContactTexts> = {
  da: {
    contactDescription: 'Bed om at blive ringet op af en rådgiver på et tidspunkt, der er sikkert for dig. Du kan være anonym.',
    lookupDescription: 'Se med din kvitteringskode, om en rådgiver har kontaktet dig.',
    contactHeading: 'Bliv kontaktet',
    contactIntro: 'Fortæl, hvordan og hvornår vi trygt kan kontakte dig. En rådgiver ringer dig op. Du behøver ikke skrive dit navn.',
    errorSummaryHeading: 'Der er noget, du skal rette',
    roleLegend: 'Hvad handler det om?',
    roles: { exposed: 'Jeg er udsat for vold', uses_violence: 'Jeg udøver vold og vil stoppe', both: 'Begge dele, eller jeg er i tvivl' },
    howLegend: 'Hvordan og hvornår må vi kontakte dig?',
    phoneLabel: 'Telefonnummer',
    phoneHint: 'Brug helst et nummer, som kun du har adgang til.',
    smsLegend: 'Må vi sende dig en sms?',
    voicemailLegend: 'Må vi lægge en besked på din telefonsvarer?',
    yes: 'Ja',
    no: 'Nej',
    safeTimesLabel: 'Hvornår er det sikkert at ringe?',
    safeTimesHint: 'Fx "hverdage kl. 9–12". Skriv også, hvornår vi ikke må ringe.',
    languageLabel: 'Hvilket sprog vil du tale?',
    aboutYouLegend: 'Om dig (frivilligt)',
    nameLabel: 'Fornavn eller et andet navn, vi må kalde dig',
    nameHint: 'Du kan være anonym. Skriv ikke dit efternavn eller CPR-nummer.',
    aboutLabel: 'Hvad vil du gerne tale om?',
    aboutHint: 'Skriv kort, højst 1000 tegn. Teksten gemmes krypteret og læses kun af den rådgivning, du vælger.',
    serviceLegend: 'Hvem skal kontakte dig?',
    serviceHint: 'Er du i tvivl, så lad hotlinen vælge. De kan sende din henvendelse videre, hvis du siger ja til det.',
    hotlineChoice: 'Lad hotlinen vælge for mig',
    hotlineChoiceHint: (organisation) => html`${organisation}s hotline kontakter dig og hjælper dig videre.`,
    serviceNotTakingRequests: 'Det tilbud, du kom fra, kan ikke kontaktes med denne formular. Vælg et andet, eller lad hotlinen vælge.',
    heardAboutLabel: 'Hvordan hørte du om os? (frivilligt)',
    heardAbout: {
      from_campaign: 'Fra en kampagne',
      from_friend: 'Fra en ven eller et familiemedlem',
      from_police: 'Fra politiet',
      from_municipality: 'Fra kommunen',
      from_professional: 'Fra en anden fagperson',
      searched_online: 'Jeg søgte på nettet',
      other: 'På en anden måde',
      not_said: 'Vil ikke svare',
    },
    consentLegend: 'Dit samtykke',
    consentLabel: 'Jeg giver lov til, at den rådgivning, jeg har valgt, får oplysningerne ovenfor og kontakter mig som beskrevet. Jeg kan altid sige fra.',
    spamNote: 'For at holde spam væk laver formularen en lille beregning i din browser. Er JavaScript slået fra, virker formularen stadig, men så kan der sendes færre henvendelser fra samme netværk.',
    submit: 'Send',
    waiting: 'Et øjeblik …',
    whatWeStore: 'Vi gemmer kun det, du skriver her, og kun hos den rådgivning, du vælger. Siden bruger ingen cookies.',
    haveCode: 'Har du allerede sendt en henvendelse? Se, om vi har kontaktet dig',
    textProblems: {
      unsafe_character: 'Feltet indeholder tegn, vi ikke kan gemme, fx usynlige styretegn. Skriv teksten igen.',
      single_line: 'Skriv det på én linje.',
      zero_width_character: 'Feltet indeholder usynlige tegn. Skriv det igen uden at kopiere det ind.',
    },
    fieldErrors: {
      role: { required: 'Vælg, hvad henvendelsen handler om.' },
      name: { too_long: 'Skriv højst 60 tegn.' },
      phone: { required: 'Skriv det telefonnummer, vi må ringe til.', phone_format: 'Skriv telefonnummeret med cifre, fx 20 30 40 50.' },
      smsAllowed: { required: 'Vælg, om vi må sende en sms.' },
      voicemailAllowed: { required: 'Vælg, om vi må lægge en besked.' },
      safeTimes: { required: 'Skriv, hvornår det er sikkert at ringe.', too_long: 'Skriv højst 200 tegn.' },
      language: { required: 'Vælg et sprog.', language_format: 'Vælg et sprog på listen.' },
      about: { too_long: 'Skriv højst 1000 tegn.' },
      service: {
        required: 'Vælg, hvem der skal kontakte dig.',
        unknown_service: 'Vælg et tilbud på listen.',
        service_line: 'Det tilbud hjælper ikke med det, du har valgt ovenfor. Vælg et andet, eller lad hotlinen vælge.',
        no_hotline: 'Hotlinen kan ikke vælges lige nu. Vælg et tilbud på listen.',
      },
      heardAbout: {},
      consent: { required: 'Sæt kryds, hvis du vil kontaktes. Uden dit samtykke kan vi ikke sende henvendelsen.' },
    },
    formExpired: 'Formularen var for gammel. Dine svar er her stadig: tjek dem, og send igen.',
    rateLimited: 'Der er sendt mange henvendelser fra dit netværk på kort tid. Dine svar er her stadig. Prøv igen senere.',
    tooLarge: 'Teksten er for lang. Gå tilbage, gør teksten kortere, og send igen.',
    receiptHeading: 'Tak. Vi har modtaget din henvendelse',
    receiptIntro: 'En rådgiver kontakter dig på det telefonnummer, du skrev, på de tidspunkter, du skrev er sikre.',
    receiptCodeHeading: 'Din kvitteringskode',
    receiptCodeHelp: 'Med koden kan du senere se, om vi har kontaktet dig. Koden viser kun det – aldrig hvad du skrev.',
    receiptWarning: 'Alle, der har koden, kan se det samme. Skriv den kun ned et sted, som andre ikke kan finde. Du behøver ikke gemme den.',
    lookupLink: 'Se status med din kode',
    lookupHeading: 'Er jeg blevet kontaktet?',
    lookupIntro: 'Skriv den kvitteringskode, du fik, da du sendte din henvendelse.',
    lookupWarning: 'Alle, der har koden, kan se det samme som du. Siden viser kun, om vi har kontaktet dig – aldrig hvad du skrev, dit navn eller hvad der blev sagt.',
    codeLabel: 'Kvitteringskode',
    codeHint: '10 tegn, fx K7QM-P3XD-9T.',
    lookupSubmit: 'Se status',
    statusHeading: 'Status',
    status: {
      received: 'Vi har modtaget din henvendelse. Ingen har kontaktet dig endnu.',
      tried_to_reach: 'En rådgiver har forsøgt at kontakte dig.',
      contacted: 'Du er blevet kontaktet.',
      closed: 'Henvendelsen er afsluttet. Har du stadig brug for hjælp, kan du sende en ny.',
    },
    notFound: 'Vi kan ikke finde en henvendelse med den kode. Tjek, at du har skrevet den rigtigt.',
    codeFormat: 'Koden har 10 tegn, fx K7QM-P3XD-9T.',
    lookupRateLimited: 'Der er prøvet mange koder fra dit netværk på kort tid. Prøv igen senere.',
    newRequest: 'Send en ny henvendelse',
  },
  en: {
    contactDescription: 'Ask a counsellor to call you at a time that is safe for you. You can stay anonymous.',
    lookupDescription: 'See with your receipt code whether a counsellor has contacted you.',
    contactHeading: 'Ask to be contacted',
    contactIntro: 'Tell us how and when we can contact you safely. A counsellor will call you. You do not have to give your name.',
    errorSummaryHeading: 'There is something to correct',
    roleLegend: 'What is it about?',
    roles: { exposed: 'I am experiencing violence', uses_violence: 'I use violence and want to stop', both: 'Both, or I am not sure' },
    howLegend: 'How and when may we contact you?',
    phoneLabel: 'Phone number',
    phoneHint: 'If you can, use a number that only you have access to.',
    smsLegend: 'May we send you a text message?',
    voicemailLegend: 'May we leave a voicemail?',
    yes: 'Yes',
    no: 'No',
    safeTimesLabel: 'When is it safe to call?',
    safeTimesHint: 'For example "weekdays 9–12". Also write when we must not call.',
    languageLabel: 'Which language do you want to speak?',
    aboutYouLegend: 'About you (optional)',
    nameLabel: 'First name, or another name we may call you',
    nameHint: 'You can stay anonymous. Do not write your surname or CPR number.',
    aboutLabel: 'What would you like to talk about?',
    aboutHint: 'Keep it short, at most 1000 characters. It is stored encrypted and read only by the service you choose.',
    serviceLegend: 'Who should contact you?',
    serviceHint: 'If you are not sure, let the hotline choose. They can pass your request on if you agree.',
    hotlineChoice: 'Let the hotline choose for me',
    hotlineChoiceHint: (organisation) => html`The hotline of ${organisation} will contact you and help you further.`,
    serviceNotTakingRequests: 'The service you came from cannot be contacted with this form. Choose another, or let the hotline choose.',
    heardAboutLabel: 'How did you hear about us? (optional)',
    heardAbout: {
      from_campaign: 'From a campaign',
      from_friend: 'From a friend or family member',
      from_police: 'From the police',
      from_municipality: 'From the municipality',
      from_professional: 'From another professional',
      searched_online: 'I searched online',
      other: 'Some other way',
      not_said: 'I would rather not say',
    },
    consentLegend: 'Your consent',
    consentLabel: 'I agree that the service I chose receives the details above and contacts me as described. I can always say no later.',
    spamNote: 'To keep spam out, the form does a small calculation in your browser. With JavaScript turned off the form still works, but fewer requests can then be sent from the same network.',
    submit: 'Send',
    waiting: 'One moment …',
    whatWeStore: 'We store only what you write here, and only with the service you choose. This site uses no cookies.',
    haveCode: 'Already sent a request? See whether we have contacted you',
    textProblems: {
      unsafe_character: 'This field contains characters we cannot store, such as invisible control characters. Please type the text again.',
      single_line: 'Please write it on one line.',
      zero_width_character: 'This field contains invisible characters. Please type it again rather than pasting it.',
    },
    fieldErrors: {
      role: { required: 'Choose what your request is about.' },
      name: { too_long: 'Write at most 60 characters.' },
      phone: { required: 'Enter the phone number we may call.', phone_format: 'Enter the phone number in digits, for example 20 30 40 50.' },
      smsAllowed: { required: 'Choose whether we may send a text message.' },
      voicemailAllowed: { required: 'Choose whether we may leave a voicemail.' },
      safeTimes: { required: 'Write when it is safe to call.', too_long: 'Write at most 200 characters.' },
      language: { required: 'Choose a language.', language_format: 'Choose a language from the list.' },
      about: { too_long: 'Write at most 1000 characters.' },
      service: {
        required: 'Choose who should contact you.',
        unknown_service: 'Choose a service from the list.',
        service_line: 'That service does not help with what you chose above. Choose another, or let the hotline choose.',
        no_hotline: 'The hotline cannot be chosen right now. Choose a service from the list.',
      },
      heardAbout: {},
      consent: { required: 'Tick the box if you want to be contacted. Without your consent we cannot send the request.' },
    },
    formExpired: 'The form was too old. Your answers are still here: check them and send again.',
    rateLimited: 'Many requests have been sent from your network in a short time. Your answers are still here. Please try again later.',
    tooLarge: 'The text is too long. Go back, shorten it and send again.',
    receiptHeading: 'Thank you. We have received your request',
    receiptIntro: 'A counsellor will contact you on the phone number you gave, at the times you said are safe.',
    receiptCodeHeading: 'Your receipt code',
    receiptCodeHelp: 'With the code you can later see whether we have contacted you. The code shows only that – never what you wrote.',
    receiptWarning: 'Anyone who has the code can see the same. Only write it down somewhere others cannot find it. You do not have to keep it.',
    lookupLink: 'See the status with your code',
    lookupHeading: 'Have I been contacted?',
    lookupIntro: 'Enter the receipt code you were given when you sent your request.',
    lookupWarning: 'Anyone who has the code sees the same as you. This page only shows whether we have contacted you – never what you wrote, your name or what was said.',
    codeLabel: 'Receipt code',
    codeHint: '10 characters, for example K7QM-P3XD-9T.',
    lookupSubmit: 'See status',
    statusHeading: 'Status',
    status: {
      received: 'We have received your request. Nobody has contacted you yet.',
      tried_to_reach: 'A counsellor has tried to contact you.',
      contacted: 'You have been contacted.',
      closed: 'The request is closed. If you still need help, you can send a new one.',
    },
    notFound: 'We cannot find a request with that code. Check that you typed it correctly.',
    codeFormat: 'The code has 10 characters, for example K7QM-P3XD-9T.',
    lookupRateLimited: 'Many codes have been tried from your network in a short time. Please try again later.',
    newRequest: 'Send a new request',
  },
  ar: {
    contactDescription: 'اطلب أن يتصل بك مستشار في وقت آمن بالنسبة لك. يمكنك البقاء مجهول الهوية.',
    lookupDescription: 'تحقق باستخدام رمز الإيصال مما إذا كان مستشار قد تواصل معك.',
    contactHeading: 'اطلب أن نتواصل معك',
    contactIntro: 'أخبرنا كيف ومتى يمكننا التواصل معك بأمان. سيتصل بك مستشار. لا يلزم أن تكتب اسمك.',
    errorSummaryHeading: 'هناك شيء يجب تصحيحه',
    roleLegend: 'ما موضوع طلبك؟',
    roles: { exposed: 'أتعرض للعنف', uses_violence: 'أمارس العنف وأريد أن أتوقف', both: 'الأمران معاً، أو لست متأكداً' },
    howLegend: 'كيف ومتى يمكننا التواصل معك؟',
    phoneLabel: 'رقم الهاتف',
    phoneHint: 'إن أمكن، استخدم رقماً لا يصل إليه أحد غيرك.',
    smsLegend: 'هل يمكننا أن نرسل إليك رسالة نصية؟',
    voicemailLegend: 'هل يمكننا أن نترك رسالة صوتية؟',
    yes: 'نعم',
    no: 'لا',
    safeTimesLabel: 'متى يكون الاتصال آمناً؟',
    safeTimesHint: 'مثلاً «أيام العمل من 9 إلى 12». اكتب أيضاً الأوقات التي يجب ألا نتصل فيها.',
    languageLabel: 'بأي لغة تريد أن تتحدث؟',
    aboutYouLegend: 'عنك (اختياري)',
    nameLabel: 'الاسم الأول، أو اسم آخر يمكننا أن نناديك به',
    nameHint: 'يمكنك البقاء مجهول الهوية. لا تكتب اسم عائلتك ولا رقمك الشخصي (CPR).',
    aboutLabel: 'عمّ تريد أن تتحدث؟',
    aboutHint: 'اكتب باختصار، 1000 حرف على الأكثر. يُحفظ النص مشفّراً ولا تقرؤه إلا الجهة التي تختارها.',
    serviceLegend: 'من يجب أن يتواصل معك؟',
    serviceHint: 'إذا لم تكن متأكداً، فدع الخط الساخن يختار. يمكنهم تحويل طلبك إذا وافقت على ذلك.',
    hotlineChoice: 'دع الخط الساخن يختار لي',
    hotlineChoiceHint: (organisation) => html`سيتواصل معك الخط الساخن لدى ${organisation} ويساعدك في الخطوة التالية.`,
    serviceNotTakingRequests: 'لا يمكن التواصل مع الخدمة التي جئت منها عبر هذا النموذج. اختر خدمة أخرى، أو دع الخط الساخن يختار.',
    heardAboutLabel: 'كيف سمعت عنا؟ (اختياري)',
    heardAbout: {
      from_campaign: 'من حملة توعية',
      from_friend: 'من صديق أو أحد أفراد العائلة',
      from_police: 'من الشرطة',
      from_municipality: 'من البلدية',
      from_professional: 'من مختص آخر',
      searched_online: 'بحثت على الإنترنت',
      other: 'بطريقة أخرى',
      not_said: 'أفضّل عدم الإجابة',
    },
    consentLegend: 'موافقتك',
    consentLabel: 'أوافق على أن تحصل الجهة التي اخترتها على المعلومات أعلاه وأن تتواصل معي كما هو موضح. يمكنني دائماً أن أتراجع.',
    spamNote: 'لمنع الرسائل المزعجة، يقوم النموذج بعملية حسابية صغيرة في متصفحك. إذا كان JavaScript معطلاً فالنموذج يعمل أيضاً، لكن يمكن عندئذ إرسال طلبات أقل من الشبكة نفسها.',
    submit: 'إرسال',
    waiting: 'لحظة من فضلك …',
    whatWeStore: 'نحفظ فقط ما تكتبه هنا، ولدى الجهة التي تختارها فقط. لا يستخدم هذا الموقع ملفات تعريف الارتباط.',
    haveCode: 'هل أرسلت طلباً من قبل؟ تحقق مما إذا كنا قد تواصلنا معك',
    textProblems: {
      unsafe_character: 'يحتوي الحقل على رموز لا يمكننا حفظها، مثل رموز تحكم غير مرئية. اكتب النص مرة أخرى.',
      single_line: 'اكتبه في سطر واحد.',
      zero_width_character: 'يحتوي الحقل على رموز غير مرئية. اكتبه مرة أخرى بدلاً من لصقه.',
    },
    fieldErrors: {
      role: { required: 'اختر موضوع طلبك.' },
      name: { too_long: 'اكتب 60 حرفاً على الأكثر.' },
      phone: { required: 'اكتب رقم الهاتف الذي يمكننا الاتصال به.', phone_format: 'اكتب رقم الهاتف بالأرقام، مثلاً 20 30 40 50.' },
      smsAllowed: { required: 'اختر ما إذا كان يمكننا إرسال رسالة نصية.' },
      voicemailAllowed: { required: 'اختر ما إذا كان يمكننا ترك رسالة صوتية.' },
      safeTimes: { required: 'اكتب متى يكون الاتصال آمناً.', too_long: 'اكتب 200 حرف على الأكثر.' },
      language: { required: 'اختر لغة.', language_format: 'اختر لغة من القائمة.' },
      about: { too_long: 'اكتب 1000 حرف على الأكثر.' },
      service: {
        required: 'اختر من يجب أن يتواصل معك.',
        unknown_service: 'اختر خدمة من القائمة.',
        service_line: 'هذه الخدمة لا تساعد فيما اخترته أعلاه. اختر خدمة أخرى، أو دع الخط الساخن يختار.',
        no_hotline: 'لا يمكن اختيار الخط الساخن الآن. اختر خدمة من القائمة.',
      },
      heardAbout: {},
      consent: { required: 'ضع علامة في المربع إذا أردت أن نتواصل معك. بدون موافقتك لا يمكننا إرسال الطلب.' },
    },
    formExpired: 'انتهت صلاحية النموذج. إجاباتك ما زالت هنا: راجعها وأرسلها من جديد.',
    rateLimited: 'أُرسلت طلبات كثيرة من شبكتك في وقت قصير. إجاباتك ما زالت هنا. حاول مرة أخرى لاحقاً.',
    tooLarge: 'النص طويل جداً. ارجع، واختصر النص، ثم أرسله من جديد.',
    receiptHeading: 'شكراً. لقد استلمنا طلبك',
    receiptIntro: 'سيتصل بك مستشار على رقم الهاتف الذي كتبته، في الأوقات التي قلت إنها آمنة.',
    receiptCodeHeading: 'رمز الإيصال الخاص بك',
    receiptCodeHelp: 'يمكنك لاحقاً بهذا الرمز أن ترى ما إذا كنا قد تواصلنا معك. الرمز لا يُظهر إلا ذلك – وليس أبداً ما كتبته.',
    receiptWarning: 'كل من لديه الرمز يمكنه أن يرى الشيء نفسه. اكتبه فقط في مكان لا يستطيع غيرك العثور عليه. لا يلزم أن تحتفظ به.',
    lookupLink: 'اعرف الحالة باستخدام رمزك',
    lookupHeading: 'هل تم التواصل معي؟',
    lookupIntro: 'اكتب رمز الإيصال الذي حصلت عليه عند إرسال طلبك.',
    lookupWarning: 'كل من لديه الرمز يرى ما تراه أنت. هذه الصفحة تُظهر فقط ما إذا كنا قد تواصلنا معك – وليس أبداً ما كتبته أو اسمك أو ما قيل.',
    codeLabel: 'رمز الإيصال',
    codeHint: '10 رموز، مثلاً K7QM-P3XD-9T.',
    lookupSubmit: 'عرض الحالة',
    statusHeading: 'الحالة',
    status: {
      received: 'لقد استلمنا طلبك. لم يتواصل معك أحد بعد.',
      tried_to_reach: 'حاول مستشار التواصل معك.',
      contacted: 'تم التواصل معك.',
      closed: 'تم إغلاق الطلب. إذا كنت ما زلت بحاجة إلى مساعدة، يمكنك إرسال طلب جديد.',
    },
    notFound: 'لا نجد طلباً بهذا الرمز. تأكد من أنك كتبته بشكل صحيح.',
    codeFormat: 'يتكون الرمز من 10 رموز، مثلاً K7QM-P3XD-9T.',
    lookupRateLimited: 'جُرّبت رموز كثيرة من شبكتك في وقت قصير. حاول مرة أخرى لاحقاً.',
    newRequest: 'أرسل طلباً جديداً',
  },
};

function isTextProblem(code: string): code is TextProblem {
  return (TEXT_PROBLEMS as readonly string[]).includes(code);
}

/** The message for a field's error code, falling back to the field's "required" text. */
export function contactFieldError(lang: PageLanguage, field: SelfReferralField, code: string): string {
  if (isTextProblem(code)) return contactTexts[lang].textProblems[code];
  const messages = contactTexts[lang].fieldErrors[field];
  return messages[code as ErrorCode] ?? messages.required ?? contactTexts[lang].errorSummaryHeading;
}
