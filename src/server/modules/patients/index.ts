export { createPatientsService, type PatientsService, type OrgActor } from './patients.service.js';
export { patientsRoutes } from './patients.routes.js';
export { toPatientSummary, displayName } from './patients.dto.js';
export { patientsRepo } from './patients.repo.js';
