export { createSelfCheckService, type SelfCheckService } from './self-check.service.js';
export { selfCheckRoutes } from './self-check.routes.js';
