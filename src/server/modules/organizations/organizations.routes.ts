import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { OrganizationDto, UpdateOrganizationBody } from '../../../contracts/identity.js';
import {
  CreateLocationBody,
  CreateRoomBody,
  LocationDto,
  RoomDto,
  UpdateLocationBody,
} from '../../../contracts/organizations.js';
import { actorOf, principalOf } from '../../platform/auth/hook.js';
import type { OrganizationsService } from './organizations.service.js';

const tags = ['organizations'];

export const organizationsRoutes =
  (service: OrganizationsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/organization',
      { schema: { tags, summary: 'The signed-in user’s organization', response: { 200: OrganizationDto } } },
      (req) => service.getOrganization(actorOf(req)),
    );
    app.patch(
      '/organization',
      {
        schema: {
          tags,
          summary: 'Rename the organization or change its settings (admin)',
          body: UpdateOrganizationBody,
          response: { 200: OrganizationDto },
        },
      },
      (req) => service.updateOrganization(actorOf(req), req.body, principalOf(req).mfaEnabled),
    );
    app.get(
      '/locations',
      {
        schema: { tags, summary: 'Locations', response: { 200: z.object({ items: z.array(LocationDto) }) } },
      },
      async (req) => ({
        items: await service.listLocations(actorOf(req)),
      }),
    );
    app.post(
      '/locations',
      {
        schema: {
          tags,
          summary: 'Add a location (admin)',
          body: CreateLocationBody,
          response: { 201: LocationDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createLocation(actorOf(req), req.body)),
    );
    app.patch(
      '/locations/:id',
      {
        schema: {
          tags,
          summary: 'Change a location (admin)',
          params: IdParams,
          body: UpdateLocationBody,
          response: { 200: LocationDto },
        },
      },
      (req) => service.updateLocation(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/locations/:id/rooms',
      {
        schema: {
          tags,
          summary: 'Rooms of a location',
          params: IdParams,
          response: { 200: z.object({ items: z.array(RoomDto) }) },
        },
      },
      async (req) => ({
        items: await service.listRooms(actorOf(req), req.params.id),
      }),
    );
    app.post(
      '/locations/:id/rooms',
      {
        schema: {
          tags,
          summary: 'Add a room (admin)',
          params: IdParams,
          body: CreateRoomBody,
          response: { 201: RoomDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.createRoom(actorOf(req), req.params.id, req.body)),
    );
  };
