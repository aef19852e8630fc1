import { PublicationDecision, PublicationRequestIdParams, PublicationRequestList, RejectPublicationRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { approvePublication, listPendingPublications, rejectPublication, type PublishableKind } from './publishing.service.ts';

/**
 * The approval desk of each kind of public content: `/api/approvals/<kind path>`. Each kind's routes are guarded by
 * that kind's own approval permission (`directory:approve` for directory listings), so one desk grants nothing over
 * another. The approver works nationally: proposals of every organisation are listed.
 */
export function registerPublishingRoutes(app: FastifyInstance, deps: AppDeps, publishables: readonly PublishableKind[]): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const tags = ['approvals'];
  for (const publishable of publishables) {
    const config = { permission: publishable.permission };
    const base = `/approvals/${publishable.path}`;

    api.get(
      base,
      { config, schema: { tags, summary: `Pending proposals (${publishable.kind}), oldest first, each with its changes against the public version`, response: { 200: PublicationRequestList } } },
      async () => listPendingPublications({ db, publishable }),
    );

    api.post(
      `${base}/:requestId/approve`,
      {
        config,
        schema: {
          tags,
          summary: `Approves a proposal (${publishable.kind}): it goes public at once. Not one's own (409 approval_by_proposer)`,
          params: PublicationRequestIdParams,
          body: z.strictObject({}).optional(),
          response: { 200: PublicationDecision },
        },
      },
      async (request) => approvePublication({ db, clock, actor: requireActor(request), publishable, requestId: request.params.requestId }),
    );

    api.post(
      `${base}/:requestId/reject`,
      {
        config,
        schema: {
          tags,
          summary: `Rejects a proposal (${publishable.kind}) with a reason the proposer sees; the public version stays`,
          params: PublicationRequestIdParams,
          body: RejectPublicationRequest,
          response: { 200: PublicationDecision },
        },
      },
      async (request) =>
        rejectPublication({ db, clock, actor: requireActor(request), publishable, requestId: request.params.requestId, reason: request.body.reason }),
    );
  }
}
