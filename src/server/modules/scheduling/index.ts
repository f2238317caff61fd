export { createEpisodesService, type EpisodesService } from './episodes.service.js';
export { episodesRoutes } from './episodes.routes.js';
export { createFeedsService, type FeedsService } from './feeds.service.js';
export { createProgramsService, type ProgramsService } from './programs.service.js';
export { programsRoutes } from './programs.routes.js';
export { createSessionsService, type SessionsService } from './sessions.service.js';
export { sessionsRoutes } from './sessions.routes.js';
