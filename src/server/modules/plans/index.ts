export { plansRoutes } from './plans.routes.js';
export { createPlansService, type PlansService } from './plans.service.js';
export { currentGoals, episodeIdForPatient, episodeOf, type EpisodeRow } from './plans.repo.js';
