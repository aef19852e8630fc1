import type { Course, OnwardServiceOption, ReferralForReferrer, ShelterLegalBasis, ShelterStayView, UnderretningView } from '@bro/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormComboboxField, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { checkedBy } from '../../forms/schema';
import { useFormat } from '../../i18n/format';
import { CardList } from '../../ui/CardList';
import { municipalityOptions } from '../../ui/reference-data';
import { toDateTimeLocal } from '../referrals/referral-form';
import {
  initialStay,
  OTHER_SHELTER,
  toStayRequest,
  toUnderretningRequest,
  today,
  validateDischarge,
  validateReceipt,
  validateStay,
  validateUnderretning,
  type StayValues,
  type UnderretningValues,
} from './bridging-forms';
import { fromDateTimeLocal, useCourseForm } from './course-ui';
import { recordShelterStay, recordUnderretning, recordUnderretningReceipt, updateShelterStay } from './courses.api';

const bases: readonly ShelterLegalBasis[] = ['sel_109', 'sel_110'];

type StaysProps = {
  course: Course;
  stays: readonly ShelterStayView[];
  onwardReferrals: readonly ReferralForReferrer[];
  options: readonly OnwardServiceOption[];
  onChanged: (message: string) => void;
};

/** Shelter stays: which shelter, when, § 109 or § 110. Never the shelter's address: the course does not hold it. */
export function ShelterStays({ course, stays, onwardReferrals, options, onChanged }: StaysProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const canRecord = course.allowedActions.includes('record_shelter_stay');
  return (
    <>
      <h3>{t('courses.stays.heading')}</h3>
      <CardList items={stays} empty={t('courses.stays.none')}>
        {(stay) => (
          <li key={stay.id}>
            <h4 className="m-0">{stay.shelterName}</h4>
            <p className="m-0">
              {t(`courses.legalBasis.${stay.legalBasis}`)} · {t('courses.stays.admitted', { date: format.date(stay.admittedOn) })}
              {stay.dischargedOn ? ` · ${t('courses.stays.discharged', { date: format.date(stay.dischargedOn) })}` : ''}
            </p>
            {canRecord && !stay.dischargedOn ? <DischargeForm courseId={course.id} stay={stay} onSaved={() => onChanged(t('courses.stays.dischargeSaved'))} /> : null}
          </li>
        )}
      </CardList>
      {canRecord ? <StayForm course={course} onwardReferrals={onwardReferrals} shelters={options.filter((option) => option.organisationKind === 'shelter')} onSaved={() => onChanged(t('courses.stays.saved'))} /> : null}
    </>
  );
}

type StayFormProps = { course: Course; onwardReferrals: readonly ReferralForReferrer[]; shelters: readonly OnwardServiceOption[]; onSaved: () => void };

function StayForm({ course, onwardReferrals, shelters, onSaved }: StayFormProps) {
  const { t } = useTranslation();
  const organisations = [...new Map(shelters.map((shelter) => [shelter.organisationId, shelter.organisationName])).entries()];
  const schema = useMemo(() => checkedBy<StayValues>((values) => validateStay(values, t)).transform(toStayRequest), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: initialStay(new Date()),
    idPrefix: 'stay',
    onSubmit: async (request) => {
      await recordShelterStay(course.id, request);
      form.reset({ ...form.getValues(), shelterOrganisationId: '', shelterName: '', dischargedOn: '', onwardReferralId: '' });
      onSaved();
    },
  });
  return (
    <FormPanel id="stay" heading={t('courses.stays.formHeading')} form={form}>
      <p className="form-hint">{t('courses.stays.noAddress')}</p>
      <FormSelectField
        control={form.control}
        name="shelterOrganisationId"
        label={t('courses.stays.shelter')}
        options={[...organisations.map(([id, organisationName]) => ({ value: id, label: organisationName })), { value: OTHER_SHELTER, label: t('courses.stays.otherShelter') }]}
        emptyLabel={t('courses.choose')}
      />
      {form.watch('shelterOrganisationId') === OTHER_SHELTER ? <FormTextField control={form.control} name="shelterName" label={t('courses.stays.shelterName')} autoComplete="off" maxLength={200} /> : null}
      <FormRadioGroup control={form.control} name="legalBasis" legend={t('courses.stays.legalBasis')} options={bases.map((value) => ({ value, label: t(`courses.legalBasis.${value}`) }))} />
      <FormTextField control={form.control} name="admittedOn" label={t('courses.stays.admittedOn')} type="date" inputClassName="app-short-input" />
      <FormTextField control={form.control} name="dischargedOn" label={t('courses.stays.dischargedOn')} type="date" inputClassName="app-short-input" />
      {onwardReferrals.length > 0 ? (
        <FormSelectField
          control={form.control}
          name="onwardReferralId"
          label={t('courses.stays.onwardReferral')}
          options={onwardReferrals.map((referral) => ({ value: referral.id, label: `${referral.reference} – ${referral.serviceName}` }))}
          emptyLabel={t('courses.stays.noReferral')}
        />
      ) : null}
      <SubmitButton isBusy={form.isBusy}>{t('courses.stays.save')}</SubmitButton>
    </FormPanel>
  );
}

