import type {
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
} from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const service = (id: string) => `/api/peer-support/services/${ids(id)}`;

export const peerSupportKeys = {
  all: ['peer-support'] as const,
  services: () => ['peer-support', 'services'] as const,
  service: (id: string) => ['peer-support', 'service', id] as const,
  pairing: (id: string) => ['peer-support', 'pairing', id] as const,
  mine: () => ['peer-support', 'mine'] as const,
};

/** The services whose peer support the counsellor coordinates. */
export const peerSupportServicesQuery = queryOptions({
  queryKey: peerSupportKeys.services(),
  queryFn: ({ signal }) => request<PeerSupportServiceList>('GET', '/api/peer-support/services', { signal }),
});

export const supportersQuery = (serviceId: string) =>
  queryOptions({ queryKey: [...peerSupportKeys.service(serviceId), 'supporters'], queryFn: ({ signal }) => request<PeerSupporterList>('GET', `${service(serviceId)}/supporters`, { signal }) });

export const candidatesQuery = (serviceId: string) =>
  queryOptions({
    queryKey: [...peerSupportKeys.service(serviceId), 'candidates'],
    queryFn: ({ signal }) => request<PeerSupporterCandidateList>('GET', `${service(serviceId)}/supporter-candidates`, { signal }),
  });

export const pairingsQuery = (serviceId: string) =>
  queryOptions({ queryKey: [...peerSupportKeys.service(serviceId), 'pairings'], queryFn: ({ signal }) => request<PairingList>('GET', `${service(serviceId)}/pairings?status=active`, { signal }) });

export const pairingQuery = (pairingId: string) =>
  queryOptions({ queryKey: peerSupportKeys.pairing(pairingId), queryFn: ({ signal }) => request<PairingDetail>('GET', `/api/peer-support/pairings/${ids(pairingId)}`, { signal }) });

/** The peer supporter's own active pairings: first name or pseudonym and safe-contact preferences only. */
export const myPairingsQuery = queryOptions({ queryKey: peerSupportKeys.mine(), queryFn: ({ signal }) => request<MyPairingList>('GET', '/api/peer-support/my-pairings', { signal }) });

export const addSupporter = (serviceId: string, body: AddPeerSupporterRequest) => request<PeerSupporter>('POST', `${service(serviceId)}/supporters`, { body });
export const changeSupporter = (supporterId: string, body: ChangePeerSupporterRequest) => request<PeerSupporter>('PATCH', `/api/peer-support/supporters/${ids(supporterId)}`, { body });
export const matchWithPeerSupporter = (courseId: string, body: CreatePairingRequest) => request<Pairing>('POST', `/api/peer-support/courses/${ids(courseId)}/pairings`, { body });
export const endPairing = (pairingId: string, body: EndPairingRequest) => request<Pairing>('POST', `/api/peer-support/pairings/${ids(pairingId)}/end`, { body });
export const logContact = (pairingId: string, body: LogPeerContactRequest) => request<MyPairing>('POST', `/api/peer-support/my-pairings/${ids(pairingId)}/contacts`, { body });
