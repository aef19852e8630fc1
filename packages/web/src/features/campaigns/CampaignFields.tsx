import { CampaignLanguage } from '@bro/domain';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../ui/Loading';
import { RadioGroup, SelectField, TextAreaField, TextField, fieldDomId } from '../../ui/fields';
import { emptyTestimonial, emptyVideo, type CampaignDraft, type CampaignDraftUpdate, type TestimonialDraft, type VideoDraft } from './campaign-form';
import { useServiceChoices, type ServiceChoice } from './useCampaigns';
import { ItemFrame, updateItem, useFocusAfterRender } from '../../ui/repeatable-list';

type TextKey = { [K in keyof CampaignDraft]: CampaignDraft[K] extends string ? K : never }[keyof CampaignDraft];
type FieldsProps = {
  draft: CampaignDraft;
  errors: Record<string, string>;
  onChange: CampaignDraftUpdate;
  /** Services the campaign points to now, with names, so a listing that is no longer active can still be removed. */
  linkedServices: readonly ServiceChoice[];
};

/** Every field of a campaign, grouped as the public page reads. Field keys are the request's paths (and DOM ids). */
export function CampaignFields({ draft, errors, onChange, linkedServices }: FieldsProps) {
  const { t } = useTranslation();
  const bind = (key: TextKey) => ({
    fieldKey: key,
    value: draft[key],
    error: errors[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange((current) => ({ ...current, [key]: event.target.value })),
  });
  const arabic = { lang: 'ar', dir: 'rtl', hint: t('campaigns.arabicHint') } as const;

  return (
    <>
      <section className="app-form-section" aria-labelledby="campaign-basics">
        <h2 id="campaign-basics">{t('campaigns.sections.basics')}</h2>
        <TextField {...bind('slug')} label={t('campaigns.fields.slug')} hint={t('campaigns.fields.slugHint')} autoComplete="off" spellCheck={false} inputClassName="app-short-input" maxLength={80} />
      </section>

      <section className="app-form-section" aria-labelledby="campaign-texts">
        <h2 id="campaign-texts">{t('campaigns.sections.texts')}</h2>
        <TextField {...bind('titleDa')} label={t('campaigns.fields.titleDa')} autoComplete="off" maxLength={200} />
        <TextField {...bind('titleEn')} label={t('campaigns.fields.titleEn')} autoComplete="off" maxLength={200} />
        <TextField {...bind('titleAr')} {...arabic} label={t('campaigns.fields.titleAr')} autoComplete="off" maxLength={200} />
        <TextAreaField {...bind('summaryDa')} label={t('campaigns.fields.summaryDa')} hint={t('campaigns.fields.summaryHint')} rows={3} maxLength={500} />
        <TextAreaField {...bind('summaryEn')} label={t('campaigns.fields.summaryEn')} rows={3} maxLength={500} />
        <TextAreaField {...bind('summaryAr')} {...arabic} label={t('campaigns.fields.summaryAr')} rows={3} maxLength={500} />
        <TextAreaField {...bind('bodyDa')} label={t('campaigns.fields.bodyDa')} hint={t('campaigns.fields.bodyHint')} rows={10} maxLength={10_000} />
        <TextAreaField {...bind('bodyEn')} label={t('campaigns.fields.bodyEn')} rows={10} maxLength={10_000} />
        <TextAreaField {...bind('bodyAr')} {...arabic} label={t('campaigns.fields.bodyAr')} rows={10} maxLength={10_000} />
      </section>

      <TestimonialFields draft={draft} errors={errors} onChange={onChange} />
      <VideoFields draft={draft} errors={errors} onChange={onChange} />
      <ServiceFields draft={draft} errors={errors} onChange={onChange} linkedServices={linkedServices} />
    </>
  );
}

function AddButton({ fieldKey, label, error, onAdd }: { fieldKey: string; label: string; error: string | undefined; onAdd: () => void }) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      {error ? <span className="form-error-message">{error}</span> : null}
      <button type="button" id={fieldDomId(fieldKey)} className="button button-secondary" onClick={onAdd}>
        {label}
      </button>
    </div>
  );
}

type ListProps = { draft: CampaignDraft; errors: Record<string, string>; onChange: CampaignDraftUpdate };