function DischargeForm({ courseId, stay, onSaved }: { courseId: string; stay: ShelterStayView; onSaved: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => checkedBy<{ dischargedOn: string }>((values) => validateDischarge(values, t)), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: { dischargedOn: today(new Date()) },
    idPrefix: `discharge-${stay.id}`,
    onSubmit: async (request) => {
      await updateShelterStay(courseId, stay.id, request);
      onSaved();
    },
  });
  return (
    <FormPanel id={`discharge-${stay.id}`} heading={t('courses.stays.dischargeHeading', { shelter: stay.shelterName })} headingLevel={4} form={form}>
      <FormTextField control={form.control} name="dischargedOn" label={t('courses.stays.dischargedOn')} type="date" inputClassName="app-short-input" />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.stays.saveDischarge')}
      </SubmitButton>
    </FormPanel>
  );
}

/** Underretninger (Barnets Lov § 133) as their own objects: who sent, when, to which municipality, the receipt. */
export function Underretninger({ course, underretninger, onChanged }: { course: Course; underretninger: readonly UnderretningView[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canRecord = course.allowedActions.includes('record_underretning');
  return (
    <>
      <h3>{t('courses.underretning.heading')}</h3>
      <CardList items={underretninger} empty={t('courses.underretning.none')}>
        {(notification) => (
          <li key={notification.id}>
            <h4 className="m-0">{t('courses.underretning.title', { municipality: notification.municipalityName })}</h4>
            <p className="m-0">{t('courses.underretning.sent', { at: format.dateTime(notification.sentAt), name: notification.sentBy.displayName })}</p>
            <p className="m-0">{notification.receiptReceivedAt ? t('courses.underretning.receipt', { at: format.dateTime(notification.receiptReceivedAt) }) : t('courses.underretning.noReceipt')}</p>
            {notification.note ? <p className="m-0 app-preserve-lines">{notification.note}</p> : null}
            {canRecord && !notification.receiptReceivedAt ? <ReceiptForm courseId={course.id} underretning={notification} onSaved={() => onChanged(t('courses.underretning.receiptSaved'))} /> : null}
          </li>
        )}
      </CardList>
      {canRecord ? <UnderretningForm courseId={course.id} onSaved={() => onChanged(t('courses.underretning.saved'))} /> : null}
    </>
  );
}

function UnderretningForm({ courseId, onSaved }: { courseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => checkedBy<UnderretningValues>((values) => validateUnderretning(values, t)).transform(toUnderretningRequest), [t]);
  const form = useCourseForm({
    schema,
    defaultValues: { municipalityCode: '', sentAt: toDateTimeLocal(new Date()), note: '' },
    idPrefix: 'underretning',
    onSubmit: async (request) => {
      await recordUnderretning(courseId, request);
      form.reset({ ...form.getValues(), municipalityCode: '', note: '' });
      onSaved();
    },
  });
  return (
    <FormPanel id="underretning" heading={t('courses.underretning.formHeading')} form={form}>
      <FormComboboxField control={form.control} name="municipalityCode" label={t('courses.underretning.municipalityCode')} hint={t('courses.underretning.municipalityHint')} options={municipalityOptions} />
      <FormTextField control={form.control} name="sentAt" label={t('courses.underretning.sentAt')} type="datetime-local" inputClassName="app-short-input" />
      <FormTextAreaField control={form.control} name="note" label={t('courses.underretning.note')} maxLength={2000} rows={2} />
      <SubmitButton isBusy={form.isBusy}>{t('courses.underretning.save')}</SubmitButton>
    </FormPanel>
  );
}

function ReceiptForm({ courseId, underretning, onSaved }: { courseId: string; underretning: UnderretningView; onSaved: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(
    () => checkedBy<{ receiptReceivedAt: string }>((values) => validateReceipt(values, t)).transform((values) => ({ receiptReceivedAt: fromDateTimeLocal(values.receiptReceivedAt) as string })),
    [t],
  );
  const form = useCourseForm({
    schema,
    defaultValues: { receiptReceivedAt: toDateTimeLocal(new Date()) },
    idPrefix: `receipt-${underretning.id}`,
    onSubmit: async (request) => {
      await recordUnderretningReceipt(courseId, underretning.id, request);
      onSaved();
    },
  });
  return (
    <FormPanel id={`receipt-${underretning.id}`} heading={t('courses.underretning.receiptHeading')} headingLevel={4} form={form}>
      <FormTextField control={form.control} name="receiptReceivedAt" label={t('courses.underretning.receiptAt')} type="datetime-local" inputClassName="app-short-input" />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('courses.underretning.saveReceipt')}
      </SubmitButton>
    </FormPanel>
  );
}
