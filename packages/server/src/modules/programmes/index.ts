// The programmes module's surface: programme administration (platform admin, programme managers).
export { registerProgrammeRoutes } from './programme.routes.ts';
export { createProgramme, updateProgramme, type ProgrammeActor } from './programme.service.ts';
