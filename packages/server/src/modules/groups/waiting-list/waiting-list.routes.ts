import { AddToWaitingListRequest, DeclinePlaceRequest, GroupOfferParams, WaitingEntryParams, WaitingEntryView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { groupRoute } from '../core/group-http.ts';
import { addToWaitingList, declinePlace, listWaitingList, reconfirmEntry } from './waiting-list.service.ts';

const tag = 'group waiting lists';

/** An offer's waiting list: in order, with waiting times; people join through their course at the service. */
export function registerWaitingListRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/group-offers/:offerId/waiting-list',
    groupRoute('groups:manage', tag, { summary: 'The waiting list in order (first = longest waiting), with waiting times', params: GroupOfferParams, response: { 200: z.array(WaitingEntryView) } }),
    async (request) => listWaitingList({ ...deps, actor: requireActor(request), offerId: request.params.offerId }),
  );

  api.post(
    '/group-offers/:offerId/waiting-list',
    groupRoute('groups:manage', tag, {
      operationId: 'addGroupOfferWaitingEntry',
      summary: 'Put a person on the waiting list through their course at the offer’s service',
      description: 'The course must be an open course of the offer’s service on my side (422 `not_a_course_of_this_service`); once per offer (409 `already_waiting`).',
      params: GroupOfferParams,
      body: AddToWaitingListRequest,
      response: { 201: WaitingEntryView },
    }),
    async (request, reply) => reply.status(201).send(await addToWaitingList({ ...deps, actor: requireActor(request), offerId: request.params.offerId, request: request.body })),
  );

  api.post(
    '/group-waiting-entries/:entryId/decline',
    groupRoute('groups:manage', tag, { summary: 'The person turned a place down: keeps their place, or leaves the list by choice', params: WaitingEntryParams, body: DeclinePlaceRequest, response: { 200: WaitingEntryView } }),
    async (request) => declinePlace({ ...deps, actor: requireActor(request), entryId: request.params.entryId, request: request.body }),
  );

  api.post(
    '/group-waiting-entries/:entryId/reconfirm',
    groupRoute('groups:manage', tag, { summary: 'The person confirmed they still want their place', params: WaitingEntryParams, response: { 200: WaitingEntryView } }),
    async (request) => reconfirmEntry({ ...deps, actor: requireActor(request), entryId: request.params.entryId }),
  );
}
