import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { CreateUserBody, ListUsersQuery, UpdateUserBody, UserDto } from '../../../contracts/identity.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];
const params = IdParams;
const response = { 200: UserDto };

export const usersRoutes =
  (service: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'Users of the organization (admin)',
          querystring: ListUsersQuery,
          response: { 200: z.object({ items: z.array(UserDto) }) },
        },
      },
      async (req) => ({
        items: await service.list(actorOf(req), req.query),
      }),
    );
    app.post(
      '/users',
      { schema: { tags, summary: 'Add a user (admin)', body: CreateUserBody, response: { 201: UserDto } } },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body)),
    );
    app.get('/users/:id', { schema: { tags, summary: 'One user (admin)', params, response } }, (req) =>
      service.get(actorOf(req), req.params.id),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Change name, email, roles or password (admin)',
          params,
          body: UpdateUserBody,
          response,
        },
      },
      (req) => service.update(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/users/:id/deactivate',
      { schema: { tags, summary: 'Deactivate; ends the user’s sessions at once (admin)', params, response } },
      (req) => service.deactivate(actorOf(req), req.params.id),
    );
    app.post(
      '/users/:id/reactivate',
      { schema: { tags, summary: 'Reactivate (admin)', params, response } },
      (req) => service.reactivate(actorOf(req), req.params.id),
    );
    app.post(
      '/users/:id/unlock',
      { schema: { tags, summary: 'Clear a sign-in lockout (admin)', params, response } },
      (req) => service.unlock(actorOf(req), req.params.id),
    );
    app.post(
      '/users/:id/mfa/reset',
      {
        schema: {
          tags,
          summary: 'Remove the user’s authenticator so they enroll again (admin)',
          params,
          response,
        },
      },
      (req) => service.resetMfa(actorOf(req), req.params.id),
    );
  };
