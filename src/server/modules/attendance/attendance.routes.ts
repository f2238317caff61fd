import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import {
  CaseloadDto,
  CheckInBody,
  EngagementDto,
  RecordAttendanceBody,
  RollCallDto,
  TodayDto,
  WeeklyHoursDto,
  WeeklyHoursQuery,
} from '../../../contracts/attendance.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { AttendanceService } from './attendance.service.js';

const tags = ['attendance'];
const params = IdParams;
const response = { 200: RollCallDto };

export const attendanceRoutes =
  (service: AttendanceService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/today',
      {
        schema: {
          tags,
          summary: 'My day: today’s sessions with each member’s attendance and engagement, and my caseload',
          response: { 200: TodayDto },
        },
      },
      (req) => service.today(actorOf(req)),
    );
    app.get(
      '/patients/:id/engagement',
      {
        schema: {
          tags,
          summary: 'Hours this week, attendance rate (28 days) and an explainable dropout risk',
          params,
          response: { 200: EngagementDto },
        },
      },
      (req) => service.engagement(actorOf(req), req.params.id),
    );
    app.get(
      '/caseload',
      {
        schema: {
          tags,
          summary:
            'My active patients (all, for a director) with this week’s hours, engagement risk and alerts',
          response: { 200: CaseloadDto },
        },
      },
      (req) => service.caseload(actorOf(req)),
    );
    app.get(
      '/patients/:id/hours',
      {
        schema: {
          tags,
          summary: 'Attended hours in a clinic-local week against the program minimum, with the forecast',
          params,
          querystring: WeeklyHoursQuery,
          response: { 200: WeeklyHoursDto },
        },
      },
      (req) => service.weeklyHours(actorOf(req), req.params.id, req.query.week),
    );
    app.get(
      '/sessions/:id/roll-call',
      {
        schema: { tags, summary: 'Every member of a session with their attendance so far', params, response },
      },
      (req) => service.rollCall(actorOf(req), req.params.id),
    );
    app.put(
      '/sessions/:id/attendance',
      {
        schema: {
          tags,
          summary: 'Save roll-call marks (minutes are computed); after the session’s day, with a reason',
          params,
          body: RecordAttendanceBody,
          response,
        },
      },
      (req) => service.record(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/sessions/:id/check-in',
      {
        schema: {
          tags,
          summary: 'Front-desk check-in of an arriving member (late after a 5-minute grace)',
          params,
          body: CheckInBody,
          response,
        },
      },
      (req) => service.checkIn(actorOf(req), req.params.id, req.body.patientId),
    );
  };
