import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SelfCheckCallbackBody, SelfCheckInfoDto } from '../../../contracts/intake.js';
import type { SelfCheckService } from './self-check.service.js';

const tags = ['self-check'];

export const selfCheckRoutes =
  (service: SelfCheckService, ratePerHour: number): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/self-check',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'The clinic behind the public self-check',
          response: { 200: SelfCheckInfoDto },
        },
      },
      () => service.info(),
    );
    app.post(
      '/self-check/callback',
      {
        config: { public: true, rateLimit: { max: ratePerHour, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Ask the clinic to call: opens a self referral with consent',
          body: SelfCheckCallbackBody,
          response: { 202: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req, reply) => {
        await service.requestCallback(req.body, req.ip);
        return reply.status(202).send({ ok: true as const });
      },
    );
  };
