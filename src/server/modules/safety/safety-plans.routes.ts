import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  SafetyPlanDto,
  SafetyPlanVersionDto,
  SafetyPlanVersionParams,
  SaveSafetyPlanBody,
} from '../../../contracts/safety-plans.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { SafetyPlansService } from './safety-plans.service.js';

const tags = ['safety plans'];

export const safetyPlansRoutes =
  (plans: SafetyPlansService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/patients/:id/safety-plan',
      {
        schema: {
          tags,
          summary: 'The patient’s safety plan, its versions and whether risk changed since it was written',
          params: IdParams,
          response: { 200: SafetyPlanDto },
        },
      },
      (req) => plans.get(actorOf(req), req.params.id),
    );
    app.post(
      '/patients/:id/safety-plan',
      {
        schema: {
          tags,
          summary: 'Save a new version of the safety plan (988 is always listed)',
          params: IdParams,
          body: SaveSafetyPlanBody,
          response: { 201: SafetyPlanVersionDto },
        },
      },
      async (req, reply) => reply.status(201).send(await plans.save(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/patients/:id/safety-plan/versions/:version',
      {
        schema: {
          tags,
          summary: 'One version of the safety plan',
          params: SafetyPlanVersionParams,
          response: { 200: SafetyPlanVersionDto },
        },
      },
      (req) => plans.getVersion(actorOf(req), req.params.id, req.params.version),
    );
    app.get(
      '/patients/:id/safety-plan/pdf',
      {
        schema: {
          tags,
          summary: 'The safety plan as a PDF to take home (latest version unless one is named)',
          params: IdParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        },
      },
      async (req, reply) => {
        const file = await plans.pdf(actorOf(req), req.params.id, req.query.version);
        reply.header('Content-Type', 'application/pdf');
        reply.header('Content-Disposition', `inline; filename="${file.filename}"`);
        reply.header('Cache-Control', 'no-store');
        return reply.send(file.pdf);
      },
    );
  };
