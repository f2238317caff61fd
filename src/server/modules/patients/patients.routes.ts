import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  CreatePatientBody,
  PatientDto,
  PatientSearchQuery,
  PatientSummary,
  UpdatePatientBody,
} from '../../../contracts/patients.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { PatientsService } from './patients.service.js';

const tags = ['patients'];

export const patientsRoutes =
  (service: PatientsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/patients',
      {
        schema: {
          tags,
          summary: 'Find patients by name (typo-tolerant), MRN or date of birth',
          querystring: PatientSearchQuery,
          response: { 200: z.object({ items: z.array(PatientSummary) }) },
        },
      },
      async (req) => ({
        items: await service.search(actorOf(req), req.query.q),
      }),
    );
    app.post(
      '/patients',
      {
        schema: {
          tags,
          summary: 'Add a patient; 409 possible_duplicate when name and date of birth match one',
          body: CreatePatientBody,
          response: { 201: PatientDto },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body)),
    );
    app.get(
      '/patients/:id',
      { schema: { tags, summary: 'One patient record', params: IdParams, response: { 200: PatientDto } } },
      (req) => service.get(actorOf(req), req.params.id),
    );
    app.patch(
      '/patients/:id',
      {
        schema: {
          tags,
          summary: 'Change a patient record',
          params: IdParams,
          body: UpdatePatientBody,
          response: { 200: PatientDto },
        },
      },
      (req) => service.update(actorOf(req), req.params.id, req.body),
    );
  };
