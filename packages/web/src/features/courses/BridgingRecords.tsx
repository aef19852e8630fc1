import type { Course, OnwardServiceOption, ReferralForReferrer, ShelterLegalBasis, ShelterStayView, UnderretningView } from '@bro/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordShelterStay, recordUnderretning, recordUnderretningReceipt, updateShelterStay } from '../../api';
import { useFormat } from '../../i18n/format';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { toDateTimeLocal } from '../referrals/referral-form';
import { ActionForm, fromDateTimeLocal, SubmitButton, useCourseAction } from './course-ui';

const OTHER_SHELTER = 'other';
const bases: readonly ShelterLegalBasis[] = ['sel_109', 'sel_110'];
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const today = () => toDateTimeLocal(new Date()).slice(0, 10);

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
      {stays.length === 0 ? (
        <p>{t('courses.stays.none')}</p>
      ) : (
        <ul className="app-cards">
          {stays.map((stay) => (
            <li key={stay.id}>
              <h4 className="m-0">{stay.shelterName}</h4>
              <p className="m-0">
                {t(`courses.legalBasis.${stay.legalBasis}`)} · {t('courses.stays.admitted', { date: format.date(stay.admittedOn) })}
                {stay.dischargedOn ? ` · ${t('courses.stays.discharged', { date: format.date(stay.dischargedOn) })}` : ''}
              </p>
              {canRecord && !stay.dischargedOn ? <DischargeForm courseId={course.id} stay={stay} onSaved={() => onChanged(t('courses.stays.dischargeSaved'))} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canRecord ? <StayForm course={course} onwardReferrals={onwardReferrals} shelters={options.filter((option) => option.organisationKind === 'shelter')} onSaved={() => onChanged(t('courses.stays.saved'))} /> : null}
    </>
  );
}

function StayForm({ course, onwardReferrals, shelters, onSaved }: { course: Course; onwardReferrals: readonly ReferralForReferrer[]; shelters: readonly OnwardServiceOption[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const organisations = [...new Map(shelters.map((shelter) => [shelter.organisationId, shelter.organisationName])).entries()];
  const [shelter, setShelter] = useState('');
  const [name, setName] = useState('');
  const [basis, setBasis] = useState<ShelterLegalBasis>('sel_109');
  const [admittedOn, setAdmittedOn] = useState(today);
  const [dischargedOn, setDischargedOn] = useState('');
  const [referralId, setReferralId] = useState('');
  const action = useCourseAction('stay', ['shelterOrganisationId', 'shelterName', 'legalBasis', 'admittedOn', 'dischargedOn', 'onwardReferralId']);

  const submit = () => {
    const found: Record<string, string> = {};
    if (!shelter) found['stay.shelterOrganisationId'] = t('courses.stays.shelterRequired');
    if (shelter === OTHER_SHELTER && !name.trim()) found['stay.shelterName'] = t('courses.stays.nameRequired');
    if (!isDate(admittedOn)) found['stay.admittedOn'] = t('courses.stays.dateFormat');
    if (dischargedOn && !isDate(dischargedOn)) found['stay.dischargedOn'] = t('courses.stays.dateFormat');
    if (Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      await recordShelterStay(course.id, {
        shelterOrganisationId: shelter === OTHER_SHELTER ? undefined : shelter,
        shelterName: shelter === OTHER_SHELTER ? name.trim() : undefined,
        legalBasis: basis,
        admittedOn,
        dischargedOn: dischargedOn || undefined,
        onwardReferralId: referralId || undefined,
      });
      setShelter('');
      setName('');
      setDischargedOn('');
      setReferralId('');
      onSaved();
    });
  };

  return (
    <ActionForm id="stay" heading={t('courses.stays.formHeading')} action={action} onSubmit={submit}>
      <p className="form-hint">{t('courses.stays.noAddress')}</p>
      <SelectField
        fieldKey="stay.shelterOrganisationId"
        label={t('courses.stays.shelter')}
        options={[...organisations.map(([id, organisationName]) => ({ value: id, label: organisationName })), { value: OTHER_SHELTER, label: t('courses.stays.otherShelter') }]}
        value={shelter}
        emptyLabel={t('courses.choose')}
        error={action.errors['stay.shelterOrganisationId']}
        onChange={setShelter}
      />
      {shelter === OTHER_SHELTER ? (
        <TextField fieldKey="stay.shelterName" label={t('courses.stays.shelterName')} autoComplete="off" maxLength={200} value={name} error={action.errors['stay.shelterName']} onChange={(event) => setName(event.target.value)} />
      ) : null}
      <RadioGroup fieldKey="stay.legalBasis" legend={t('courses.stays.legalBasis')} options={bases.map((value) => ({ value, label: t(`courses.legalBasis.${value}`) }))} value={basis} onChange={setBasis} />
      <TextField fieldKey="stay.admittedOn" label={t('courses.stays.admittedOn')} type="date" inputClassName="app-short-input" value={admittedOn} error={action.errors['stay.admittedOn']} onChange={(event) => setAdmittedOn(event.target.value)} />
      <TextField
        fieldKey="stay.dischargedOn"
        label={t('courses.stays.dischargedOn')}
        type="date"
        inputClassName="app-short-input"
        value={dischargedOn}
        error={action.errors['stay.dischargedOn']}
        onChange={(event) => setDischargedOn(event.target.value)}
      />
      {onwardReferrals.length > 0 ? (
        <SelectField
          fieldKey="stay.onwardReferralId"
          label={t('courses.stays.onwardReferral')}
          options={onwardReferrals.map((referral) => ({ value: referral.id, label: `${referral.reference} – ${referral.serviceName}` }))}
          value={referralId}
          emptyLabel={t('courses.stays.noReferral')}
          error={action.errors['stay.onwardReferralId']}
          onChange={setReferralId}
        />
      ) : null}
      <SubmitButton isBusy={action.isBusy}>{t('courses.stays.save')}</SubmitButton>
    </ActionForm>
  );
}

function DischargeForm({ courseId, stay, onSaved }: { courseId: string; stay: ShelterStayView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const action = useCourseAction(`discharge-${stay.id}`, ['dischargedOn']);
  const key = `discharge-${stay.id}.dischargedOn`;
  const submit = () => {
    if (!isDate(date)) return action.fail({ [key]: t('courses.stays.dateFormat') });
    void action.run(async () => {
      await updateShelterStay(courseId, stay.id, date);
      onSaved();
    });
  };
  return (
    <ActionForm id={`discharge-${stay.id}`} heading={t('courses.stays.dischargeHeading', { shelter: stay.shelterName })} headingLevel={4} action={action} onSubmit={submit}>
      <TextField fieldKey={key} label={t('courses.stays.dischargedOn')} type="date" inputClassName="app-short-input" value={date} error={action.errors[key]} onChange={(event) => setDate(event.target.value)} />
      <SubmitButton variant="secondary" isBusy={action.isBusy}>
        {t('courses.stays.saveDischarge')}
      </SubmitButton>
    </ActionForm>
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
      {underretninger.length === 0 ? (
        <p>{t('courses.underretning.none')}</p>
      ) : (
        <ul className="app-cards">
          {underretninger.map((notification) => (
            <li key={notification.id}>
              <h4 className="m-0">{t('courses.underretning.title', { municipality: notification.municipalityName, code: notification.municipalityCode })}</h4>
              <p className="m-0">{t('courses.underretning.sent', { at: format.dateTime(notification.sentAt), name: notification.sentBy.displayName })}</p>
              <p className="m-0">{notification.receiptReceivedAt ? t('courses.underretning.receipt', { at: format.dateTime(notification.receiptReceivedAt) }) : t('courses.underretning.noReceipt')}</p>
              {notification.note ? <p className="m-0 app-preserve-lines">{notification.note}</p> : null}
              {canRecord && !notification.receiptReceivedAt ? <ReceiptForm courseId={course.id} underretning={notification} onSaved={() => onChanged(t('courses.underretning.receiptSaved'))} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canRecord ? <UnderretningForm courseId={course.id} onSaved={() => onChanged(t('courses.underretning.saved'))} /> : null}
    </>
  );
}

function UnderretningForm({ courseId, onSaved }: { courseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [sentAt, setSentAt] = useState(() => toDateTimeLocal(new Date()));
  const [note, setNote] = useState('');
  const action = useCourseAction('underretning', ['municipalityCode', 'sentAt', 'note']);
  const submit = () => {
    const found: Record<string, string> = {};
    const at = fromDateTimeLocal(sentAt);
    if (!/^\d{3}$/.test(code.trim())) found['underretning.municipalityCode'] = t('courses.serverMessages.municipality_code_format');
    if (!at) found['underretning.sentAt'] = t('courses.underretning.sentAtRequired');
    if (!at || Object.keys(found).length > 0) return action.fail(found);
    void action.run(async () => {
      await recordUnderretning(courseId, { municipalityCode: code.trim(), sentAt: at, note: note.trim() || undefined });
      setCode('');
      setNote('');
      onSaved();
    });
  };
  return (
    <ActionForm id="underretning" heading={t('courses.underretning.formHeading')} action={action} onSubmit={submit}>
      <TextField
        fieldKey="underretning.municipalityCode"
        label={t('courses.underretning.municipalityCode')}
        hint={t('courses.underretning.municipalityHint')}
        inputMode="numeric"
        inputClassName="app-short-input"
        value={code}
        error={action.errors['underretning.municipalityCode']}
        onChange={(event) => setCode(event.target.value)}
      />
      <TextField fieldKey="underretning.sentAt" label={t('courses.underretning.sentAt')} type="datetime-local" inputClassName="app-short-input" value={sentAt} error={action.errors['underretning.sentAt']} onChange={(event) => setSentAt(event.target.value)} />
      <TextAreaField fieldKey="underretning.note" label={t('courses.underretning.note')} maxLength={2000} rows={2} value={note} error={action.errors['underretning.note']} onChange={(event) => setNote(event.target.value)} />
      <SubmitButton isBusy={action.isBusy}>{t('courses.underretning.save')}</SubmitButton>
    </ActionForm>
  );
}

function ReceiptForm({ courseId, underretning, onSaved }: { courseId: string; underretning: UnderretningView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState(() => toDateTimeLocal(new Date()));
  const action = useCourseAction(`receipt-${underretning.id}`, ['receiptReceivedAt']);
  const key = `receipt-${underretning.id}.receiptReceivedAt`;
  const submit = () => {
    const iso = fromDateTimeLocal(at);
    if (!iso) return action.fail({ [key]: t('courses.underretning.sentAtRequired') });
    void action.run(async () => {
      await recordUnderretningReceipt(courseId, underretning.id, iso);
      onSaved();
    });
  };
  return (
    <ActionForm id={`receipt-${underretning.id}`} heading={t('courses.underretning.receiptHeading')} headingLevel={4} action={action} onSubmit={submit}>
      <TextField fieldKey={key} label={t('courses.underretning.receiptAt')} type="datetime-local" inputClassName="app-short-input" value={at} error={action.errors[key]} onChange={(event) => setAt(event.target.value)} />
      <SubmitButton variant="secondary" isBusy={action.isBusy}>
        {t('courses.underretning.saveReceipt')}
      </SubmitButton>
    </ActionForm>
  );
}
