import type { CreateGroupOfferRequest, GroupOfferView, GroupServiceChoice } from '@bro/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ErrorText } from './group-ui';
import { changeOffer, createOffer, groupKeys, groupOfferQuery, groupServicesQuery } from './groups.api';
import './groups.css';

/** `/groups/offers/new`: a service's group offer — capacity, rhythm, place, facilitators and the reconfirmation period. */
export function NewGroupOfferPage() {
  const { t } = useTranslation();
  const services = useQuery(groupServicesQuery);
  usePageTitle(t('groups.form.heading'));
  return (
    <>
      <p>
        <Link to="/groups" className="back-link">
          {t('groups.back')}
        </Link>
      </p>
      <PageHeading>{t('groups.form.heading')}</PageHeading>
      <Loaded query={services}>{(data) => <OfferForm services={data} />}</Loaded>
    </>
  );
}

/** ISO weekdays 1–7 as the texts name them. */
export const weekdays = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'] as const;

/** `/groups/offers/:id/edit`: the same form for an existing offer; groups already started keep their meetings. */
export function EditGroupOfferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const services = useQuery(groupServicesQuery);
  const offer = useQuery(groupOfferQuery(id));
  usePageTitle(t('groups.form.editHeading'));
  return (
    <>
      <p>
        <Link to={`/groups/offers/${id}`} className="back-link">
          {offer.data?.name ?? t('groups.back')}
        </Link>
      </p>
      <PageHeading>{t('groups.form.editHeading')}</PageHeading>
      <Loaded query={services}>{(choices) => <Loaded query={offer}>{(data) => <OfferForm services={choices} offer={data} />}</Loaded>}</Loaded>
    </>
  );
}

type Values = {
  serviceId: string;
  name: string;
  targetGroup: string;
  minimum: string;
  maximum: string;
  meetingCount: string;
  weekday: string;
  startTime: string;
  intervalWeeks: string;
  duration: string;
  mode: 'in_person' | 'online';
  place: string;
  facilitators: string[];
  reconfirmAfterDays: string;
  monthsSinceLeft: string;
};

function toRequest(values: Values, ruleLabel: string): CreateGroupOfferRequest {
  const months = values.monthsSinceLeft.trim();
  return {
    serviceId: values.serviceId,
    name: values.name,
    targetGroup: values.targetGroup,
    eligibilityRules:
      months === ''
        ? null
        : { targetGroups: [{ id: 'left_partner', label: { da: ruleLabel, en: ruleLabel }, conditions: [{ fact: 'monthsSinceLeftPartner', min: Number(months) }] }], exclusions: [], notInTargetGroupOnward: null },
    minParticipants: Number(values.minimum),
    maxParticipants: Number(values.maximum),
    meetingCount: Number(values.meetingCount),
    rhythm: { weekday: Number(values.weekday), startTime: values.startTime, intervalWeeks: values.intervalWeeks === '2' ? 2 : 1, durationMinutes: Number(values.duration) },
    mode: values.mode,
    place: values.mode === 'online' || values.place.trim() === '' ? null : values.place,
    facilitatorUserIds: values.facilitators,
    reconfirmAfterDays: Number(values.reconfirmAfterDays),
  };
}

/** The months-since-leaving rule the form edits, when the offer's rules are that one simple rule. */
function monthsOf(offer: GroupOfferView | undefined): string {
  const condition = offer?.eligibilityRules?.targetGroups[0]?.conditions[0];
  return condition && 'fact' in condition && condition.fact === 'monthsSinceLeftPartner' && condition.min !== undefined ? String(condition.min) : '';
}

function initialValues(services: readonly GroupServiceChoice[], offer: GroupOfferView | undefined): Values {
  if (!offer) {
    const serviceId = services.length === 1 ? (services[0]?.id ?? '') : '';
    return { serviceId, name: '', targetGroup: '', minimum: '6', maximum: '8', meetingCount: '8', weekday: '2', startTime: '17:00', intervalWeeks: '1', duration: '90', mode: 'in_person', place: '', facilitators: [], reconfirmAfterDays: '60', monthsSinceLeft: '' };
  }
  return {
    serviceId: offer.serviceId,
    name: offer.name,
    targetGroup: offer.targetGroup,
    minimum: String(offer.minParticipants),
    maximum: String(offer.maxParticipants),
    meetingCount: String(offer.meetingCount),
    weekday: String(offer.rhythm.weekday),
    startTime: offer.rhythm.startTime,
    intervalWeeks: String(offer.rhythm.intervalWeeks),
    duration: String(offer.rhythm.durationMinutes),
    mode: offer.mode,
    place: offer.place ?? '',
    facilitators: offer.facilitators.map((facilitator) => facilitator.userId),
    reconfirmAfterDays: String(offer.reconfirmAfterDays),
    monthsSinceLeft: monthsOf(offer),
  };
}

