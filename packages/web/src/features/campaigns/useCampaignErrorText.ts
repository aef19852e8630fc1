import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOfField, type DraftError, type DraftLabels } from '../../forms/draft-errors';
import type { campaignsDa } from './campaigns.da';

type FieldLabel = keyof typeof campaignsDa.fields;

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
const sectionLabels = { serviceIds: 'services', testimonials: 'testimonials', videos: 'videos' } as const;

/** An error as the sentence the summary and the field show: which field (the n-th testimonial's quote …), and why. */
export function useCampaignErrorText(): (error: DraftError) => string {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (key: FieldLabel | undefined) => (key ? t(`campaigns.fields.${key}`) : undefined);
    const labels: DraftLabels = {
      field: (fieldKey) => {
        const section = sectionLabels[fieldKey as keyof typeof sectionLabels];
        return section ? t(`campaigns.sections.${section}`) : label(directLabels[fieldKey]);
      },
      lists: {
        testimonials: { item: (number) => t('campaigns.fields.testimonialLegend', { number }), field: (name) => label(testimonialLabels[name]) },
        videos: { item: (number) => t('campaigns.fields.videoLegend', { number }), field: (name) => label(videoLabels[name]) },
      },
      itemField: (item, field) => t('campaigns.itemField', { item, field }),
    };
    return (error: DraftError) => t(`campaigns.errors.${error.code as 'invalid'}`, { field: labelOfField(error.fieldKey, labels), maximum: error.maximum ?? 0 });
  }, [t]);
}
