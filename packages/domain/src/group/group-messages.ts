import { decideReminder, type ReminderChannel, type ReminderDecision, type SafeContactPreferences } from '../course/reminders.ts';

/**
 * The messages a conversation group sends a person: the invitation (a place in a group), a reminder before each
 * meeting, and the question whether a long-waiting person still wants their place. Each passes the same safe-contact
 * decision as a course's reminders (channel, safe time, neutral wording); only the words differ. A message names the
 * group and the time — never anyone else in it. Without an explicit choice it names nothing at all.
 */
export type GroupMessageType = 'group_invitation' | 'group_meeting_reminder' | 'group_reconfirmation';

export function decideGroupMessage(
  preferences: SafeContactPreferences | null,
  message: { type: GroupMessageType; startsAt: Date; groupName: string; serviceName: string; availableChannels: readonly ReminderChannel[] },
  now: Date,
): ReminderDecision {
  const decision = decideReminder(preferences, { type: 'session_reminder', sessionStartsAt: message.startsAt, serviceName: message.serviceName, availableChannels: message.availableChannels }, now);
  if (!decision.send || preferences === null) return decision;
  const mayName = preferences.messageContent === 'may_name_service';
  return { ...decision, ...composeGroupText({ type: message.type, startsAt: message.startsAt, groupName: mayName ? message.groupName : null, language: preferences.language }) };
}

const TIME_ZONE = 'Europe/Copenhagen';
const whenFormat = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
};
const dateFormat = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long' }),
};

/** For a reconfirmation, `startsAt` is the deadline to answer by. */
export function composeGroupText(input: { type: GroupMessageType; startsAt: Date; groupName: string | null; language: 'da' | 'en' }): { subject: string; text: string } {
  const when = whenFormat[input.language].format(input.startsAt);
  const by = dateFormat[input.language].format(input.startsAt);
  const group = input.groupName;
  if (input.language === 'en') {
    switch (input.type) {
      case 'group_invitation':
        return { subject: 'Invitation', text: group ? `You have a place in ${group}. The first meeting is on ${when}.` : `You have a new appointment. The first one is on ${when}.` };
      case 'group_meeting_reminder':
        return { subject: 'Reminder', text: group ? `Reminder: ${group} meets on ${when}.` : `Reminder: your appointment is on ${when}.` };
      case 'group_reconfirmation':
        return { subject: 'Question', text: group ? `Do you still want your place on the waiting list for ${group}? Please let us know by ${by}.` : `Do you still want your appointment? Please let us know by ${by}.` };
    }
  }
  switch (input.type) {
    case 'group_invitation':
      return { subject: 'Invitation', text: group ? `Du har fået plads i ${group}. Første møde er ${when}.` : `Du har fået en ny aftale. Den første er ${when}.` };
    case 'group_meeting_reminder':
      return { subject: 'Påmindelse', text: group ? `Påmindelse: ${group} mødes ${when}.` : `Påmindelse: din aftale er ${when}.` };
    case 'group_reconfirmation':
      return { subject: 'Spørgsmål', text: group ? `Ønsker du stadig din plads på ventelisten til ${group}? Giv os besked senest ${by}.` : `Ønsker du stadig din aftale? Giv os besked senest ${by}.` };
  }
}
