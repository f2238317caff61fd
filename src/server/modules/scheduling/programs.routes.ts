import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  CreateGroupBlockBody,
  CreateModuleBody,
  CreateProgramBody,
  CreateTrackBody,
  EndGroupBlockBody,
  GenerateSessionsBody,
  GenerateSessionsResult,
  ProgramDto,
  ReorderModulesBody,
  StaffDto,
  TrackDto,
  UpdateProgramBody,
  UpdateStaffSchedulingBody,
} from '../../../contracts/scheduling.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { ProgramsService } from './programs.service.js';

const tags = ['programs'];
const params = IdParams;

export const programsRoutes =
  (service: ProgramsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs',
      {
        schema: {
          tags,
          summary: 'Programs with their tracks, group blocks and curriculum',
          response: { 200: z.object({ items: z.array(ProgramDto) }) },
        },
      },
      async (req) => ({ items: await service.list(actorOf(req)) }),
    );
    app.post(
      '/programs',
      {
        schema: {
          tags,
          summary: 'Create a program (program directors)',
          body: CreateProgramBody,
          response: { 201: ProgramDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body)),
    );
    app.get(
      '/programs/:id',
      { schema: { tags, summary: 'A program', params, response: { 200: ProgramDto } } },
      (req) => service.get(actorOf(req), req.params.id),
    );
    app.patch(
      '/programs/:id',
      {
        schema: {
          tags,
          summary: 'Change a program',
          params,
          body: UpdateProgramBody,
          response: { 200: ProgramDto },
        },
      },
      (req) => service.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/programs/:id/tracks',
      {
        schema: {
          tags,
          summary: 'Add a track to a program',
          params,
          body: CreateTrackBody,
          response: { 201: TrackDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addTrack(actorOf(req), req.params.id, req.body.name)),
    );
    app.post(
      '/tracks/:id/blocks',
      {
        schema: {
          tags,
          summary: 'Add a weekly group block; its sessions are generated over the scheduling horizon',
          params,
          body: CreateGroupBlockBody,
          response: { 201: TrackDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addBlock(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/group-blocks/:id/end',
      {
        schema: {
          tags,
          summary: 'End a group block; later sessions are cancelled with notice to members',
          params,
          body: EndGroupBlockBody,
          response: { 200: TrackDto },
        },
      },
      (req) => service.endBlock(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/tracks/:id/curriculum',
      {
        schema: {
          tags,
          summary: 'Add a curriculum module at the end of the cycle',
          params,
          body: CreateModuleBody,
          response: { 201: TrackDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addModule(actorOf(req), req.params.id, req.body)),
    );
    app.put(
      '/tracks/:id/curriculum/order',
      {
        schema: {
          tags,
          summary: 'Reorder the curriculum',
          params,
          body: ReorderModulesBody,
          response: { 200: TrackDto },
        },
      },
      (req) => service.reorderModules(actorOf(req), req.params.id, req.body.moduleIds),
    );
    app.post(
      '/tracks/:id/generate',
      {
        schema: {
          tags,
          summary:
            'Generate the track’s group sessions through a date (skips closed days and existing sessions)',
          params,
          body: GenerateSessionsBody,
          response: { 200: GenerateSessionsResult },
        },
      },
      (req) => service.generate(actorOf(req), req.params.id, req.body.through),
    );
    app.get(
      '/staff',
      {
        schema: {
          tags: ['staff'],
          summary: 'Clinical staff with credentials, supervision and availability',
          response: { 200: z.object({ items: z.array(StaffDto) }) },
        },
      },
      async (req) => ({ items: await service.staff(actorOf(req)) }),
    );
    app.put(
      '/staff/:id/scheduling',
      {
        schema: {
          tags: ['staff'],
          summary: 'Set a staff member’s credentials, supervisor and weekly availability',
          params,
          body: UpdateStaffSchedulingBody,
          response: { 200: StaffDto },
        },
      },
      (req) => service.updateStaff(actorOf(req), req.params.id, req.body),
    );
  };
