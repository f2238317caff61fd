export { attendanceRoutes } from './attendance.routes.js';
export { createAttendanceService, type AttendanceService } from './attendance.service.js';
export { noAuthorizations, type AuthorizationReader, type WeekAuthorization } from './authorizations.js';
