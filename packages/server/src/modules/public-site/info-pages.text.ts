import type { PageLanguage } from '../directory/index.ts';

/**
 * Texts of the safety page ("what quick exit can and cannot do") and of the pages that say something went wrong
 * (not found, unavailable), in Danish, English and Arabic.
 */

type InfoTexts = {
  safetyHeading: string;
  safetyIntro: readonly string[];
  cannotHideHeading: string;
  cannotHide: readonly string[];
  browsePrivatelyHeading: string;
  browsePrivately: readonly string[];
  notFoundHeading: string;
  notFoundText: string;
  /** For search engines (meta description). */
  safetyDescription: string;
  toStartPage: string;
  unavailableHeading: string;
  unavailableText: string;
};

export const infoTexts: Record<PageLanguage, InfoTexts> = {
  da: {
    safetyHeading: 'Sikkerhed på nettet',
    safetyIntro: [
      'Knappen "Luk siden hurtigt" øverst på hver side – eller tre tryk på Shift-tasten på et tastatur – skifter straks til en neutral side (DR’s vejrudsigt). Siden her bliver erstattet i fanens historik, så "Tilbage" ikke fører hertil.',
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
    notFoundHeading: 'Siden findes ikke',
    notFoundText: 'Siden findes ikke, eller tilbuddet er ikke længere i oversigten.',
    safetyDescription: 'Sådan virker knappen "Luk siden hurtigt", hvad den ikke kan skjule, og hvordan du bruger nettet mere privat.',
    toStartPage: 'Gå til forsiden',
    unavailableHeading: 'Siden kan ikke vises lige nu',
    unavailableText: 'Der er en fejl hos os. Prøv igen om lidt. Du kan altid ringe til hotlinen.',
  },
  en: {
    safetyHeading: 'Staying safe online',
    safetyIntro: [
      'The "Leave this page" button at the top of every page – or pressing the Shift key three times on a keyboard – takes you straight to a neutral page (the Danish weather forecast on DR). This page is replaced in the tab’s history, so "Back" does not return here.',
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
    notFoundHeading: 'Page not found',
    notFoundText: 'This page does not exist, or the service is no longer listed.',
    safetyDescription: 'How the "Leave this page" button works, what it cannot hide, and how to browse more privately.',
    toStartPage: 'Go to the front page',
    unavailableHeading: 'This page cannot be shown right now',
    unavailableText: 'Something is wrong on our side. Please try again in a little while. You can always call the hotline.',
  },
  ar: {
    safetyHeading: 'الأمان على الإنترنت',
    safetyIntro: [
      'زر «غادر الصفحة بسرعة» في أعلى كل صفحة – أو الضغط على مفتاح Shift ثلاث مرات على لوحة المفاتيح – ينقلك فوراً إلى صفحة محايدة (توقعات الطقس على موقع DR). تُستبدل هذه الصفحة في سجل التبويب، فلا يعيدك زر «رجوع» إليها.',
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
    notFoundHeading: 'الصفحة غير موجودة',
    notFoundText: 'هذه الصفحة غير موجودة، أو أن الخدمة لم تعد مدرجة.',
    safetyDescription: 'كيف يعمل زر «غادر الصفحة بسرعة»، وما لا يستطيع إخفاءه، وكيف تتصفح بخصوصية أكبر.',
    toStartPage: 'الذهاب إلى الصفحة الرئيسية',
    unavailableHeading: 'لا يمكن عرض هذه الصفحة الآن',
    unavailableText: 'حدث خطأ لدينا. حاول مرة أخرى بعد قليل. يمكنك دائماً الاتصال بالخط الساخن.',
  },
};
