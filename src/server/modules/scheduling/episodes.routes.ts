import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  AdmissionPreviewDto,
  AdmitBody,
  ChangeTrackBody,
  CurriculumProgressDto,
  EpisodeDto,
  EpisodeListQuery,
  PatientWeekDto,
  PatientWeekQuery,
  SteppingDownBody,
} from '../../../contracts/scheduling.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { EpisodesService } from './episodes.service.js';

const tags = ['episodes'];
const params = IdParams;
const list = { 200: z.object({ items: z.array(EpisodeDto) }) };

export const episodesRoutes =
  (service: EpisodesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/admissions/preview',
      {
        schema: {
          tags,
          summary:
            'The admission as it would be: first full week, intensity check and conflicts; saves nothing',
          body: AdmitBody,
          response: { 200: AdmissionPreviewDto },
        },
      },
      (req) => service.preview(actorOf(req), req.body),
    );
    app.post(
      '/admissions',
      {
        schema: {
          tags,
          summary: 'Admit an accepted referral into a track: opens the episode and fills the weekly schedule',
          body: AdmitBody,
          response: { 201: EpisodeDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.admit(actorOf(req), req.body)),
    );
    app.get(
      '/episodes',
      {
        schema: {
          tags,
          summary: 'Episodes of care (a roster)',
          querystring: EpisodeListQuery,
          response: list,
        },
      },
      async (req) => ({ items: await service.list(actorOf(req), req.query) }),
    );
    app.get(
      '/episodes/:id',
      { schema: { tags, summary: 'An episode of care', params, response: { 200: EpisodeDto } } },
      (req) => service.get(actorOf(req), req.params.id),
    );
    app.post(
      '/episodes/:id/track',
      {
        schema: {
          tags,
          summary: 'Move the patient to another track of the program',
          params,
          body: ChangeTrackBody,
          response: { 200: EpisodeDto },
        },
      },
      (req) => service.changeTrack(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/episodes/:id/stepping-down',
      {
        schema: {
          tags,
          summary: 'Mark the patient as stepping down (or end it); weeks in the allowance are not flagged',
          params,
          body: SteppingDownBody,
          response: { 200: EpisodeDto },
        },
      },
      (req) => service.setSteppingDown(actorOf(req), req.params.id, req.body.since),
    );
    app.get(
      '/episodes/:id/curriculum',
      {
        schema: {
          tags,
          summary: 'Curriculum modules completed and when the missed ones come round',
          params,
          response: { 200: CurriculumProgressDto },
        },
      },
      (req) => service.curriculum(actorOf(req), req.params.id),
    );
    app.get(
      '/patients/:id/episodes',
      { schema: { tags, summary: 'A patient’s episodes of care', params, response: list } },
      async (req) => ({ items: await service.list(actorOf(req), { patientId: req.params.id }) }),
    );
    app.get(
      '/patients/:id/week',
      {
        schema: {
          tags,
          summary: 'A patient’s sessions in one clinic-local week, with the intensity check',
          params,
          querystring: PatientWeekQuery,
          response: { 200: PatientWeekDto },
        },
      },
      (req) => service.week(actorOf(req), req.params.id, req.query.week),
    );
  };
