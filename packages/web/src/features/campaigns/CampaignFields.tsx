import { CampaignLanguage } from '@bro/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { RepeatableRows } from '../../forms/RepeatableRows';
import { emptyTestimonial, emptyVideo, type CampaignControl, type CampaignDraft, type VideoDraft } from './campaign-form';
import type { ServiceChoice } from './campaigns.api';
import { ServiceFields } from './CampaignServiceFields';


/** Every field of a campaign, grouped as the public page reads. Field keys are the request's paths (and DOM ids). */
export function CampaignFields({ control, linkedServices }: CampaignControl & { linkedServices: readonly ServiceChoice[] }) {
  const { t } = useTranslation();
  const arabic = { lang: 'ar', dir: 'rtl', hint: t('campaigns.arabicHint') } as const;
  return (
    <>
      <section className="app-form-section" aria-labelledby="campaign-basics">
        <h2 id="campaign-basics">{t('campaigns.sections.basics')}</h2>
        <FormTextField control={control} name="slug" label={t('campaigns.fields.slug')} hint={t('campaigns.fields.slugHint')} autoComplete="off" spellCheck={false} inputClassName="app-short-input" maxLength={80} />
      </section>
      <section className="app-form-section" aria-labelledby="campaign-texts">
        <h2 id="campaign-texts">{t('campaigns.sections.texts')}</h2>
        <FormTextField control={control} name="titleDa" label={t('campaigns.fields.titleDa')} autoComplete="off" maxLength={200} />
        <FormTextField control={control} name="titleEn" label={t('campaigns.fields.titleEn')} autoComplete="off" maxLength={200} />
        <FormTextField control={control} name="titleAr" {...arabic} label={t('campaigns.fields.titleAr')} autoComplete="off" maxLength={200} />
        <FormTextAreaField control={control} name="summaryDa" label={t('campaigns.fields.summaryDa')} hint={t('campaigns.fields.summaryHint')} rows={3} maxLength={500} />
        <FormTextAreaField control={control} name="summaryEn" label={t('campaigns.fields.summaryEn')} rows={3} maxLength={500} />
        <FormTextAreaField control={control} name="summaryAr" {...arabic} label={t('campaigns.fields.summaryAr')} rows={3} maxLength={500} />
        <FormTextAreaField control={control} name="bodyDa" label={t('campaigns.fields.bodyDa')} hint={t('campaigns.fields.bodyHint')} rows={10} maxLength={10_000} />
        <FormTextAreaField control={control} name="bodyEn" label={t('campaigns.fields.bodyEn')} rows={10} maxLength={10_000} />
        <FormTextAreaField control={control} name="bodyAr" {...arabic} label={t('campaigns.fields.bodyAr')} rows={10} maxLength={10_000} />
      </section>
      <TestimonialFields control={control} />
      <VideoFields control={control} />
      <ServiceFields control={control} linkedServices={linkedServices} />
    </>
  );
}

function TestimonialFields({ control }: CampaignControl) {
  const { t } = useTranslation();
  return (
    <section className="app-form-section" aria-labelledby="campaign-testimonials">
      <h2 id="campaign-testimonials">{t('campaigns.sections.testimonials')}</h2>
      <RepeatableRows
        control={control}
        name="testimonials"
        legend={(number) => t('campaigns.fields.testimonialLegend', { number })}
        removeLabel={(number) => t('campaigns.removeTestimonial', { number })}
        addLabel={t('campaigns.addTestimonial')}
        newRow={emptyTestimonial}
        firstField="quote"
      >
        {(index) => (
          <>
            <FormTextAreaField control={control} name={`testimonials.${index}.quote`} label={t('campaigns.fields.quote')} rows={3} maxLength={1000} />
            <FormTextField control={control} name={`testimonials.${index}.attribution`} label={t('campaigns.fields.attribution')} hint={t('campaigns.fields.attributionHint')} autoComplete="off" maxLength={200} />
            <FormSelectField<CampaignDraft, CampaignLanguage>
              control={control}
              name={`testimonials.${index}.language`}
              label={t('campaigns.fields.testimonialLanguage')}
              options={CampaignLanguage.options.map((value) => ({ value, label: t(`campaigns.languageLabel.${value}`) }))}
            />
          </>
        )}
      </RepeatableRows>
    </section>
  );
}

function VideoFields({ control }: CampaignControl) {
  const { t } = useTranslation();
  return (
    <section className="app-form-section" aria-labelledby="campaign-videos">
      <h2 id="campaign-videos">{t('campaigns.sections.videos')}</h2>
      <RepeatableRows
        control={control}
        name="videos"
        legend={(number) => t('campaigns.fields.videoLegend', { number })}
        removeLabel={(number) => t('campaigns.removeVideo', { number })}
        addLabel={t('campaigns.addVideo')}
        newRow={emptyVideo}
        firstField="kind"
      >
        {(index) => <VideoRow control={control} index={index} />}
      </RepeatableRows>
    </section>
  );
}

/** A video of our own (a file with captions) or a link to one elsewhere: only the fields of its kind are sent. */
function VideoRow({ control, index }: CampaignControl & { index: number }) {
  const { t } = useTranslation();
  const at = `videos.${index}` as const;
  const kind = useWatch({ control, name: `${at}.kind` });
  const text = { control, autoComplete: 'off' } as const;
  return (
    <>
      <FormRadioGroup<CampaignDraft, VideoDraft['kind']>
        control={control}
        name={`${at}.kind`}
        legend={t('campaigns.fields.videoKind')}
        options={[
          { value: 'own', label: t('campaigns.fields.videoOwn'), hint: t('campaigns.fields.videoOwnHint') },
          { value: 'external', label: t('campaigns.fields.videoExternal'), hint: t('campaigns.fields.videoExternalHint') },
        ]}
      />
      <FormTextField {...text} name={`${at}.titleDa`} label={t('campaigns.fields.videoTitleDa')} maxLength={200} />
      <FormTextField {...text} name={`${at}.titleEn`} label={t('campaigns.fields.videoTitleEn')} maxLength={200} />
      <FormTextField {...text} name={`${at}.titleAr`} lang="ar" dir="rtl" hint={t('campaigns.arabicHint')} label={t('campaigns.fields.videoTitleAr')} maxLength={200} />
      {kind === 'own' ? (
        <>
          <FormTextField {...text} name={`${at}.path`} label={t('campaigns.fields.videoPath')} hint={t('campaigns.fields.videoPathHint')} spellCheck={false} />
          <FormTextField {...text} name={`${at}.captionsPath`} label={t('campaigns.fields.captionsPath')} hint={t('campaigns.fields.captionsPathHint')} spellCheck={false} />
        </>
      ) : (
        <FormTextField {...text} name={`${at}.url`} type="url" label={t('campaigns.fields.videoUrl')} hint={t('campaigns.fields.videoUrlHint')} spellCheck={false} maxLength={500} />
      )}
    </>
  );
}