function OfferForm({ services, offer }: { services: readonly GroupServiceChoice[]; offer?: GroupOfferView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(services, offer));
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const create = useMutation({
    // An edit keeps rules the form cannot show (anything beyond the one months rule) unless that field was changed.
    mutationFn: (request: CreateGroupOfferRequest) => {
      if (!offer) return createOffer(request);
      const { serviceId: _serviceId, ...fields } = request;
      return changeOffer(offer.id, values.monthsSinceLeft === monthsOf(offer) ? { ...fields, eligibilityRules: offer.eligibilityRules } : fields);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: groupKeys.offers() });
      await queryClient.invalidateQueries({ queryKey: groupKeys.offer(saved.id) });
      await navigate(`/groups/offers/${saved.id}`);
    },
  });
  const staff = services.find((service) => service.id === values.serviceId)?.staff ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(toRequest(values, t('groups.form.monthsSinceLeft')));
  };
  return (
    <form onSubmit={submit} noValidate className="app-narrow">
      <ErrorText error={create.error} />
      {/* An offer stays at its service: only a new one chooses. */}
      {offer ? null : (
        <Select id="offer-service" label={t('groups.form.service')} value={values.serviceId} onChange={set('serviceId')} options={[{ value: '', label: t('groups.form.chooseService') }, ...services.map((service) => ({ value: service.id, label: service.name }))]} />
      )}
      <Text id="offer-name" label={t('groups.form.name')} value={values.name} onChange={set('name')} />
      <div className="form-group">
        <label className="form-label" htmlFor="offer-target">
          {t('groups.form.targetGroup')}
        </label>
        <textarea id="offer-target" className="form-input" rows={3} value={values.targetGroup} onChange={(event) => set('targetGroup')(event.target.value)} />
      </div>
      <Text id="offer-months" label={t('groups.form.monthsSinceLeft')} value={values.monthsSinceLeft} onChange={set('monthsSinceLeft')} inputMode="numeric" />
      <RhythmFields values={values} set={set} />
      <Select id="offer-mode" label={t('groups.form.mode')} value={values.mode} onChange={(value) => set('mode')(value === 'online' ? 'online' : 'in_person')} options={[{ value: 'in_person', label: t('groups.mode.in_person') }, { value: 'online', label: t('groups.mode.online') }]} />
      {values.mode === 'in_person' ? <Text id="offer-place" label={t('groups.form.place')} hint={t('groups.form.placeHint')} value={values.place} onChange={set('place')} /> : null}
      <FacilitatorFields staff={staff} chosen={values.facilitators} onChange={set('facilitators')} />
      <Text id="offer-reconfirm" label={t('groups.form.reconfirmAfterDays')} value={values.reconfirmAfterDays} onChange={set('reconfirmAfterDays')} inputMode="numeric" />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {offer ? t('groups.form.save') : t('groups.form.submit')}
      </button>
    </form>
  );
}

type Setter = <K extends keyof Values>(key: K) => (value: Values[K]) => void;

function RhythmFields({ values, set }: { values: Values; set: Setter }) {
  const { t } = useTranslation();
  return (
    <>
        <div className="app-group-fields">
          <Text id="offer-min" label={t('groups.form.minimum')} value={values.minimum} onChange={set('minimum')} inputMode="numeric" />
          <Text id="offer-max" label={t('groups.form.maximum')} value={values.maximum} onChange={set('maximum')} inputMode="numeric" />
          <Text id="offer-count" label={t('groups.form.meetingCount')} value={values.meetingCount} onChange={set('meetingCount')} inputMode="numeric" />
        </div>
        <div className="app-group-fields">
          <Select id="offer-weekday" label={t('groups.form.weekday')} value={values.weekday} onChange={set('weekday')} options={weekdays.map((day, index) => ({ value: String(index + 1), label: t(`groups.weekday.${day}`) }))} />
          <Text id="offer-time" label={t('groups.form.startTime')} value={values.startTime} onChange={set('startTime')} />
          <Select id="offer-interval" label={t('groups.form.interval')} value={values.intervalWeeks} onChange={set('intervalWeeks')} options={[{ value: '1', label: t('groups.interval.weekly') }, { value: '2', label: t('groups.interval.biweekly') }]} />
          <Text id="offer-duration" label={t('groups.form.duration')} value={values.duration} onChange={set('duration')} inputMode="numeric" />
        </div>
    </>
  );
}

function FacilitatorFields({ staff, chosen, onChange }: { staff: GroupServiceChoice['staff']; chosen: readonly string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-group">
      <legend className="form-label">{t('groups.form.facilitators')}</legend>
      <ul className="nobullet-list">
        {staff.map((member) => (
          <li key={member.userId} className="form-group-checkbox">
            <input
              type="checkbox"
              className="form-checkbox"
              id={`facilitator-${member.userId}`}
              checked={chosen.includes(member.userId)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, member.userId] : chosen.filter((id) => id !== member.userId))}
            />
            <label htmlFor={`facilitator-${member.userId}`}>{member.displayName}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type TextProps = { id: string; label: string; value: string; onChange: (value: string) => void; hint?: string; inputMode?: 'numeric'; type?: string };

export function Text({ id, label, value, onChange, hint, inputMode, type = 'text' }: TextProps) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input id={id} type={type} className="form-input" value={value} inputMode={inputMode} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

type SelectProps = { id: string; label: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] };

export function Select({ id, label, value, onChange, options }: SelectProps) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="form-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
