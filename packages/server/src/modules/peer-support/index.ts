// The peer-support module's surface (issue 14 §4): the register of peer supporters, pairings and the contact log.
export { registerPeerSupportRoutes } from './peer-support.routes.ts';
// The use cases the demo loader matches its peer supporter with (the same a counsellor's clicks run).
export { addPeerSupporter } from './register.service.ts';
export { matchWithPeerSupporter } from './pairing.service.ts';
