import type { Course } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useHasPermission } from '../auth/useSession';
import { AccessHistorySection } from './AccessHistorySection';
import { BridgingSection } from './BridgingSection';
import { ClosingSection } from './ClosingSection';
import { coursePath, CourseRiskLevel, CourseStatusBadge, type SectionProps } from './course-ui';
import { CourseOverview } from './CourseOverview';
import { OutcomesSection } from './OutcomesSection';
import { RiskSection } from './RiskSection';
import { SafetyPlanSection } from './SafetyPlanSection';
import { SessionsSection } from './SessionsSection';
import { TriageSection } from './TriageSection';
import { courseQuery } from './courses.api';
import './courses.css';

const sections = {
  overview: CourseOverview,
  triage: TriageSection,
  risk: RiskSection,
  sessions: SessionsSection,
  'safety-plan': SafetyPlanSection,
  bridging: BridgingSection,
  outcomes: OutcomesSection,
  closing: ClosingSection,
  'access-history': AccessHistorySection,
} satisfies Record<string, ComponentType<SectionProps>>;
type SectionName = keyof typeof sections;

const isSection = (name: string): name is SectionName => name in sections;

/** `/courses/:id` and `/courses/:id/:section`: one course, its parts as sub-pages (paths carry ids only). */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '', section = 'overview' } = useParams();
  const queryClient = useQueryClient();
  const course = useQuery(courseQuery(id));
  const navigationMessage = (useLocation().state as { message?: string } | null)?.message;
  // The heading names the person: the title only says "Forløb".
  usePageTitle(t('courses.course.headingLoading'));
  const onCourseChanged: SectionProps['onCourseChanged'] = (fresh) =>
    fresh ? queryClient.setQueryData(courseQuery(id).queryKey, fresh) : void queryClient.invalidateQueries({ queryKey: courseQuery(id).queryKey });

  return (
    <>
      <PageHeading>{course.data ? t('courses.course.heading', { reference: course.data.reference, label: course.data.clientLabel }) : t('courses.course.headingLoading')}</PageHeading>
      <p>
        <Link to="/courses">{t('courses.course.back')}</Link>
      </p>
      <Loaded query={course}>
        {(data) =>
          isSection(section) ? (
            <CourseFrame key={data.id} course={data} section={section} initialMessage={navigationMessage} onCourseChanged={onCourseChanged} />
          ) : (
            <Alert variant="error" heading={t('notFound.heading')}>
              <p>
                <Link to={coursePath(id)}>{t('courses.course.toOverview')}</Link>
              </p>
            </Alert>
          )
        }
      </Loaded>
    </>
  );
}

function CourseFrame({ course, section, initialMessage, onCourseChanged }: { course: Course; section: SectionName; initialMessage?: string; onCourseChanged: SectionProps['onCourseChanged'] }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState(initialMessage);
  const previousSection = useRef(section);
  const canProduceHistory = useHasPermission('access_history:produce');

  // A new section is a new sub-page: its heading takes focus, as the page heading does after navigation.
  useEffect(() => {
    if (previousSection.current === section) return;
    previousSection.current = section;
    setMessage(undefined);
    document.getElementById('course-section-heading')?.focus();
  }, [section]);

  const Section = sections[section];
  const names = (Object.keys(sections) as SectionName[]).filter((name) => name !== 'access-history' || canProduceHistory);
  return (
    <>
      <CourseFlags course={course} />
      <nav className="app-course-nav" aria-label={t('courses.course.sectionsLabel')}>
        <ul>
          {names.map((name) => (
            <li key={name}>
              <NavLink to={coursePath(course.id, name === 'overview' ? undefined : name)} end>
                {t(`courses.sections.${name}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <LiveMessage message={message} isVisible />
      <Section course={course} onCourseChanged={onCourseChanged} onMessage={setMessage} />
    </>
  );
}

/** What must be seen first, whatever the section: status, risk, protection, and the prompts a high risk raises. */
function CourseFlags({ course }: { course: Course }) {
  const { t } = useTranslation();
  const isProtected = course.addressProtection !== 'none' && course.addressProtection !== 'unknown';
  return (
    <>
      <div className="app-badges">
        <CourseStatusBadge status={course.status} />
        <CourseRiskLevel course={course} />
        {isProtected ? <Badge tone="warning">{t(`addressProtection.${course.addressProtection}`)}</Badge> : null}
        {course.isAnonymous ? <Badge>{t('courses.anonymous')}</Badge> : null}
        <Badge>{t('courses.sessionsUsed', { used: course.sessions.used, planned: course.sessions.planned })}</Badge>
      </div>
      {course.prompts.safetyPlan ? (
        <Alert variant="warning" heading={t('courses.course.safetyPlanPromptHeading')} headingLevel={2}>
          <p>{t('courses.course.safetyPlanPrompt')}</p>
          <p>
            <Link to={coursePath(course.id, 'safety-plan')}>{t('courses.course.toSafetyPlan')}</Link>
          </p>
        </Alert>
      ) : null}
      {course.prompts.caseConference ? (
        <Alert variant="info" heading={t('courses.course.caseConferenceHeading')} headingLevel={2}>
          <p>{t('courses.course.caseConference')}</p>
        </Alert>
      ) : null}
    </>
  );
}
