import type { Permission } from '@bro/domain';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { PRINT_CONTENT_SECURITY_POLICY } from './print-document.ts';

/** HTTP helpers shared by the course routes. */

export const CourseParams = z.strictObject({ courseId: z.uuid() });

export const PrintQuery = z.strictObject({ lang: z.enum(['da', 'en']).default('da') });

/** The header an idempotent creation requires (platform/idempotency.ts checks it). */
export const IdempotencyKeyHeader = z.looseObject({ 'idempotency-key': z.string().optional().describe('Client-chosen key, 8–128 characters [A-Za-z0-9_-]; required') });

/** A course route's options: the permission it declares (deny by default), and its schema under its step's tag. */
export function courseRoute<const Schema extends FastifySchema>(permission: Permission, tag: string, schema: Schema, options: { isReauthenticationRequired?: boolean } = {}) {
  return { config: { permission, ...options }, schema: { tags: [tag], ...schema } };
}

/** What a use case on one course is called with: the app's dependencies, the caller and the course. */
export function onCourse(deps: AppDeps, request: FastifyRequest & { params: { courseId: string } }) {
  return { ...deps, actor: requireActor(request), courseId: request.params.courseId };
}

/** An idempotent creation's body is already serialised through its response schema (and stored for replays). */
export function sendVerbatim(reply: FastifyReply, outcome: { statusCode: number; body: string; isReplay: boolean }) {
  const verbatim = reply as unknown as FastifyReply;
  verbatim.status(outcome.statusCode).type('application/json; charset=utf-8');
  if (outcome.isReplay) verbatim.header('idempotent-replayed', 'true');
  return verbatim.send(outcome.body);
}

/** A printable document: HTML under a CSP that allows its one stylesheet and nothing else (no script at all). */
export function sendPrintable(reply: FastifyReply, document: string, lang: 'da' | 'en') {
  const raw = reply as unknown as FastifyReply;
  return raw.status(200).type('text/html; charset=utf-8').header('content-language', lang).header('content-security-policy', PRINT_CONTENT_SECURITY_POLICY).send(document);
}
