import { ClockTime, isOpenAt, publiclyListedStatuses, Weekday, type WeeklyRule } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import { RadioGroup } from '../../ui/fields';
import { type HelpServiceDraft, type LocationDraft } from './help-service-form';
import { municipalityName } from '../../ui/reference-data';

type PreviewLanguage = 'da' | 'en';

const localeOf: Record<PreviewLanguage, string> = { da: 'da-DK', en: 'en-GB' };

type PreviewProps = {
  draft: HelpServiceDraft;
  organisationName: string;
  /** When the listing was last checked; a new listing shows today, as it will once created. */
  lastCheckedAt: string | undefined;
};

/**
 * A live preview of the listing's public page (`/{lang}/tilbud/{slug}`, rendered by the server in
 * public-pages.render.ts): the same information in the same order, with the page's own wording in the chosen
 * language, from what the admin has typed so far. It is a picture, not the page: nothing in it is a link.
 */
export function HelpServicePreview({ draft, organisationName, lastCheckedAt }: PreviewProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<PreviewLanguage>('da');
  // The public page's texts in the preview's language, whatever the staff app's own language is.
  const { t: pageT } = useTranslation(undefined, { lng: language });

  return (
    // Focusable: on wide screens the preview scrolls on its own, and keyboard users must be able to scroll it too.
    <section className="app-directory-preview" aria-labelledby="directory-preview-heading" tabIndex={0}>
      <h2 id="directory-preview-heading">{t('directory.preview.heading')}</h2>
      <p className="form-hint">{t('directory.preview.intro')}</p>
      <RadioGroup<PreviewLanguage>
        fieldKey="preview.language"
        legend={t('directory.preview.language')}
        options={[
          { value: 'da', label: <span lang="da">Dansk</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ]}
        value={language}
        isInline
        onChange={setLanguage}
      />
      <p className="form-hint">{t('directory.preview.arabicNote')}</p>
      <div className="app-preview-page" lang={language} data-testid="directory-preview">
        <PreviewPage draft={draft} organisationName={organisationName} lastCheckedAt={lastCheckedAt} language={language} t={pageT} />
      </div>
    </section>
  );
}

type PageProps = PreviewProps & { language: PreviewLanguage; t: TFunction };
type Formats = ReturnType<typeof useFormats>;
/** What each part of the preview page gets: the draft, the page's texts and formats, and a Danish/English pick. */
type PartProps = { draft: HelpServiceDraft; t: TFunction; formats: Formats; pick: (da: string, en: string) => string };

function PreviewPage({ draft, organisationName, lastCheckedAt, language, t }: PageProps) {
  const formats = useFormats(language);
  const pick = (da: string, en: string) => (language === 'en' ? en : da).trim();
  const part: PartProps = { draft, t, formats, pick };
  const rules = usableRules(draft);
  return (
    <>
      <h3 className="app-preview-name">{pick(draft.nameDa, draft.nameEn) || t('directory.preview.missingName')}</h3>
      <p className="app-preview-muted">{t('directory.preview.providedBy', { organisation: organisationName })}</p>
      <PreviewBadges draft={draft} rules={rules} t={t} />
      <PreviewContact {...part} />
      <h4>{t('directory.preview.about')}</h4>
      <Paragraphs text={pick(draft.descriptionDa, draft.descriptionEn)} />
      <PreviewHours {...part} rules={rules} />
      <PreviewWho {...part} />
      <PreviewWhere {...part} />
      <h4>{t('directory.preview.languages')}</h4>
      <p>{formats.list(draft.languages.filter((code) => /^[a-zA-Z]{2}$/.test(code)).map(formats.languageName))}</p>
      <PreviewCapacity {...part} />
      <p className="app-preview-muted">{t('directory.preview.lastChecked', { date: formats.date(lastCheckedAt ?? new Date().toISOString()) })}</p>
    </>
  );
}

function PreviewContact({ draft, t, formats, pick }: PartProps) {
  return (
    <div className="app-preview-contact">
      <h4>{t('directory.preview.howToContact')}</h4>
      <Paragraphs text={pick(draft.howToContactDa, draft.howToContactEn)} />
      <ul className="app-preview-list">
        {draft.phones
          .filter((phone) => phone.number.trim())
          .map((phone, index) => {
            const description = pick(phone.descriptionDa, phone.descriptionEn);
            return (
              <li key={index}>
                {t('directory.preview.phone')}: <span dir="ltr">{phone.number.trim()}</span>
                {description ? ` – ${description}` : null}
              </li>
            );
          })}
        {draft.email.trim() ? (
          <li>
            {t('directory.preview.email')}: <span dir="ltr">{draft.email.trim()}</span>
          </li>
        ) : null}
        {draft.websiteUrl.trim() ? (
          <li>
            {t('directory.preview.website')}: <span dir="ltr">{draft.websiteUrl.trim().replace(/^https:\/\//, '').replace(/\/$/, '')}</span>
          </li>
        ) : null}
      </ul>
      {draft.channels.length > 0 ? (
        <p>
          {t('directory.preview.waysToContact')}: {formats.list(draft.channels.map((channel) => t(`directory.channel.${channel}`)))}
        </p>
      ) : null}
      <p className="app-preview-muted">
        {t('directory.preview.safetyTip')} <span className="app-preview-link">{t('directory.preview.safetyLink')}</span>
      </p>
    </div>
  );
}

function PreviewHours({ draft, t, formats, pick, rules }: PartProps & { rules: WeeklyRule[] }) {
  const scheduleNote = pick(draft.scheduleNoteDa, draft.scheduleNoteEn);
  return (
    <>
      <h4>{t('directory.preview.openingHours')}</h4>
      {draft.isOpen24Hours ? (
        <p>{t('directory.preview.open24')}</p>
      ) : rules.length === 0 ? (
        <p>{t('directory.preview.noFixedHours')}</p>
      ) : (
        <ul className="app-preview-list">
          {rules.map((rule, index) => (
            <li key={index}>
              {formats.days(rule.byday)} <span dir="ltr">{`${rule.opensAt}–${rule.closesAt}`}</span>
            </li>
          ))}
        </ul>
      )}
      {scheduleNote ? <p>{scheduleNote}</p> : null}
    </>
  );
}

function PreviewWho({ draft, t, formats, pick }: PartProps) {
  const eligibility = pick(draft.eligibilityDa, draft.eligibilityEn);
  const minimumAge = wholeNumber(draft.minimumAge);
  const maximumAge = wholeNumber(draft.maximumAge);
  return (
    <>
      <h4>{t('directory.preview.who')}</h4>
      {draft.targetGroups.length > 0 ? <p>{formats.list(draft.targetGroups.map((group) => t(`directory.targetGroup.${group}`)))}</p> : null}
      {eligibility ? <Paragraphs text={eligibility} /> : null}
      {minimumAge !== null || maximumAge !== null ? <p>{ages(t, minimumAge, maximumAge)}</p> : null}
    </>
  );
}

function PreviewWhere({ draft, t, formats, pick }: PartProps) {
  return (
    <>
      <h4>{t('directory.preview.where')}</h4>
      {draft.locations.length > 0 ? (
        <ul className="app-preview-list">
          {draft.locations.map((location, index) => (
            <li key={index}>
              {pick(location.nameDa, location.nameEn)}
              {location.isConfidential ? (
                <>
                  {location.city.trim() ? ` (${location.city.trim()})` : null}. {t('directory.preview.confidentialLocation')}
                </>
              ) : (
                publicAddress(location)
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {t('directory.preview.area')}: {draft.isNational ? t('directory.preview.national') : formats.list(draft.municipalityCodes.map(municipalityName))}
      </p>
    </>
  );
}

/** ": Street 1, 1000 City", or nothing when no part of the address is given. */
function publicAddress(location: LocationDraft): string | null {
  const address = [location.addressLine.trim(), [location.postalCode.trim(), location.city.trim()].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return address ? `: ${address}` : null;
}

function PreviewCapacity({ draft, t }: PartProps) {
  const available = wholeNumber(draft.capacityAvailable);
  const maximum = wholeNumber(draft.capacityMaximum);
  if (!draft.hasCapacity || available === null) return null;
  const unit = draft.capacityUnit.trim();
  return <p>{maximum === null ? t('directory.preview.capacity', { unit, available }) : t('directory.preview.capacityOf', { unit, available, maximum })}</p>;
}

/** The badges of the public page, in its order; plus one the public never sees: "not shown publicly". */
function PreviewBadges({ draft, rules, t }: { draft: HelpServiceDraft; rules: WeeklyRule[]; t: TFunction }) {
  const isListed = publiclyListedStatuses.includes(draft.status);
  const hasHours = draft.isOpen24Hours || rules.length > 0;
  const isOpenNow = hasHours && isOpenAt({ isOpen24Hours: draft.isOpen24Hours, rules }, new Date());
  return (
    <p className="app-badges">
      {isListed ? null : <Badge tone="error">{t('directory.preview.notListed')}</Badge>}
      {draft.status === 'temporarily closed' ? <Badge tone="warning">{t('directory.preview.temporarilyClosed')}</Badge> : null}
      {draft.isOpen24Hours ? <Badge tone="info">{t('directory.preview.open24')}</Badge> : null}
      {!draft.isOpen24Hours && hasHours ? <Badge>{isOpenNow ? t('directory.preview.isOpenNow') : t('directory.preview.isClosedNow')}</Badge> : null}
      {draft.isFreeOfCharge ? <Badge>{t('directory.preview.free')}</Badge> : null}
      {draft.isAnonymousContactOffered ? <Badge>{t('directory.preview.anonymous')}</Badge> : null}
    </p>
  );
}

/** Text split into paragraphs at line breaks, as the public page does. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}

function ages(t: TFunction, minimum: number | null, maximum: number | null): string {
  if (minimum !== null && maximum !== null) return t('directory.preview.agesBetween', { minimum, maximum });
  if (minimum !== null) return t('directory.preview.agesFrom', { minimum });
  return maximum !== null ? t('directory.preview.agesTo', { maximum }) : '';
}

function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Only complete rules can be shown (or answer "open now"); the form reports the incomplete ones. */
function usableRules(draft: HelpServiceDraft): WeeklyRule[] {
  if (draft.isOpen24Hours) return [];
  return draft.rules
    .filter((rule) => rule.byday.length > 0 && ClockTime.safeParse(rule.opensAt).success && ClockTime.safeParse(rule.closesAt).success && rule.opensAt !== rule.closesAt)
    .map((rule) => ({ freq: 'WEEKLY', byday: Weekday.options.filter((day) => rule.byday.includes(day)), opensAt: rule.opensAt, closesAt: rule.closesAt }));
}

/** The public page's formatting (public-pages.render.ts): long dates, unit lists, weekday names, language names. */
function useFormats(language: PreviewLanguage) {
  return useMemo(() => {
    const locale = localeOf[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
    const listFormat = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
    const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
    return {
      date: (iso: string) => dateFormat.format(new Date(iso)),
      list: (items: string[]) => listFormat.format(items),
      days: (days: readonly Weekday[]) => {
        // 1 January 2024 was a Monday; Weekday.options is Monday-first.
        const text = days.map((day) => weekdayFormat.format(new Date(Date.UTC(2024, 0, 1 + Weekday.options.indexOf(day))))).join(', ');
        return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
      },
      languageName: (code: string) => {
        try {
          return languageNames.of(code.toLowerCase()) ?? code;
        } catch {
          // A code Intl does not know is shown as typed; the form reports it if it is malformed.
          return code;
        }
      },
    };
  }, [language]);
}
