export {
  createOrganizationsService,
  type OrganizationsService,
  type NewOrganization,
} from './organizations.service.js';
export { organizationsRoutes } from './organizations.routes.js';
export { organizationsRepo } from './organizations.repo.js';
export { toOrganizationDto } from './organizations.dto.js';
export { settingsOf } from './organizations.dto.js';