function TestimonialFields({ draft, errors, onChange }: ListProps) {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const set = (index: number, key: Exclude<keyof TestimonialDraft, 'key'>, value: string) =>
    onChange((current) => ({ ...current, testimonials: updateItem(current.testimonials, index, (item) => ({ ...item, [key]: value })) }));

  return (
    <section className="app-form-section" aria-labelledby="campaign-testimonials">
      <h2 id="campaign-testimonials">{t('campaigns.sections.testimonials')}</h2>
      {draft.testimonials.map((testimonial, index) => {
        const prefix = `testimonials.${index}`;
        const number = index + 1;
        return (
          <ItemFrame
            className="app-campaign-item"
            key={testimonial.key}
            legend={t('campaigns.fields.testimonialLegend', { number })}
            removeLabel={t('campaigns.removeTestimonial', { number })}
            onRemove={() => {
              onChange((current) => ({ ...current, testimonials: current.testimonials.filter((_, position) => position !== index) }));
              focusLater('testimonials');
            }}
          >
            <TextAreaField fieldKey={`${prefix}.quote`} label={t('campaigns.fields.quote')} rows={3} maxLength={1000} value={testimonial.quote} error={errors[`${prefix}.quote`]} onChange={(event) => set(index, 'quote', event.target.value)} />
            <TextField
              fieldKey={`${prefix}.attribution`}
              label={t('campaigns.fields.attribution')}
              hint={t('campaigns.fields.attributionHint')}
              autoComplete="off"
              maxLength={200}
              value={testimonial.attribution}
              error={errors[`${prefix}.attribution`]}
              onChange={(event) => set(index, 'attribution', event.target.value)}
            />
            <SelectField<CampaignLanguage>
              fieldKey={`${prefix}.language`}
              label={t('campaigns.fields.testimonialLanguage')}
              options={CampaignLanguage.options.map((value) => ({ value, label: t(`campaigns.languageLabel.${value}`) }))}
              value={testimonial.language}
              error={errors[`${prefix}.language`]}
              onChange={(value) => set(index, 'language', value)}
            />
          </ItemFrame>
        );
      })}
      <AddButton
        fieldKey="testimonials"
        label={t('campaigns.addTestimonial')}
        error={errors.testimonials}
        onAdd={() => {
          onChange((current) => ({ ...current, testimonials: [...current.testimonials, emptyTestimonial()] }));
          focusLater(`testimonials.${draft.testimonials.length}.quote`);
        }}
      />
    </section>
  );
}

function VideoFields({ draft, errors, onChange }: ListProps) {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const set = <K extends Exclude<keyof VideoDraft, 'key'>>(index: number, key: K, value: VideoDraft[K]) =>
    onChange((current) => ({ ...current, videos: updateItem(current.videos, index, (item) => ({ ...item, [key]: value })) }));

  return (
    <section className="app-form-section" aria-labelledby="campaign-videos">
      <h2 id="campaign-videos">{t('campaigns.sections.videos')}</h2>
      {draft.videos.map((video, index) => {
        const prefix = `videos.${index}`;
        const number = index + 1;
        const text = (key: 'titleDa' | 'titleEn' | 'titleAr' | 'path' | 'captionsPath' | 'url') => ({
          fieldKey: `${prefix}.${key}`,
          value: video[key],
          error: errors[`${prefix}.${key}`],
          autoComplete: 'off',
          onChange: (event: ChangeEvent<HTMLInputElement>) => set(index, key, event.target.value),
        });
        return (
          <ItemFrame
            className="app-campaign-item"
            key={video.key}
            legend={t('campaigns.fields.videoLegend', { number })}
            removeLabel={t('campaigns.removeVideo', { number })}
            onRemove={() => {
              onChange((current) => ({ ...current, videos: current.videos.filter((_, position) => position !== index) }));
              focusLater('videos');
            }}
          >
            <RadioGroup<VideoDraft['kind']>
              fieldKey={`${prefix}.kind`}
              legend={t('campaigns.fields.videoKind')}
              options={[
                { value: 'own', label: t('campaigns.fields.videoOwn'), hint: t('campaigns.fields.videoOwnHint') },
                { value: 'external', label: t('campaigns.fields.videoExternal'), hint: t('campaigns.fields.videoExternalHint') },
              ]}
              value={video.kind}
              error={errors[`${prefix}.kind`]}
              onChange={(value) => set(index, 'kind', value)}
            />
            <TextField {...text('titleDa')} label={t('campaigns.fields.videoTitleDa')} maxLength={200} />
            <TextField {...text('titleEn')} label={t('campaigns.fields.videoTitleEn')} maxLength={200} />
            <TextField {...text('titleAr')} lang="ar" dir="rtl" hint={t('campaigns.arabicHint')} label={t('campaigns.fields.videoTitleAr')} maxLength={200} />
            {video.kind === 'own' ? (
              <>
                <TextField {...text('path')} label={t('campaigns.fields.videoPath')} hint={t('campaigns.fields.videoPathHint')} spellCheck={false} />
                <TextField {...text('captionsPath')} label={t('campaigns.fields.captionsPath')} hint={t('campaigns.fields.captionsPathHint')} spellCheck={false} />
              </>
            ) : (
              <TextField {...text('url')} type="url" label={t('campaigns.fields.videoUrl')} hint={t('campaigns.fields.videoUrlHint')} spellCheck={false} maxLength={500} />
            )}
          </ItemFrame>
        );
      })}
      <AddButton
        fieldKey="videos"
        label={t('campaigns.addVideo')}
        error={errors.videos}
        onAdd={() => {
          onChange((current) => ({ ...current, videos: [...current.videos, emptyVideo()] }));
          focusLater(`videos.${draft.videos.length}.kind`);
        }}
      />
    </section>
  );
}

