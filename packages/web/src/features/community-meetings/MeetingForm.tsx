import type { CommunityMeeting, CommunityMeetingPlan } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/useAction';
import { ActionFailed } from '../../ui/ActionFailed';
import { CheckboxGroup, RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { facilitatorOptionsQuery } from './community-meetings.api';

/** The plan as the form holds it: every field as typed (numbers too), turned into a request on submit. */
type Draft = Omit<CommunityMeetingPlan, 'capacity' | 'isAddressPublic'> & { capacity: string; addressVisibility: 'public' | 'registered' };

const emptyDraft: Draft = {
  theme: '',
  city: '',
  date: '',
  startTime: '18:00',
  endTime: '20:00',
  placeName: '',
  address: '',
  addressVisibility: 'registered',
  capacity: '20',
  description: '',
  facilitatorMembershipIds: [],
};

export function draftOf(meeting: CommunityMeeting): Draft {
  return {
    theme: meeting.theme,
    city: meeting.city,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    placeName: meeting.placeName,
    address: meeting.address,
    addressVisibility: meeting.isAddressPublic ? 'public' : 'registered',
    capacity: String(meeting.capacity),
    description: meeting.description,
    facilitatorMembershipIds: meeting.facilitators.map((facilitator) => facilitator.membershipId),
  };
}

function toPlan(draft: Draft): CommunityMeetingPlan {
  const { addressVisibility, capacity, ...rest } = draft;
  return { ...rest, isAddressPublic: addressVisibility === 'public', capacity: Number(capacity) };
}

/**
 * Planning a meeting (new or changed). The address's visibility is a deliberate choice with "signed-up only" first:
 * a venue for a community at risk is safer unlisted. The server checks everything again (422 in words).
 */
export function MeetingForm({ initial, submitLabel, onSubmit }: { initial?: Draft; submitLabel: string; onSubmit: (plan: CommunityMeetingPlan) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial ?? emptyDraft);
  const facilitators = useQuery(facilitatorOptionsQuery);
  const submit = useAction((plan: CommunityMeetingPlan) => onSubmit(plan));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const text = (key: 'theme' | 'city' | 'date' | 'startTime' | 'endTime' | 'placeName' | 'address' | 'capacity') => ({
    fieldKey: key,
    value: draft[key],
    onChange: (event: { target: { value: string } }) => set(key)(event.target.value),
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!submit.isBusy) void submit.run(toPlan(draft));
  };
  return (
    <form onSubmit={send} noValidate className="app-narrow">
      <TextField label={t('communityMeetings.fields.theme')} maxLength={200} required {...text('theme')} />
      <TextField label={t('communityMeetings.fields.city')} maxLength={80} required {...text('city')} />
      <TextField label={t('communityMeetings.fields.date')} type="date" required {...text('date')} />
      <TextField label={t('communityMeetings.fields.startTime')} hint={t('communityMeetings.fields.timeHint')} type="time" inputClassName="app-short-input" required {...text('startTime')} />
      <TextField label={t('communityMeetings.fields.endTime')} hint={t('communityMeetings.fields.timeHint')} type="time" inputClassName="app-short-input" required {...text('endTime')} />
      <TextField label={t('communityMeetings.fields.placeName')} hint={t('communityMeetings.fields.placeNameHint')} maxLength={200} required {...text('placeName')} />
      <TextField label={t('communityMeetings.fields.address')} maxLength={300} required {...text('address')} />
      <RadioGroup
        fieldKey="isAddressPublic"
        legend={t('communityMeetings.fields.addressVisibility')}
        value={draft.addressVisibility}
        onChange={set('addressVisibility')}
        options={[
          { value: 'registered', label: t('communityMeetings.fields.addressRegistered') },
          { value: 'public', label: t('communityMeetings.fields.addressPublic') },
        ]}
      />
      <TextField label={t('communityMeetings.fields.capacity')} type="number" min={1} max={500} inputMode="numeric" inputClassName="app-short-input" required {...text('capacity')} />
      <TextAreaField
        fieldKey="description"
        label={t('communityMeetings.fields.description')}
        hint={t('communityMeetings.fields.descriptionHint')}
        rows={5}
        maxLength={2000}
        value={draft.description}
        onChange={(event) => set('description')(event.target.value)}
      />
      <CheckboxGroup
        fieldKey="facilitatorMembershipIds"
        legend={t('communityMeetings.fields.facilitators')}
        hint={t('communityMeetings.fields.facilitatorsHint')}
        values={draft.facilitatorMembershipIds}
        onChange={set('facilitatorMembershipIds')}
        options={(facilitators.data ?? []).map((option) => ({ value: option.membershipId, label: option.displayName }))}
      />
      <ActionFailed message={submit.error} />
      <button type="submit" className="button button-primary" aria-busy={submit.isBusy}>
        {submit.isBusy ? t('communityMeetings.saving') : submitLabel}
      </button>
    </form>
  );
}
