export { createIntakeService, type IntakeService } from './intake.service.js';
export { intakeRoutes } from './intake.routes.js';
