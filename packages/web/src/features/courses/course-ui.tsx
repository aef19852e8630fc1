import type { Course, CourseStatus, RiskLevel } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppForm, type AppFormOptions, type FormSchema } from '../../forms/useAppForm';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { coursesDa } from './courses.da';

/** Small parts every course page shares: badges, the course form (server codes in words), paths and parsing. */

const toneByStatus: Record<CourseStatus, BadgeTone> = { triage: 'info', active: 'success', bridging: 'warning', closed: 'neutral' };

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={toneByStatus[status]}>{t(`courses.status.${status}`)}</Badge>;
}

const toneByRisk: Record<RiskLevel, BadgeTone> = { high: 'error', medium: 'warning', standard: 'neutral' };

/** A course without an assessment says so in words, never with an empty badge. */
export function CourseRiskBadge({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  return level === null ? <Badge>{t('courses.riskNotAssessed')}</Badge> : <Badge tone={toneByRisk[level]}>{t(`riskBadge.${level}`)}</Badge>;
}

/** The level and where it comes from: until the service assesses, the referral's rating is the starting level. */
export function CourseRiskLevel({ course }: { course: Pick<Course, 'riskLevel' | 'riskLevelSource'> }) {
  const { t } = useTranslation();
  return (
    <>
      <CourseRiskBadge level={course.riskLevel} />
      {course.riskLevelSource === 'referral' ? <span className="form-hint app-risk-source"> {t('courses.riskFromReferral')}</span> : null}
    </>
  );
}

type ServerMessageKey = keyof typeof coursesDa.serverMessages;

/**
 * The server names a field's problem with a code (`session_not_yet_held`, `rule_invalid:min_greater_than_max`);
 * the known ones are said in words, anything else is shown as the server wrote it rather than hidden.
 */
export function serverMessage(t: TFunction, message: string): string {
  const code = message.replace(/^rule_invalid:/, 'rule_').replace(/^instrument_invalid:/, 'instrument_');
  return code in coursesDa.serverMessages ? t(`courses.serverMessages.${code as ServerMessageKey}`) : message;
}

/** A course form: the toolkit's form, with the server's course codes said in words (`session_not_yet_held` …). */
export function useCourseForm<S extends FormSchema>(options: AppFormOptions<S>) {
  const { t } = useTranslation();
  return useAppForm({ ...options, messageOf: (message) => serverMessage(t, message) });
}

/** `datetime-local` (the device's time zone) → ISO 8601 with offset, or undefined when empty or invalid. */
export function fromDateTimeLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A whole number typed into a field, or undefined. */
export function parseWholeNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** `/courses/:id/<section>` */
export const coursePath = (id: string, section?: string) => `/courses/${encodeURIComponent(id)}${section ? `/${section}` : ''}`;

/** What every course section gets: the course, a way to refresh it after a change, and a place to say what happened. */
export type SectionProps = {
  course: Course;
  /** Replace the course with the fresher copy an action returned, or reload it (no argument). */
  onCourseChanged: (course?: Course) => void;
  onMessage: (message: string) => void;
};

/** The heading of the section shown; it takes focus when the user moves between sections. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <h2 id="course-section-heading" tabIndex={-1} className="app-page-heading">
      {children}
    </h2>
  );
}
