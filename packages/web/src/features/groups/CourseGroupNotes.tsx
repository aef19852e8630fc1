import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { TableFrame } from '../../ui/TableFrame';
import { courseGroupNotesQuery } from './groups.api';

/**
 * On a person's own course: the notes facilitators wrote about them at group meetings. Read-only; nothing about the
 * other participants. Shows nothing when there are none (most courses have no group).
 */
export function CourseGroupNotes({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useQuery(courseGroupNotesQuery(courseId));
  if (!notes.data || notes.data.length === 0) return null;
  return (
    <section aria-labelledby="course-group-notes">
      <h3 id="course-group-notes">{t('groups.courseNotes.heading')}</h3>
      <TableFrame caption={t('groups.courseNotes.caption')} columns={[t('groups.courseNotes.meeting'), t('groups.courseNotes.note')]}>
        {notes.data.map((note) => (
          <tr key={`${note.groupId}-${note.meetingNumber}`}>
            <td data-title={t('groups.courseNotes.meeting')}>{t('groups.courseNotes.meetingValue', { offer: note.offerName, number: note.meetingNumber, date: format.date(note.meetingStartsAt) })}</td>
            <td data-title={t('groups.courseNotes.note')} dir="auto">
              {note.note}
            </td>
          </tr>
        ))}
      </TableFrame>
    </section>
  );
}
