export { createAuthService, type AuthService, type LockoutPolicy } from './auth.service.js';
export { createUsersService, type UsersService } from './users.service.js';
export { authRoutes } from './auth.routes.js';
export { usersRoutes } from './users.routes.js';
