import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  AcknowledgeAlertBody,
  SafetyAlertDto,
  SafetyAlertQuery,
  TaskAttemptBody,
  TaskDetailDto,
  TaskDto,
} from '../../../contracts/safety.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { SafetyService } from './safety.service.js';

const tags = ['safety'];

export const safetyRoutes =
  (service: SafetyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/safety-alerts',
      {
        schema: {
          tags,
          summary: 'Safety alerts, newest first',
          querystring: SafetyAlertQuery,
          response: { 200: z.object({ items: z.array(SafetyAlertDto) }) },
        },
      },
      async (req) => ({
        items: await service.list(actorOf(req), req.query),
      }),
    );
    app.post(
      '/safety-alerts/:id/acknowledge',
      {
        schema: {
          tags,
          summary: 'Acknowledge with a documented risk assessment (licensed clinicians)',
          params: IdParams,
          body: AcknowledgeAlertBody,
          response: { 200: SafetyAlertDto },
        },
      },
      (req) => service.acknowledge(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/tasks/:id/attempts',
      {
        schema: {
          tags,
          summary: 'Record a call attempt on an outreach task (reaching the patient completes it)',
          params: IdParams,
          body: TaskAttemptBody,
          response: { 200: TaskDetailDto },
        },
      },
      (req) => service.recordAttempt(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/tasks',
      {
        schema: {
          tags,
          summary: 'Open tasks for me or my roles',
          response: { 200: z.object({ items: z.array(TaskDto) }) },
        },
      },
      async (req) => ({
        items: await service.tasks(actorOf(req)),
      }),
    );
  };
