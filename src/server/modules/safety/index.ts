export { createSafetyService, type SafetyService } from './safety.service.js';
export { safetyRoutes } from './safety.routes.js';
