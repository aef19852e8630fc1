import type { PageLanguage } from '../directory/index.ts';

/** Texts of the public campaign pages, in Danish, English and Arabic (see help-pages.text.ts for the rules). */
type CampaignTexts = {
  videosHeading: string;
  testimonialsHeading: string;
  servicesHeading: string;
  contactHeading: string;
  contactIntro: string;
  contactButton: string;
  contactThisService: string;
  externalLink: string;
  videoFallback: string;
  captions: string;
};

export const campaignTexts: Record<PageLanguage, CampaignTexts> = {
  da: {
    videosHeading: 'Videoer',
    testimonialsHeading: 'Det siger andre',
    servicesHeading: 'Her kan du få hjælp',
    contactHeading: 'Vil du have, at en rådgiver kontakter dig?',
    contactIntro: 'Fortæl, hvordan og hvornår vi trygt kan kontakte dig. Du kan være anonym.',
    contactButton: 'Bliv kontaktet',
    contactThisService: 'Bed dem kontakte dig',
    externalLink: '(åbner en anden hjemmeside)',
    videoFallback: 'Din browser kan ikke vise videoen her. Hent videoen',
    captions: 'Undertekster',
  },
  en: {
    videosHeading: 'Videos',
    testimonialsHeading: 'What others say',
    servicesHeading: 'Where you can get help',
    contactHeading: 'Would you like a counsellor to contact you?',
    contactIntro: 'Tell us how and when we can contact you safely. You can stay anonymous.',
    contactButton: 'Ask to be contacted',
    contactThisService: 'Ask them to contact you',
    externalLink: '(opens another website)',
    videoFallback: 'Your browser cannot show the video here. Download the video',
    captions: 'Captions',
  },
  ar: {
    videosHeading: 'مقاطع فيديو',
    testimonialsHeading: 'ماذا يقول الآخرون',
    servicesHeading: 'أين يمكنك الحصول على المساعدة',
    contactHeading: 'هل تريد أن يتواصل معك مستشار؟',
    contactIntro: 'أخبرنا كيف ومتى يمكننا التواصل معك بأمان. يمكنك البقاء مجهول الهوية.',
    contactButton: 'اطلب أن نتواصل معك',
    contactThisService: 'اطلب منهم التواصل معك',
    externalLink: '(يفتح موقعاً آخر)',
    videoFallback: 'لا يستطيع متصفحك عرض الفيديو هنا. نزّل الفيديو',
    captions: 'الترجمة المكتوبة',
  },
};
