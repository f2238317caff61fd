export { attendanceRoutes } from './attendance.routes.js';
export { createAttendanceService, type AttendanceService } from './attendance.service.js';
