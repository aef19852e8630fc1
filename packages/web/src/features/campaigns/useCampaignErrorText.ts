import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignError } from './campaign-form';

type FieldLabel = keyof typeof import('./campaigns.da').campaignsDa.fields;

const testimonialLabels: Record<string, FieldLabel> = { quote: 'quote', attribution: 'attribution', language: 'testimonialLanguage' };
const videoLabels: Record<string, FieldLabel> = {
  kind: 'videoKind',
  titleDa: 'videoTitleDa',
  titleEn: 'videoTitleEn',
  titleAr: 'videoTitleAr',
  path: 'videoPath',
  captionsPath: 'captionsPath',
  url: 'videoUrl',
};
const directLabels: Record<string, FieldLabel> = {
  slug: 'slug',
  titleDa: 'titleDa',
  titleEn: 'titleEn',
  titleAr: 'titleAr',
  summaryDa: 'summaryDa',
  summaryEn: 'summaryEn',
  summaryAr: 'summaryAr',
  bodyDa: 'bodyDa',
  bodyEn: 'bodyEn',
  bodyAr: 'bodyAr',
};

/** An error as the sentence the summary and the field show: which field (the n-th testimonial's quote …), and why. */
export function useCampaignErrorText(): (error: CampaignError) => string {
  const { t } = useTranslation();
  const label = useCallback(
    (fieldKey: string): string => {
      const item = /^(testimonials|videos)\.(\d+)\.(\w+)$/.exec(fieldKey);
      if (item) {
        const [, list, index, field = ''] = item;
        const number = Number(index) + 1;
        const [itemLabel, fieldLabel] =
          list === 'testimonials'
            ? [t('campaigns.fields.testimonialLegend', { number }), testimonialLabels[field]]
            : [t('campaigns.fields.videoLegend', { number }), videoLabels[field]];
        return fieldLabel ? t('campaigns.itemField', { item: itemLabel, field: t(`campaigns.fields.${fieldLabel}`) }) : itemLabel;
      }
      if (fieldKey === 'serviceIds') return t('campaigns.sections.services');
      if (fieldKey === 'testimonials') return t('campaigns.sections.testimonials');
      if (fieldKey === 'videos') return t('campaigns.sections.videos');
      const direct = directLabels[fieldKey];
      return direct ? t(`campaigns.fields.${direct}`) : fieldKey;
    },
    [t],
  );
  return useCallback((error: CampaignError) => t(`campaigns.errors.${error.code}`, { field: label(error.fieldKey), maximum: error.maximum ?? 0 }), [t, label]);
}
