import {
  BridgingView,
  CreateOnwardReferralRequest,
  OnwardServiceOption,
  RecordShelterStayRequest,
  RecordUnderretningReceiptRequest,
  RecordUnderretningRequest,
  ReferralForReferrer,
  ShelterStayView,
  UnderretningView,
  UpdateShelterStayRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { parseIdempotencyKey } from '../../../platform/idempotency.ts';
import { CourseParams, courseRoute, IdempotencyKeyHeader, onCourse, sendVerbatim } from '../core/course-http.ts';
import { getBridging, listOnwardOptions, recordShelterStay, recordUnderretning, recordUnderretningReceipt, referOnward, updateStay } from './bridging.service.ts';

const tag = 'bridging';
const StayParams = z.strictObject({ courseId: z.uuid(), stayId: z.uuid() });
const UnderretningParams = z.strictObject({ courseId: z.uuid(), underretningId: z.uuid() });

/** Bridging onward: onward referrals (closed loop), shelter stays, underretninger. */
export function registerBridgingRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerOnwardReferralRoutes(app, deps);
  registerShelterStayRoutes(app, deps);
  registerUnderretningRoutes(app, deps);
}

function registerOnwardReferralRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses/:courseId/bridging',
    courseRoute('course:read', tag, { summary: 'Onward referrals with their closed-loop status, shelter stays and underretninger of the course', params: CourseParams, response: { 200: BridgingView } }),
    async (request) => getBridging(onCourse(deps, request)),
  );

  api.get(
    '/courses/:courseId/onward-options',
    courseRoute('course:read', tag, { summary: 'Services the course can refer onward to (its side, or both sides)', params: CourseParams, response: { 200: z.array(OnwardServiceOption) } }),
    async (request) => listOnwardOptions(onCourse(deps, request)),
  );

  api.post(
    '/courses/:courseId/onward-referrals',
    courseRoute('course:write', tag, {
      summary: 'Refer the person onward, with a new consent, through the closed-loop referral',
      description:
        'Idempotent: requires the `Idempotency-Key` header. The consent must name the receiving service’s organisation (422 `consent_required`). The receiver sees it in its inbox; the course shows its status until help is received.',
      headers: IdempotencyKeyHeader,
      params: CourseParams,
      body: CreateOnwardReferralRequest,
      response: { 201: ReferralForReferrer },
    }),
    async (request, reply) => {
      const outcome = await referOnward({ ...onCourse(deps, request), request: request.body, idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']) });
      return sendVerbatim(reply, outcome);
    },
  );
}

function registerShelterStayRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/courses/:courseId/shelter-stays',
    courseRoute('course:write', tag, {
      summary: 'Record a shelter stay: which shelter, admission date, § 109 or § 110 — never an address',
      params: CourseParams,
      body: RecordShelterStayRequest,
      response: { 201: ShelterStayView },
    }),
    async (request, reply) => reply.status(201).send(await recordShelterStay({ ...onCourse(deps, request), request: request.body })),
  );

  api.patch(
    '/courses/:courseId/shelter-stays/:stayId',
    courseRoute('course:write', tag, { summary: 'Record (or clear) the discharge date of a shelter stay', params: StayParams, body: UpdateShelterStayRequest, response: { 200: ShelterStayView } }),
    async (request) => updateStay({ ...onCourse(deps, request), stayId: request.params.stayId, dischargedOn: request.body.dischargedOn }),
  );
}

function registerUnderretningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/courses/:courseId/underretninger',
    courseRoute('course:write', tag, {
      summary: 'Record an underretning (notification about children) sent to a municipality',
      params: CourseParams,
      body: RecordUnderretningRequest,
      response: { 201: UnderretningView },
    }),
    async (request, reply) => reply.status(201).send(await recordUnderretning({ ...onCourse(deps, request), request: request.body })),
  );

  api.post(
    '/courses/:courseId/underretninger/:underretningId/receipt',
    courseRoute('course:write', tag, { summary: 'Record the municipality’s receipt of an underretning', params: UnderretningParams, body: RecordUnderretningReceiptRequest, response: { 200: UnderretningView } }),
    async (request) => recordUnderretningReceipt({ ...onCourse(deps, request), underretningId: request.params.underretningId, receiptReceivedAt: request.body.receiptReceivedAt }),
  );
}
