import type { Permission } from '@bro/domain';
import type { FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';

/** HTTP helpers shared by the referral routes. */

export const ReferralParams = z.strictObject({ referralId: z.uuid() });

export const EmptyBody = z.strictObject({});

/** A referral route's options: the permission it declares (deny by default), and its schema under its tag. */
export function referralRoute<const Schema extends FastifySchema>(permission: Permission, tag: string, schema: Schema) {
  return { config: { permission }, schema: { tags: [tag], ...schema } };
}

/** What a use case on one referral is called with: the app's dependencies, the caller and the referral. */
export function onReferral(deps: AppDeps, request: FastifyRequest & { params: { referralId: string } }) {
  return { ...deps, actor: requireActor(request), referralId: request.params.referralId };
}
