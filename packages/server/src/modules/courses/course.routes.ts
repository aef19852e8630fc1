import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/app-deps.ts';
import { registerAccessHistoryRoutes } from './access-history/access-history.routes.ts';
import { registerBridgingRoutes } from './bridging/bridging.routes.ts';
import { registerCaseloadRoutes } from './caseload/caseload.routes.ts';
import { registerCourseConfigRoutes } from './configuration/configuration.routes.ts';
import { registerCourseRecordRoutes } from './core/course-record.routes.ts';
import { registerOpeningRoutes } from './opening/opening.routes.ts';
import { registerOutcomeRoutes } from './outcomes/outcome.routes.ts';
import { registerRiskAssessmentRoutes } from './risk/risk-assessment.routes.ts';
import { registerSafetyPlanRoutes } from './safety-plan/safety-plan.routes.ts';
import { registerCourseSessionRoutes } from './sessions/session.routes.ts';
import { registerTriageRoutes } from './triage/triage.routes.ts';

/**
 * Counselling courses (forløb): every route of the module, one registration per step a counsellor walks. A course
 * is visible only to the staff assigned to its service, on its side (victim/perpetrator); anything else answers 404.
 */
export function registerCourseRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerCourseRecordRoutes(app, deps);
  registerOpeningRoutes(app, deps);
  registerCaseloadRoutes(app, deps);
  registerTriageRoutes(app, deps);
  registerRiskAssessmentRoutes(app, deps);
  registerCourseSessionRoutes(app, deps);
  registerSafetyPlanRoutes(app, deps);
  registerOutcomeRoutes(app, deps);
  registerBridgingRoutes(app, deps);
  registerAccessHistoryRoutes(app, deps);
  registerCourseConfigRoutes(app, deps);
}
