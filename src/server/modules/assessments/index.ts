export { createAssessmentsService, type AssessmentsService } from './assessments.service.js';
export { assessmentsRoutes } from './assessments.routes.js';
