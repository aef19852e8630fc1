// The peer-support module's surface (issue 14 §4): the register of peer supporters, pairings and the contact log.
export { registerPeerSupportRoutes } from './peer-support.routes.ts';
