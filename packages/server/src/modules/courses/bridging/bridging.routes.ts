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
import { requireActor } from '../../../platform/auth/authorization.ts';
import { parseIdempotencyKey } from '../../../platform/idempotency.ts';
import { getBridging, listOnwardOptions, recordShelterStay, recordUnderretning, recordUnderretningReceipt, referOnward, updateStay } from './bridging.service.ts';
import { CourseParams, sendVerbatim } from '../core/course-http.ts';

const StayParams = z.strictObject({ courseId: z.uuid(), stayId: z.uuid() });
const UnderretningParams = z.strictObject({ courseId: z.uuid(), underretningId: z.uuid() });

/** Bridging onward: onward referrals (closed loop), shelter stays, underretninger. */
export function registerBridgingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses/:courseId/bridging',
    {
      config: { permission: 'course:read' },
      schema: {
        tags: ['bridging'],
        summary: 'Onward referrals with their closed-loop status, shelter stays and underretninger of the course',
        params: CourseParams,
        response: { 200: BridgingView },
      },
    },
    async (request) => getBridging({ ...deps, actor: requireActor(request), courseId: request.params.courseId }),
  );

  api.get(
    '/courses/:courseId/onward-options',
    {
      config: { permission: 'course:read' },
      schema: { tags: ['bridging'], summary: 'Services the course can refer onward to (its side, or both sides)', params: CourseParams, response: { 200: z.array(OnwardServiceOption) } },
    },
    async (request) => listOnwardOptions({ ...deps, actor: requireActor(request), courseId: request.params.courseId }),
  );

  api.post(
    '/courses/:courseId/onward-referrals',
    {
      config: { permission: 'course:write' },
      schema: {
        tags: ['bridging'],
        summary: 'Refer the person onward, with a new consent, through the closed-loop referral',
        description:
          'Idempotent: requires the `Idempotency-Key` header. The consent must name the receiving service’s organisation (422 `consent_required`). The receiver sees it in its inbox; the course shows its status until help is received.',
        headers: z.looseObject({ 'idempotency-key': z.string().optional().describe('Client-chosen key, 8–128 characters [A-Za-z0-9_-]; required') }),
        params: CourseParams,
        body: CreateOnwardReferralRequest,
        response: { 201: ReferralForReferrer },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const outcome = await referOnward({ ...deps, actor, courseId: request.params.courseId, request: request.body, idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']) });
      return sendVerbatim(reply, outcome);
    },
  );

  api.post(
    '/courses/:courseId/shelter-stays',
    {
      config: { permission: 'course:write' },
      schema: {
        tags: ['bridging'],
        summary: 'Record a shelter stay: which shelter, admission date, § 109 or § 110 — never an address',
        params: CourseParams,
        body: RecordShelterStayRequest,
        response: { 201: ShelterStayView },
      },
    },
    async (request, reply) => reply.status(201).send(await recordShelterStay({ ...deps, actor: requireActor(request), courseId: request.params.courseId, request: request.body })),
  );

  api.patch(
    '/courses/:courseId/shelter-stays/:stayId',
    {
      config: { permission: 'course:write' },
      schema: { tags: ['bridging'], summary: 'Record (or clear) the discharge date of a shelter stay', params: StayParams, body: UpdateShelterStayRequest, response: { 200: ShelterStayView } },
    },
    async (request) => updateStay({ ...deps, actor: requireActor(request), courseId: request.params.courseId, stayId: request.params.stayId, dischargedOn: request.body.dischargedOn }),
  );

  api.post(
    '/courses/:courseId/underretninger',
    {
      config: { permission: 'course:write' },
      schema: {
        tags: ['bridging'],
        summary: 'Record an underretning (notification about children) sent to a municipality',
        params: CourseParams,
        body: RecordUnderretningRequest,
        response: { 201: UnderretningView },
      },
    },
    async (request, reply) => reply.status(201).send(await recordUnderretning({ ...deps, actor: requireActor(request), courseId: request.params.courseId, request: request.body })),
  );

  api.post(
    '/courses/:courseId/underretninger/:underretningId/receipt',
    {
      config: { permission: 'course:write' },
      schema: { tags: ['bridging'], summary: 'Record the municipality’s receipt of an underretning', params: UnderretningParams, body: RecordUnderretningReceiptRequest, response: { 200: UnderretningView } },
    },
    async (request) =>
      recordUnderretningReceipt({
        ...deps,
        actor: requireActor(request),
        courseId: request.params.courseId,
        underretningId: request.params.underretningId,
        receiptReceivedAt: request.body.receiptReceivedAt,
      }),
  );
}
