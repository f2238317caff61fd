import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  AddReferralNoteBody,
  ChangeReferralStatusBody,
  CreateReferralBody,
  LevelOfCareAssessmentSchema,
  LevelOfCareDecisionBody,
  LevelOfCareRecommendationDto,
  ReferralDetailDto,
  ReferralDto,
  ReferralListQuery,
} from '../../../contracts/intake.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { IntakeService } from './intake.service.js';

const tags = ['intake'];
const params = IdParams;
const detail = { 200: ReferralDetailDto };
const list = { 200: z.object({ items: z.array(ReferralDto) }) };

export const intakeRoutes =
  (service: IntakeService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/referrals',
      {
        schema: {
          tags,
          summary: 'Referrals for the intake board',
          querystring: ReferralListQuery,
          response: list,
        },
      },
      async (req) => ({
        items: await service.list(actorOf(req), {
          status: req.query.status,
          open: req.query.open === undefined ? undefined : req.query.open === 'true',
        }),
      }),
    );
    app.post(
      '/referrals',
      {
        schema: {
          tags,
          summary: 'Open a referral, for an existing or a new patient',
          body: CreateReferralBody,
          response: { 201: ReferralDetailDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body)),
    );
    app.get(
      '/referrals/:id',
      {
        schema: {
          tags,
          summary: 'A referral with its history, notes and decisions',
          params,
          response: detail,
        },
      },
      (req) => service.get(actorOf(req), req.params.id),
    );
    app.post(
      '/referrals/:id/status',
      {
        schema: {
          tags,
          summary: 'Move a referral through the pipeline',
          params,
          body: ChangeReferralStatusBody,
          response: detail,
        },
      },
      (req) => service.changeStatus(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/referrals/:id/notes',
      {
        schema: {
          tags,
          summary: 'Add a note to a referral',
          params,
          body: AddReferralNoteBody,
          response: detail,
        },
      },
      (req) => service.addNote(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/referrals/:id/level-of-care-decision',
      {
        schema: {
          tags,
          summary: 'Record the level-of-care decision (licensed clinicians)',
          params,
          body: LevelOfCareDecisionBody,
          response: detail,
        },
      },
      (req) => service.decide(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/patients/:id/referrals',
      { schema: { tags, summary: 'A patient’s referrals', params, response: list } },
      async (req) => ({
        items: await service.list(actorOf(req), { patientId: req.params.id }),
      }),
    );
    app.post(
      '/level-of-care/recommend',
      {
        schema: {
          tags,
          summary: 'The rule set’s recommendation with every reason; stores nothing',
          body: LevelOfCareAssessmentSchema,
          response: { 200: LevelOfCareRecommendationDto },
        },
      },
      (req) => service.recommend(actorOf(req), req.body),
    );
  };
