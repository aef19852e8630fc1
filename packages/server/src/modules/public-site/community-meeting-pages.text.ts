import type { CommunityMeetingSignUpField } from '@bro/domain';
import type { PageLanguage } from '../directory/index.ts';

/**
 * Texts of the community-meeting pages (list, meeting and sign-up, receipt, cancelling, anonymous evaluation) in
 * Danish, English and Arabic. Plain and calm, second person; honest about what is stored and who sees it. Nothing
 * asks about orientation or gender identity.
 */

type Texts = {
  listDescription: string;
  listHeading: string;
  listIntro: string;
  cityLabel: string;
  allCities: string;
  filter: string;
  none: string;
  noneInCity: string;
  placesLeft: (count: number) => string;
  full: string;
  readMore: string;
  when: string;
  where: string;
  host: string;
  addressOnSignUp: string;
  signUpHeading: string;
  signUpIntro: string;
  firstNameLabel: string;
  firstNameHint: string;
  contactLegend: string;
  contactEmail: string;
  contactPhone: string;
  emailLabel: string;
  phoneLabel: string;
  phoneHint: string;
  mayMessageLegend: string;
  mayMessageHint: string;
  mayLeaveMessageLegend: string;
  yes: string;
  no: string;
  consentLegend: string;
  consentLabel: string;
  whatWeStore: string;
  submit: string;
  waiting: string;
  errorSummaryHeading: string;
  fieldErrors: Record<string, string>;
  formExpired: string;
  rateLimited: string;
  fullHeading: string;
  fullText: string;
  alreadyHeading: string;
  alreadyText: string;
  notOpen: string;
  receiptHeading: string;
  receiptIntro: string;
  receiptAddressSent: string;
  receiptAddressPublic: string;
  receiptCodeHeading: string;
  receiptCodeHelp: string;
  receiptWarning: string;
  cancelLink: string;
  cancelDescription: string;
  cancelHeading: string;
  cancelIntro: string;
  codeLabel: string;
  codeHint: string;
  codeFormat: string;
  cancelSubmit: string;
  cancelled: string;
  cancelNotFound: string;
  evaluationDescription: string;
  evaluationHeading: string;
  evaluationIntro: string;
  evaluationCodeLabel: string;
  feltSafeLegend: string;
  learnedLegend: string;
  ratingLow: string;
  ratingHigh: string;
  intendsLegend: string;
  intends: { yes: string; no: string; unsure: string };
  evaluationSubmit: string;
  evaluationThanks: string;
  evaluationWrongCode: string;
  evaluationExpired: string;
  evaluationNotStarted: string;
  evaluationAnonymous: string;
  back: string;
};

