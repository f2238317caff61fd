export { latestWithChange } from './outcomes.repo.js';
export { outcomesRoutes } from './outcomes.routes.js';
export { createOutcomesService, type OutcomesService } from './outcomes.service.js';
