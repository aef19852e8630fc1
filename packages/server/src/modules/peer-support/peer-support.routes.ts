import {
  AddPeerSupporterRequest,
  ChangePeerSupporterRequest,
  CreatePairingRequest,
  EndPairingRequest,
  LogPeerContactRequest,
  MyPairing,
  MyPairingList,
  Pairing,
  PairingDetail,
  PairingList,
  PeerSupporter,
  PeerSupporterCandidateList,
  PeerSupporterList,
  PeerSupportServiceList,
  type Permission,
} from '@bro/domain';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { listMyPairings, logPeerContact } from './my-pairings.service.ts';
import { endPairing, getPairingDetail, listPairings, matchWithPeerSupporter } from './pairing.service.ts';
import { addPeerSupporter, changePeerSupporter, listPeerSupportServices, listRegister, listRegisterCandidates } from './register.service.ts';

const ServiceParams = z.strictObject({ serviceId: z.uuid() });
const CourseParams = z.strictObject({ courseId: z.uuid() });
const SupporterParams = z.strictObject({ supporterId: z.uuid() });
const PairingParams = z.strictObject({ pairingId: z.uuid() });
const PairingQuery = z.strictObject({ status: z.enum(['active', 'ended', 'all']).default('active') });

function peerRoute<const Schema extends FastifySchema>(permission: Permission, operationId: string, schema: Schema) {
  return { config: { permission }, schema: { tags: ['peer-support'], operationId, ...schema } };
}

/**
 * Peer support (issue 14 §4). Coordinating (`peer_support:coordinate`, staff assigned to the service, on its service
 * line): the register, matching with consent, supervising and ending pairings. Supporting (`peer_support:support`):
 * a peer supporter's own active pairings and the contacts they log. Anything out of reach answers 404.
 */
export function registerPeerSupportRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerRegisterRoutes(app, deps);
  registerPairingRoutes(app, deps);
}

/** What a use case is called with: the app's dependencies, the caller, and the route's own input. */
function using(deps: AppDeps) {
  return <T extends object>(request: Parameters<typeof requireActor>[0], extra: T) => ({ ...deps, actor: requireActor(request), ...extra });
}

function registerRegisterRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = using(deps);

  api.get('/peer-support/services', peerRoute('peer_support:coordinate', 'listPeerSupportServices', { summary: 'The services whose peer support the caller coordinates', response: { 200: PeerSupportServiceList } }), async (request) =>
    listPeerSupportServices(on(request, {})),
  );

  api.get(
    '/peer-support/services/:serviceId/supporters',
    peerRoute('peer_support:coordinate', 'listPeerSupporters', { summary: 'The service’s register of peer supporters (reads logged)', params: ServiceParams, response: { 200: PeerSupporterList } }),
    async (request) => listRegister(on(request, { serviceId: request.params.serviceId })),
  );

  api.get(
    '/peer-support/services/:serviceId/supporter-candidates',
    peerRoute('peer_support:coordinate', 'listPeerSupporterCandidates', {
      summary: 'Users of the organisation with the peer-supporter role, not yet in the register',
      params: ServiceParams,
      response: { 200: PeerSupporterCandidateList },
    }),
    async (request) => listRegisterCandidates(on(request, { serviceId: request.params.serviceId })),
  );

  api.post(
    '/peer-support/services/:serviceId/supporters',
    peerRoute('peer_support:coordinate', 'addPeerSupporter', {
      summary: 'Add a peer supporter to the register: languages, areas, availability, capacity, a note (encrypted)',
      params: ServiceParams,
      body: AddPeerSupporterRequest,
      response: { 201: PeerSupporter },
    }),
    async (request, reply) => reply.status(201).send(await addPeerSupporter(on(request, { serviceId: request.params.serviceId, request: request.body }))),
  );

  api.patch(
    '/peer-support/supporters/:supporterId',
    peerRoute('peer_support:coordinate', 'changePeerSupporter', { summary: 'Change a peer supporter’s entry; pause or resume them', params: SupporterParams, body: ChangePeerSupporterRequest, response: { 200: PeerSupporter } }),
    async (request) => changePeerSupporter(on(request, { supporterId: request.params.supporterId, request: request.body })),
  );

}

function registerPairingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = using(deps);

  api.get(
    '/peer-support/services/:serviceId/pairings',
    peerRoute('peer_support:coordinate', 'listPeerPairings', { summary: 'The service’s pairings, for supervision', params: ServiceParams, querystring: PairingQuery, response: { 200: PairingList } }),
    async (request) => listPairings(on(request, { serviceId: request.params.serviceId, status: request.query.status })),
  );

  api.post(
    '/peer-support/courses/:courseId/pairings',
    peerRoute('peer_support:coordinate', 'matchWithPeerSupporter', {
      summary: 'Match a person of one of the caller’s courses with a peer supporter, with the person’s recorded consent',
      description: 'Without consent 422 `consent_required`. A paused supporter or one at capacity: 422. A course out of reach: 404.',
      params: CourseParams,
      body: CreatePairingRequest,
      response: { 201: Pairing },
    }),
    async (request, reply) => reply.status(201).send(await matchWithPeerSupporter(on(request, { courseId: request.params.courseId, request: request.body }))),
  );

  api.get(
    '/peer-support/pairings/:pairingId',
    peerRoute('peer_support:coordinate', 'getPeerPairing', { summary: 'A pairing with its contact log and the supporter’s notes', params: PairingParams, response: { 200: PairingDetail } }),
    async (request) => getPairingDetail(on(request, { pairingId: request.params.pairingId })),
  );

  api.post(
    '/peer-support/pairings/:pairingId/end',
    peerRoute('peer_support:coordinate', 'endPeerPairing', { summary: 'End a pairing (reason; the person’s consent withdrawal is one)', params: PairingParams, body: EndPairingRequest, response: { 200: Pairing } }),
    async (request) => endPairing(on(request, { pairingId: request.params.pairingId, request: request.body })),
  );

  api.get('/peer-support/my-pairings', peerRoute('peer_support:support', 'listMyPeerPairings', { summary: 'The peer supporter’s own active pairings: first name or pseudonym and safe-contact preferences only', response: { 200: MyPairingList } }), async (request) =>
    listMyPairings(on(request, {})),
  );

  api.post(
    '/peer-support/my-pairings/:pairingId/contacts',
    peerRoute('peer_support:support', 'logPeerContact', {
      summary: 'Log a contact: date, form, a short note for the coordinating counsellor only (encrypted)',
      params: PairingParams,
      body: LogPeerContactRequest,
      response: { 201: MyPairing },
    }),
    async (request, reply) => reply.status(201).send(await logPeerContact(on(request, { pairingId: request.params.pairingId, request: request.body }))),
  );
}
