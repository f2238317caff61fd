export { createSafetyService, type SafetyService } from './safety.service.js';
export { safetyRoutes } from './safety.routes.js';
export { createSafetyPlansService, type SafetyPlansService } from './safety-plans.service.js';
export { safetyPlansRoutes } from './safety-plans.routes.js';
