import type { Course, CourseStatus, RiskLevel } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorsOf } from '../../api';
import { summaryOf } from '../../form-errors';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { coursesDa } from './courses.da';

/** Small parts every course page shares: badges, the action runner with server errors, and a form frame. */

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

type ServerMessageKey = keyof typeof coursesDa.serverMessages;

/**
 * The server names a field's problem with a code (`session_not_yet_held`, `rule_invalid:min_greater_than_max`);
 * the known ones are said in words, anything else is shown as the server wrote it rather than hidden.
 */
export function serverMessage(t: TFunction, message: string): string {
  const code = message.replace(/^rule_invalid:/, 'rule_').replace(/^instrument_invalid:/, 'instrument_');
  return code in coursesDa.serverMessages ? t(`courses.serverMessages.${code as ServerMessageKey}`) : message;
}

export type CourseAction = {
  isBusy: boolean;
  errors: Record<string, string>;
  /** Counts failed submits, so the error summary takes focus each time. */
  attempt: number;
  /** Client-side problems found before sending. */
  fail: (errors: Record<string, string>) => void;
  /** Runs the request; server field errors land on the form's fields (`<prefix>.<field>`). True when it worked. */
  run: (action: () => Promise<void>) => Promise<boolean>;
};

export function useCourseAction(prefix: string, fields: readonly string[]): CourseAction {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const fail = (found: Record<string, string>) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const run = async (action: () => Promise<void>) => {
    if (isBusy) return false;
    setIsBusy(true);
    setErrors({});
    try {
      await action();
      return true;
    } catch (error) {
      fail(errorsOf(error, prefix, fields, t));
      return false;
    } finally {
      setIsBusy(false);
    }
  };
  return { isBusy, errors, attempt, fail, run };
}

function errorsOf(error: unknown, prefix: string, fields: readonly string[], t: TFunction): Record<string, string> {
  const apiError = error instanceof ApiError ? error : new ApiError(0, undefined);
  if (apiError.status === 0) return { '': t('errors.network') };
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrorsOf(apiError, fields))) {
    if (key) result[`${prefix}.${key}`] = serverMessage(t, message);
  }
  const unplaced = apiError.fieldErrors.filter((problem) => !fields.some((field) => problemKey(problem.path) === field || problemKey(problem.path).startsWith(`${field}.`)));
  if (Object.keys(result).length === 0 || unplaced.length > 0) {
    const extra = unplaced.map((problem) => serverMessage(t, problem.message)).join(' ');
    result[''] = [apiError.detail ?? t('errors.unexpected'), extra].filter(Boolean).join(' ');
  }
  return result;
}

const problemKey = (path: string) =>
  path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^(body|params|querystring)\./, '');

type ActionFormProps = {
  id: string;
  heading: ReactNode;
  headingLevel?: 2 | 3 | 4;
  action: CourseAction;
  onSubmit: () => void;
  children: ReactNode;
};

/** A form named by its heading (so it is a `form` landmark), with an error summary that links to its fields. */
export function ActionForm({ id, heading, headingLevel = 3, action, onSubmit, children }: ActionFormProps) {
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'h4';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="app-action-panel">
      <Heading id={`${id}-heading`}>{heading}</Heading>
      <form noValidate onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={action.isBusy}>
        <ErrorSummary errors={summaryOf(action.errors)} attempt={action.attempt} />
        {children}
      </form>
    </div>
  );
}

export function SubmitButton({ children, variant = 'primary', isBusy = false }: { children: ReactNode; variant?: 'primary' | 'secondary' | 'warning'; isBusy?: boolean }) {
  return (
    <button type="submit" className={`button button-${variant}`} aria-disabled={isBusy || undefined}>
      {children}
    </button>
  );
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
