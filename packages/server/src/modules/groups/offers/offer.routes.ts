import { CreateGroupOfferRequest, GroupOfferParams, GroupOfferView, GroupServiceChoice, UpdateGroupOfferRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { groupRoute } from '../core/group-http.ts';
import { changeGroupOffer, createGroupOffer, getGroupOffer, listGroupOffers, listGroupServices } from './offer.service.ts';

const tag = 'group offers';

/** A service's conversation-group offers: who they are for, capacity, rhythm, place, facilitators. */
export function registerOfferRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/group-offers',
    groupRoute('groups:manage', tag, { summary: 'The group offers of the services I work at (on my side)', response: { 200: z.array(GroupOfferView) } }),
    async (request) => listGroupOffers({ ...deps, actor: requireActor(request) }),
  );

  api.get(
    '/group-services',
    groupRoute('groups:manage', tag, { summary: 'The services I may run groups at, with the staff who can facilitate there', response: { 200: z.array(GroupServiceChoice) } }),
    async (request) => listGroupServices({ ...deps, actor: requireActor(request) }),
  );

  api.post(
    '/group-offers',
    groupRoute('groups:manage', tag, {
      summary: 'Define a group offer at one of my services',
      description: 'Facilitators must work at the service (422 `not_staff_of_service`); eligibility rules use the course rule language (422 `rule_invalid:<reason>`).',
      body: CreateGroupOfferRequest,
      response: { 201: GroupOfferView },
    }),
    async (request, reply) => reply.status(201).send(await createGroupOffer({ ...deps, actor: requireActor(request), request: request.body })),
  );

  api.get(
    '/group-offers/:offerId',
    groupRoute('groups:manage', tag, { summary: 'One group offer', params: GroupOfferParams, response: { 200: GroupOfferView } }),
    async (request) => getGroupOffer({ ...deps, actor: requireActor(request), offerId: request.params.offerId }),
  );

  api.put(
    '/group-offers/:offerId',
    groupRoute('groups:manage', tag, { summary: 'Change a group offer (groups already started keep their meetings)', params: GroupOfferParams, body: UpdateGroupOfferRequest, response: { 200: GroupOfferView } }),
    async (request) => changeGroupOffer({ ...deps, actor: requireActor(request), offerId: request.params.offerId, request: request.body }),
  );
}