const da: Texts = {
  listDescription: 'Fællesskabsmøder i hele Danmark, hvor vold i nære relationer kan tales om. Tilmeld dig med fornavn eller et kaldenavn.',
  listHeading: 'Fællesskabsmøder',
  listIntro: 'Møder i fællesskabet, hvor vi taler om vold, grænser og hvor man kan få hjælp. Du tilmelder dig med fornavn eller et kaldenavn. Vi spørger ikke om mere, end vi skal bruge for at kunne give dig besked.',
  cityLabel: 'By',
  allCities: 'Alle byer',
  filter: 'Vis møder',
  none: 'Der er ingen kommende møder lige nu.',
  noneInCity: 'Der er ingen kommende møder i den valgte by.',
  placesLeft: (count) => (count === 1 ? '1 ledig plads' : `${count} ledige pladser`),
  full: 'Mødet er fuldt',
  readMore: 'Læs mere og tilmeld dig',
  when: 'Hvornår',
  where: 'Hvor',
  host: 'Arrangør',
  addressOnSignUp: 'Adressen sendes til dig, når du har tilmeldt dig.',
  signUpHeading: 'Tilmeld dig',
  signUpIntro: 'Skriv dit fornavn eller et kaldenavn og én måde, vi kan give dig besked på.',
  firstNameLabel: 'Fornavn eller kaldenavn',
  firstNameHint: 'Det behøver ikke være dit rigtige navn. Kun mødets facilitatorer ser det.',
  contactLegend: 'Hvordan kan vi give dig besked?',
  contactEmail: 'E-mail',
  contactPhone: 'Telefon',
  emailLabel: 'E-mailadresse',
  phoneLabel: 'Telefonnummer',
  phoneHint: 'Udfyld det felt, der passer til dit valg ovenfor.',
  mayMessageLegend: 'Må vi skrive til dig (sms eller e-mail)?',
  mayMessageHint: 'Beskeden siger kun "mødet", tid og sted – aldrig hvad mødet handler om.',
  mayLeaveMessageLegend: 'Må vi lægge en besked, hvis vi ringer, og du ikke tager telefonen?',
  yes: 'Ja',
  no: 'Nej',
  consentLegend: 'Samtykke',
  consentLabel: 'Jeg giver samtykke til, at arrangøren gemmer mit fornavn eller kaldenavn og min kontaktoplysning, indtil en uge efter mødet, for at kunne give mig besked om mødet.',
  whatWeStore: 'Vi gemmer navnet og kontaktoplysningen krypteret og sletter dem en uge efter mødet, eller straks hvis du afmelder dig. Vi spørger ikke om seksuel orientering eller kønsidentitet.',
  submit: 'Tilmeld mig',
  waiting: 'Sender …',
  errorSummaryHeading: 'Ret venligst følgende',
  fieldErrors: {
    required: 'Udfyld feltet.',
    too_long: 'Teksten er for lang.',
    email_format: 'Skriv en gyldig e-mailadresse.',
    phone_format: 'Skriv et telefonnummer med 8 cifre (evt. med landekode).',
    needed_for_address: 'Adressen sendes kun til tilmeldte. Vi skal have lov at skrive til dig for at kunne sende den.',
    unsafe_character: 'Feltet indeholder tegn, som ikke kan bruges.',
    single_line: 'Skriv på én linje.',
    zero_width_character: 'Feltet indeholder usynlige tegn.',
  },
  formExpired: 'Formularen er udløbet. Send den venligst igen.',
  rateLimited: 'Der er sendt mange tilmeldinger fra din forbindelse. Vent lidt, og prøv igen.',
  fullHeading: 'Mødet er fuldt',
  fullText: 'Der er desværre ikke flere pladser. Du er ikke blevet tilmeldt. Se om der er et andet møde, der passer dig.',
  alreadyHeading: 'Du er allerede tilmeldt',
  alreadyText: 'Denne tilmelding er allerede sendt, og du fik en kvitteringskode første gang. Vi har ikke tilmeldt dig igen.',
  notOpen: 'Mødet kan ikke længere tilmeldes.',
  receiptHeading: 'Du er tilmeldt',
  receiptIntro: 'Tak. Din plads er reserveret.',
  receiptAddressSent: 'Vi sender dig adressen på den måde, du valgte.',
  receiptAddressPublic: 'Adressen står på mødets side.',
  receiptCodeHeading: 'Din kvitteringskode',
  receiptCodeHelp: 'Med koden kan du afmelde dig. Skriv den ned. Den vises kun denne ene gang.',
  receiptWarning: 'Den, der har koden, kan afmelde dig, men kan ikke se dit navn eller din kontaktoplysning.',
  cancelLink: 'Afmeld en tilmelding',
  cancelDescription: 'Afmeld din tilmelding til et fællesskabsmøde med din kvitteringskode.',
  cancelHeading: 'Afmeld dig et møde',
  cancelIntro: 'Skriv kvitteringskoden, du fik, da du tilmeldte dig.',
  codeLabel: 'Kode',
  codeHint: '10 tegn, f.eks. K7QM-P3XD-9T.',
  codeFormat: 'Koden skal være 10 tegn (bogstaver og tal).',
  cancelSubmit: 'Afmeld',
  cancelled: 'Din tilmelding er afmeldt. Tak, fordi du gav besked.',
  cancelNotFound: 'Vi kunne ikke finde en tilmelding med den kode. Den kan allerede være afmeldt.',
  evaluationDescription: 'Giv en anonym evaluering af et fællesskabsmøde med koden fra mødet.',
  evaluationHeading: 'Evaluér mødet',
  evaluationIntro: 'Skriv koden, du fik på mødet, og svar på tre spørgsmål.',
  evaluationCodeLabel: 'Kode fra mødet',
  feltSafeLegend: 'Følte du dig tryg på mødet?',
  learnedLegend: 'Fik du at vide, hvor du kan få hjælp?',
  ratingLow: '1 = slet ikke',
  ratingHigh: '5 = i høj grad',
  intendsLegend: 'Har du tænkt dig at søge hjælp?',
  intends: { yes: 'Ja', no: 'Nej', unsure: 'Ved ikke' },
  evaluationSubmit: 'Send evaluering',
  evaluationThanks: 'Tak for din evaluering.',
  evaluationWrongCode: 'Koden passer ikke til et møde. Tjek den, og prøv igen.',
  evaluationExpired: 'Koden er udløbet. Evalueringen er lukket.',
  evaluationNotStarted: 'Evalueringen åbner, når mødet begynder.',
  evaluationAnonymous: 'Evalueringen er anonym: vi gemmer kun dine tre svar og mødet, ikke hvem du er eller hvornår du svarede.',
  back: 'Alle fællesskabsmøder',
};

