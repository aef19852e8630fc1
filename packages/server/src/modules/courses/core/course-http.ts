import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PRINT_CONTENT_SECURITY_POLICY } from './print-document.ts';

/** HTTP helpers shared by the course routes. */

export const CourseParams = z.strictObject({ courseId: z.uuid() });

export const PrintQuery = z.strictObject({ lang: z.enum(['da', 'en']).default('da') });

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
