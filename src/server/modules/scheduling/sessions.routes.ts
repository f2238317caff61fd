import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common.js';
import {
  CalendarDto,
  CalendarFeedDto,
  CalendarQuery,
  CancelSessionBody,
  ClosureDto,
  ClosureListQuery,
  CompleteModuleBody,
  CreateAppointmentBody,
  CreateClosureBody,
  CreateGroupSessionBody,
  MoveSessionBody,
  ParticipantsBody,
  SessionDto,
} from '../../../contracts/scheduling.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { EpisodesService } from './episodes.service.js';
import type { FeedsService } from './feeds.service.js';
import type { SessionsService } from './sessions.service.js';

const tags = ['schedule'];
const params = IdParams;
const session = { 200: SessionDto };

export const sessionsRoutes =
  (service: SessionsService, episodes: EpisodesService, feeds: FeedsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar',
      {
        schema: {
          tags,
          summary: 'Sessions of a clinician, room, program, track or patient on clinic-local dates',
          querystring: CalendarQuery,
          response: { 200: CalendarDto },
        },
      },
      (req) => service.calendar(actorOf(req), req.query),
    );
    app.get(
      '/sessions/:id',
      { schema: { tags, summary: 'A session with its staff and participants', params, response: session } },
      (req) => service.get(actorOf(req), req.params.id),
    );
    app.post(
      '/sessions',
      {
        schema: {
          tags,
          summary: 'Add a one-off or make-up group session',
          body: CreateGroupSessionBody,
          response: { 201: SessionDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createGroup(actorOf(req), req.body)),
    );
    app.post(
      '/appointments',
      {
        schema: {
          tags,
          summary: 'Book an appointment, or a weekly series (repeatWeeks) in one action',
          body: CreateAppointmentBody,
          response: { 201: z.object({ items: z.array(SessionDto) }) },
        },
      },
      async (req, reply) => reply.status(201).send({ items: await service.book(actorOf(req), req.body) }),
    );
    app.post(
      '/sessions/:id/move',
      {
        schema: {
          tags,
          summary: 'Move a session, with a reason (members are notified)',
          params,
          body: MoveSessionBody,
          response: session,
        },
      },
      (req) => service.move(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/sessions/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a session, with a reason (members are notified)',
          params,
          body: CancelSessionBody,
          response: session,
        },
      },
      (req) => service.cancel(actorOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/sessions/:id/participants',
      {
        schema: {
          tags,
          summary: 'Seat more patients in a session',
          params,
          body: ParticipantsBody,
          response: session,
        },
      },
      (req) => service.addParticipants(actorOf(req), req.params.id, req.body.patientIds),
    );
    app.post(
      '/sessions/:id/curriculum-completions',
      {
        schema: {
          tags,
          summary: 'Record that members completed the curriculum module this session covered',
          params,
          body: CompleteModuleBody,
          response: { 200: Ok },
        },
      },
      (req) => episodes.completeModule(actorOf(req), req.params.id, req.body.patientIds),
    );
    app.get(
      '/closures',
      {
        schema: {
          tags,
          summary: 'Closed days from a date on',
          querystring: ClosureListQuery,
          response: { 200: z.object({ items: z.array(ClosureDto) }) },
        },
      },
      async (req) => ({ items: await service.closures(actorOf(req), req.query.from) }),
    );
    app.post(
      '/closures',
      {
        schema: {
          tags,
          summary: 'Close a location for a day; its sessions are cancelled with notice to members',
          body: CreateClosureBody,
          response: { 201: ClosureDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.close(actorOf(req), req.body)),
    );
    app.get(
      '/calendar-feed',
      {
        schema: {
          tags: ['calendar feed'],
          summary: 'Whether your calendar feed is on',
          response: { 200: CalendarFeedDto },
        },
      },
      (req) => feeds.status(actorOf(req)),
    );
    app.post(
      '/calendar-feed',
      {
        schema: {
          tags: ['calendar feed'],
          summary: 'Create (or replace) your secret calendar feed link; the URL is shown once',
          response: { 201: CalendarFeedDto },
        },
      },
      async (req, reply) => {
        const { path, ...feed } = await feeds.create(actorOf(req));
        return reply.status(201).send({ ...feed, url: `${req.protocol}://${req.host}/api/v1${path}` });
      },
    );
    app.delete(
      '/calendar-feed',
      {
        schema: {
          tags: ['calendar feed'],
          summary: 'Turn your calendar feed off',
          response: { 200: CalendarFeedDto },
        },
      },
      (req) => feeds.revoke(actorOf(req)),
    );
    app.get(
      '/ics/:file',
      {
        config: { public: true, secretPath: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['calendar feed'],
          summary: 'A calendar feed (text/calendar); the secret link is the credential',
          params: z.object({
            file: z
              .string()
              .max(100)
              .regex(/\.ics$/),
          }),
          security: [],
        },
      },
      async (req, reply) => {
        const body = await feeds.ics(req.params.file.replace(/\.ics$/, ''), req.ip);
        return reply
          .header('Content-Type', 'text/calendar; charset=utf-8')
          .header('Cache-Control', 'private, max-age=300')
          .send(body);
      },
    );
  };