function ServiceFields({ draft, errors, onChange, linkedServices }: ListProps & { linkedServices: readonly ServiceChoice[] }) {
  const { t } = useTranslation();
  const choices = useServiceChoices();
  const error = errors.serviceIds;
  // A chosen service keeps its place; a new one goes last, so the admin sets the order by choosing.
  const toggle = (id: string, isChecked: boolean) =>
    onChange((current) => ({ ...current, serviceIds: isChecked ? [...current.serviceIds.filter((chosen) => chosen !== id), id] : current.serviceIds.filter((chosen) => chosen !== id) }));
  const offered = new Set([...(choices.data?.own ?? []), ...(choices.data?.others ?? [])].map((choice) => choice.id));
  const unavailable = choices.data ? linkedServices.filter((service) => !offered.has(service.id) && draft.serviceIds.includes(service.id)) : [];
  let isFirst = true;
  const checkboxes = (options: readonly ServiceChoice[]) =>
    options.map((option) => {
      // The first box carries the field's id, so the error summary can link to the group.
      const id = isFirst ? fieldDomId('serviceIds') : `${fieldDomId('serviceIds')}-${option.id}`;
      isFirst = false;
      return (
        <div className="form-group-checkbox" key={option.id}>
          <input type="checkbox" className="form-checkbox" id={id} checked={draft.serviceIds.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
          <label htmlFor={id}>{option.name}</label>
        </div>
      );
    });
  const group = (legendId: string, legend: string, options: readonly ServiceChoice[], hint?: string) =>
    options.length === 0 ? null : (
      <div className="form-group">
        <fieldset aria-describedby={hint ? `${legendId}-hint` : undefined}>
          <legend className="form-label">{legend}</legend>
          {hint ? (
            <span className="form-hint" id={`${legendId}-hint`}>
              {hint}
            </span>
          ) : null}
          {checkboxes(options)}
        </fieldset>
      </div>
    );

  return (
    <section className="app-form-section" aria-labelledby="campaign-services">
      <h2 id="campaign-services">{t('campaigns.sections.services')}</h2>
      <p className="form-hint">{t('campaigns.fields.servicesHint')}</p>
      {error ? (
        <p className="form-error-message" id={`${fieldDomId('serviceIds')}-error`}>
          <span className="sr-only">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {choices.error ? (
        <LoadFailed message={t('campaigns.fields.servicesLoadFailed')} onRetry={() => void choices.reload()} />
      ) : !choices.data ? (
        <Loading />
      ) : (
        <div className={error ? 'form-error' : undefined}>
          {group('campaign-unavailable', t('campaigns.fields.unavailableServices'), unavailable, t('campaigns.fields.unavailableHint'))}
          {group('campaign-own', t('campaigns.fields.ownServices'), choices.data.own)}
          {group('campaign-others', t('campaigns.fields.otherServices'), choices.data.others)}
          {choices.data.own.length + choices.data.others.length + unavailable.length === 0 ? <p>{t('campaigns.fields.noServices')}</p> : null}
        </div>
      )}
    </section>
  );
}
