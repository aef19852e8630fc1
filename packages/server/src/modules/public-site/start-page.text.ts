import type { PageLanguage } from '../directory/index.ts';

/**
 * Texts of the start page, in Danish, English and Arabic. The national hotline comes first: 1888, Lev Uden Vold's,
 * open day and night, free and anonymous (docs: DOMAIN.md §5). Its number is a constant, not data, so the page
 * shows it even when the database cannot answer.
 */

/** Lev Uden Vold's national hotline: the same short number from every Danish phone. */
export const HOTLINE_NUMBER = '1888';

type StartTexts = {
  startHeading: string;
  situationsHeading: string;
  startIntro: string;
  allServices: string;
  /** Links to the "contact me" form (contact-pages.*) and the receipt lookup. */
  contactMe: string;
  contactMeIntro: string;
  receiptLink: string;
  /** For search engines (meta description); never shown in a tab. */
  description: string;
  hotlineHeading: string;
  /** The word before the number on the call button: "Ring" 1888. */
  hotlineCall: string;
  hotlineFacts: readonly string[];
  hotlineWho: string;
};

export const startTexts: Record<PageLanguage, StartTexts> = {
  da: {
    startHeading: 'Find hjælp og rådgivning',
    situationsHeading: 'Hvad passer på dig?',
    startIntro: 'Her kan du finde rådgivning og hjælp, hvis vold fylder i dit liv eller i en andens. Vælg det, der passer bedst på dig.',
    allServices: 'Se alle tilbud',
    contactMe: 'Bliv kontaktet',
    contactMeIntro: 'Vil du hellere have, at en rådgiver ringer til dig? Fortæl, hvornår det er sikkert. Du kan være anonym.',
    receiptLink: 'Har du en kvitteringskode? Se, om vi har kontaktet dig',
    description: 'Ring til hotlinen 1888 – døgnåben, gratis og anonym – eller find rådgivning og hjælp ved vold i nære relationer i hele Danmark.',
    hotlineHeading: 'Tal med en rådgiver nu',
    hotlineCall: 'Ring',
    hotlineFacts: ['Døgnåben', 'Gratis', 'Du kan være anonym'],
    hotlineWho: 'Lev Uden Volds nationale hotline rådgiver dig, uanset om du selv er udsat for vold, udøver vold, er pårørende eller fagperson.',
  },
  en: {
    startHeading: 'Find help and advice',
    situationsHeading: 'What fits you?',
    startIntro: 'Here you can find advice and help if violence is part of your life or someone else’s. Choose what fits you best.',
    allServices: 'See all services',
    contactMe: 'Ask to be contacted',
    contactMeIntro: 'Would you rather have a counsellor call you? Tell us when it is safe. You can stay anonymous.',
    receiptLink: 'Have a receipt code? See whether we have contacted you',
    description: 'Call the 1888 hotline – open 24 hours, free and anonymous – or find advice and help with violence in close relationships anywhere in Denmark.',
    hotlineHeading: 'Talk to a counsellor now',
    hotlineCall: 'Call',
    hotlineFacts: ['Open 24 hours', 'Free', 'You can stay anonymous'],
    hotlineWho: 'Lev Uden Vold’s national hotline advises you whether you are experiencing violence, use violence, or are a relative or a professional.',
  },
  ar: {
    startHeading: 'ابحث عن المساعدة والاستشارة',
    situationsHeading: 'ما الذي يناسبك؟',
    startIntro: 'هنا يمكنك العثور على الاستشارة والمساعدة إذا كان العنف جزءاً من حياتك أو من حياة شخص آخر. اختر ما يناسبك أكثر.',
    allServices: 'عرض جميع الخدمات',
    contactMe: 'اطلب أن نتواصل معك',
    contactMeIntro: 'هل تفضّل أن يتصل بك مستشار؟ أخبرنا متى يكون ذلك آمناً. يمكنك البقاء مجهول الهوية.',
    receiptLink: 'هل لديك رمز إيصال؟ تحقق مما إذا كنا قد تواصلنا معك',
    description: 'اتصل بالخط الساخن 1888 – مفتوح على مدار الساعة، مجاني ومجهول الهوية – أو ابحث عن الاستشارة والمساعدة في حالات العنف في العلاقات القريبة في جميع أنحاء الدنمارك.',
    hotlineHeading: 'تحدث مع مستشار الآن',
    hotlineCall: 'اتصل',
    hotlineFacts: ['مفتوح على مدار الساعة', 'مجاني', 'يمكنك البقاء مجهول الهوية'],
    hotlineWho: 'يقدم الخط الساخن الوطني لمنظمة Lev Uden Vold الاستشارة لك، سواء كنت تتعرض للعنف أو تمارس العنف أو كنت من الأقارب أو مختصاً مهنياً.',
  },
};