const en: Texts = {
  listDescription: 'Community meetings across Denmark where violence in close relationships can be talked about. Sign up with a first name or a nickname.',
  listHeading: 'Community meetings',
  listIntro: 'Meetings in the community where we talk about violence, boundaries and where to get help. You sign up with a first name or a nickname. We ask for no more than we need to let you know about the meeting.',
  cityLabel: 'City',
  allCities: 'All cities',
  filter: 'Show meetings',
  none: 'There are no upcoming meetings right now.',
  noneInCity: 'There are no upcoming meetings in the chosen city.',
  placesLeft: (count) => (count === 1 ? '1 place left' : `${count} places left`),
  full: 'The meeting is full',
  readMore: 'Read more and sign up',
  when: 'When',
  where: 'Where',
  host: 'Host',
  addressOnSignUp: 'The address is sent to you once you have signed up.',
  signUpHeading: 'Sign up',
  signUpIntro: 'Write your first name or a nickname and one way we can let you know about the meeting.',
  firstNameLabel: 'First name or nickname',
  firstNameHint: 'It need not be your real name. Only the meeting’s facilitators see it.',
  contactLegend: 'How can we let you know?',
  contactEmail: 'E-mail',
  contactPhone: 'Phone',
  emailLabel: 'E-mail address',
  phoneLabel: 'Phone number',
  phoneHint: 'Fill in the field that matches your choice above.',
  mayMessageLegend: 'May we write to you (text message or e-mail)?',
  mayMessageHint: 'The message only says "the meeting", the time and the place – never what the meeting is about.',
  mayLeaveMessageLegend: 'May we leave a message if we call and you do not answer?',
  yes: 'Yes',
  no: 'No',
  consentLegend: 'Consent',
  consentLabel: 'I consent to the host keeping my first name or nickname and my contact detail until a week after the meeting, to let me know about the meeting.',
  whatWeStore: 'We store the name and the contact detail encrypted and delete them a week after the meeting, or at once if you cancel. We do not ask about sexual orientation or gender identity.',
  submit: 'Sign me up',
  waiting: 'Sending …',
  errorSummaryHeading: 'Please correct the following',
  fieldErrors: {
    required: 'Fill in the field.',
    too_long: 'The text is too long.',
    email_format: 'Write a valid e-mail address.',
    phone_format: 'Write a phone number with 8 digits (a country code if needed).',
    needed_for_address: 'The address is only sent to those signed up. We must be allowed to write to you to send it.',
    unsafe_character: 'The field contains characters that cannot be used.',
    single_line: 'Write on one line.',
    zero_width_character: 'The field contains invisible characters.',
  },
  formExpired: 'The form has expired. Please send it again.',
  rateLimited: 'Many sign-ups have been sent from your connection. Wait a little and try again.',
  fullHeading: 'The meeting is full',
  fullText: 'Sorry, there are no places left. You have not been signed up. See if another meeting suits you.',
  alreadyHeading: 'You are already signed up',
  alreadyText: 'This sign-up has already been sent, and you got a receipt code the first time. We have not signed you up again.',
  notOpen: 'The meeting is no longer open for sign-up.',
  receiptHeading: 'You are signed up',
  receiptIntro: 'Thank you. Your place is reserved.',
  receiptAddressSent: 'We will send you the address the way you chose.',
  receiptAddressPublic: 'The address is on the meeting’s page.',
  receiptCodeHeading: 'Your receipt code',
  receiptCodeHelp: 'With the code you can cancel your sign-up. Write it down. It is shown only this once.',
  receiptWarning: 'Whoever has the code can cancel your sign-up, but cannot see your name or contact detail.',
  cancelLink: 'Cancel a sign-up',
  cancelDescription: 'Cancel your sign-up for a community meeting with your receipt code.',
  cancelHeading: 'Cancel a sign-up',
  cancelIntro: 'Write the receipt code you got when you signed up.',
  codeLabel: 'Code',
  codeHint: '10 characters, e.g. K7QM-P3XD-9T.',
  codeFormat: 'The code must be 10 characters (letters and digits).',
  cancelSubmit: 'Cancel sign-up',
  cancelled: 'Your sign-up has been cancelled. Thank you for letting us know.',
  cancelNotFound: 'We could not find a sign-up with that code. It may already be cancelled.',
  evaluationDescription: 'Evaluate a community meeting anonymously with the code from the meeting.',
  evaluationHeading: 'Evaluate the meeting',
  evaluationIntro: 'Write the code you got at the meeting and answer three questions.',
  evaluationCodeLabel: 'Code from the meeting',
  feltSafeLegend: 'Did you feel safe at the meeting?',
  learnedLegend: 'Did you learn where you can get help?',
  ratingLow: '1 = not at all',
  ratingHigh: '5 = very much',
  intendsLegend: 'Do you intend to seek help?',
  intends: { yes: 'Yes', no: 'No', unsure: 'Not sure' },
  evaluationSubmit: 'Send evaluation',
  evaluationThanks: 'Thank you for your evaluation.',
  evaluationWrongCode: 'The code does not match a meeting. Check it and try again.',
  evaluationExpired: 'The code has expired. The evaluation is closed.',
  evaluationNotStarted: 'The evaluation opens when the meeting begins.',
  evaluationAnonymous: 'The evaluation is anonymous: we store only your three answers and the meeting, not who you are or when you answered.',
  back: 'All community meetings',
};

const ar: Texts = {
  listDescription: 'لقاءات مجتمعية في جميع أنحاء الدنمارك يمكن فيها الحديث عن العنف في العلاقات القريبة. سجّل باسمك الأول أو باسم مستعار.',
  listHeading: 'لقاءات مجتمعية',
  listIntro: 'لقاءات في المجتمع نتحدث فيها عن العنف والحدود وأين يمكن الحصول على المساعدة. تسجّل باسمك الأول أو باسم مستعار. لا نطلب أكثر مما نحتاجه لإبلاغك بشأن اللقاء.',
  cityLabel: 'المدينة',
  allCities: 'كل المدن',
  filter: 'عرض اللقاءات',
  none: 'لا توجد لقاءات قادمة حاليًا.',
  noneInCity: 'لا توجد لقاءات قادمة في المدينة المختارة.',
  placesLeft: (count) => (count === 1 ? 'مكان واحد متاح' : `${count} أماكن متاحة`),
  full: 'اللقاء ممتلئ',
  readMore: 'اقرأ المزيد وسجّل',
  when: 'متى',
  where: 'أين',
  host: 'الجهة المنظمة',
  addressOnSignUp: 'يُرسل إليك العنوان بعد تسجيلك.',
  signUpHeading: 'سجّل',
  signUpIntro: 'اكتب اسمك الأول أو اسمًا مستعارًا وطريقة واحدة يمكننا إبلاغك بها.',
  firstNameLabel: 'الاسم الأول أو اسم مستعار',
  firstNameHint: 'لا يلزم أن يكون اسمك الحقيقي. لا يراه إلا ميسّرو اللقاء.',
  contactLegend: 'كيف يمكننا إبلاغك؟',
  contactEmail: 'البريد الإلكتروني',
  contactPhone: 'الهاتف',
  emailLabel: 'عنوان البريد الإلكتروني',
  phoneLabel: 'رقم الهاتف',
  phoneHint: 'املأ الحقل الذي يناسب اختيارك أعلاه.',
  mayMessageLegend: 'هل يمكننا أن نكتب إليك (رسالة نصية أو بريد إلكتروني)؟',
  mayMessageHint: 'تقول الرسالة «اللقاء» والوقت والمكان فقط – ولا تذكر أبدًا موضوع اللقاء.',
  mayLeaveMessageLegend: 'هل يمكننا ترك رسالة إذا اتصلنا ولم ترد؟',
  yes: 'نعم',
  no: 'لا',
  consentLegend: 'الموافقة',
  consentLabel: 'أوافق على أن تحتفظ الجهة المنظمة باسمي الأول أو اسمي المستعار وبيانات الاتصال بي حتى أسبوع بعد اللقاء، لإبلاغي بشأنه.',
  whatWeStore: 'نحفظ الاسم وبيانات الاتصال مشفّرة ونحذفها بعد أسبوع من اللقاء، أو فورًا إذا ألغيت تسجيلك. لا نسأل عن التوجه الجنسي أو الهوية الجندرية.',
  submit: 'سجّلني',
  waiting: 'جارٍ الإرسال …',
  errorSummaryHeading: 'يرجى تصحيح ما يلي',
  fieldErrors: {
    required: 'املأ الحقل.',
    too_long: 'النص طويل جدًا.',
    email_format: 'اكتب عنوان بريد إلكتروني صالحًا.',
    phone_format: 'اكتب رقم هاتف من 8 أرقام (مع رمز البلد إذا لزم).',
    needed_for_address: 'يُرسل العنوان إلى المسجّلين فقط. يجب أن نتمكن من الكتابة إليك لإرساله.',
    unsafe_character: 'يحتوي الحقل على رموز لا يمكن استخدامها.',
    single_line: 'اكتب في سطر واحد.',
    zero_width_character: 'يحتوي الحقل على رموز غير مرئية.',
  },
  formExpired: 'انتهت صلاحية النموذج. يرجى إرساله مرة أخرى.',
  rateLimited: 'أُرسل عدد كبير من التسجيلات من اتصالك. انتظر قليلًا ثم حاول مرة أخرى.',
  fullHeading: 'اللقاء ممتلئ',
  fullText: 'للأسف لم تعد هناك أماكن. لم يتم تسجيلك. انظر إن كان هناك لقاء آخر يناسبك.',
  alreadyHeading: 'أنت مسجّل بالفعل',
  alreadyText: 'تم إرسال هذا التسجيل من قبل، وحصلت على رمز الإيصال في المرة الأولى. لم نسجّلك مرة أخرى.',
  notOpen: 'لم يعد التسجيل في هذا اللقاء ممكنًا.',
  receiptHeading: 'تم تسجيلك',
  receiptIntro: 'شكرًا. مكانك محجوز.',
  receiptAddressSent: 'سنرسل إليك العنوان بالطريقة التي اخترتها.',
  receiptAddressPublic: 'العنوان موجود في صفحة اللقاء.',
  receiptCodeHeading: 'رمز الإيصال الخاص بك',
  receiptCodeHelp: 'يمكنك إلغاء تسجيلك بهذا الرمز. اكتبه. لا يظهر إلا هذه المرة فقط.',
  receiptWarning: 'من يملك الرمز يمكنه إلغاء تسجيلك، لكنه لا يستطيع رؤية اسمك أو بيانات الاتصال بك.',
  cancelLink: 'إلغاء تسجيل',
  cancelDescription: 'ألغِ تسجيلك في لقاء مجتمعي برمز الإيصال.',
  cancelHeading: 'إلغاء التسجيل في لقاء',
  cancelIntro: 'اكتب رمز الإيصال الذي حصلت عليه عند التسجيل.',
  codeLabel: 'الرمز',
  codeHint: '10 رموز، مثل K7QM-P3XD-9T.',
  codeFormat: 'يجب أن يتكون الرمز من 10 رموز (حروف وأرقام).',
  cancelSubmit: 'إلغاء التسجيل',
  cancelled: 'تم إلغاء تسجيلك. شكرًا لإبلاغنا.',
  cancelNotFound: 'لم نجد تسجيلًا بهذا الرمز. ربما أُلغي بالفعل.',
  evaluationDescription: 'قيّم لقاءً مجتمعيًا بشكل مجهول بالرمز الذي حصلت عليه في اللقاء.',
  evaluationHeading: 'قيّم اللقاء',
  evaluationIntro: 'اكتب الرمز الذي حصلت عليه في اللقاء وأجب عن ثلاثة أسئلة.',
  evaluationCodeLabel: 'الرمز من اللقاء',
  feltSafeLegend: 'هل شعرت بالأمان في اللقاء؟',
  learnedLegend: 'هل عرفت أين يمكنك الحصول على المساعدة؟',
  ratingLow: '1 = إطلاقًا',
  ratingHigh: '5 = كثيرًا جدًا',
  intendsLegend: 'هل تنوي طلب المساعدة؟',
  intends: { yes: 'نعم', no: 'لا', unsure: 'لست متأكدًا' },
  evaluationSubmit: 'إرسال التقييم',
  evaluationThanks: 'شكرًا على تقييمك.',
  evaluationWrongCode: 'الرمز لا يطابق أي لقاء. تحقق منه وحاول مرة أخرى.',
  evaluationExpired: 'انتهت صلاحية الرمز. التقييم مغلق.',
  evaluationNotStarted: 'يُفتح التقييم عندما يبدأ اللقاء.',
  evaluationAnonymous: 'التقييم مجهول: نحفظ إجاباتك الثلاث واللقاء فقط، لا هويتك ولا وقت إجابتك.',
  back: 'كل اللقاءات المجتمعية',
};

export const communityMeetingTexts: Record<PageLanguage, Texts> = { da, en, ar };

export function signUpFieldError(lang: PageLanguage, _field: CommunityMeetingSignUpField, code: string): string {
  const errors = communityMeetingTexts[lang].fieldErrors;
  return errors[code] ?? errors.required ?? '';
}
