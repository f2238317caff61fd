import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import {
  CreateKioskBody,
  KioskDto,
  KioskHandoffDto,
  KioskParams,
  KioskSubmitBody,
  KioskSubmitDto,
  MeasurementSettingsDto,
  PatientOutcomesDto,
  ProgramOutcomesDto,
  ProgramOutcomesQuery,
} from '../../../contracts/outcomes.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { OutcomesService } from './outcomes.service.js';

const tags = ['outcomes'];
const params = IdParams;
/** The kiosk is public (the code is the credential): limit guessing and flooding. */
const kiosk = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } } as const;

export const outcomesRoutes =
  (outcomes: OutcomesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/patients/:id/outcomes',
      {
        schema: {
          tags,
          summary: 'Trajectories of every measure over the episode, outcome flags and measures due',
          params,
          response: { 200: PatientOutcomesDto },
        },
      },
      (req) => outcomes.patientOutcomes(actorOf(req), req.params.id),
    );
    app.get(
      '/programs/:id/outcomes',
      {
        schema: {
          tags,
          summary: 'The program’s outcome summary on one measure, and who is not on track',
          params,
          querystring: ProgramOutcomesQuery,
          response: { 200: ProgramOutcomesDto },
        },
      },
      (req) => outcomes.programOutcomes(actorOf(req), req.params.id, req.query.instrument),
    );
    app.get(
      '/programs/:id/measurement',
      {
        schema: {
          tags,
          summary: 'The program’s measurement schedule and plan-review interval',
          params,
          response: { 200: MeasurementSettingsDto },
        },
      },
      (req) => outcomes.measurementSettings(actorOf(req), req.params.id),
    );
    app.put(
      '/programs/:id/measurement',
      {
        schema: {
          tags,
          summary: 'Set the program’s measurement schedule and plan-review interval',
          params,
          body: MeasurementSettingsDto,
          response: { 200: MeasurementSettingsDto },
        },
      },
      (req) => outcomes.saveMeasurementSettings(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/patients/:id/kiosk',
      {
        schema: {
          tags,
          summary: 'Hand a tablet to the patient to complete measures (by default those due today)',
          params,
          body: CreateKioskBody,
          response: { 201: KioskHandoffDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await outcomes.createKiosk(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/kiosk/:code',
      {
        config: kiosk,
        schema: {
          tags,
          summary: 'The tablet’s hand-off: the patient’s first name and the measures still to do',
          params: KioskParams,
          response: { 200: KioskDto },
        },
      },
      (req) => outcomes.kiosk(req.params.code, req.ip),
    );
    app.post(
      '/kiosk/:code/administrations',
      {
        config: kiosk,
        schema: {
          tags,
          summary: 'The patient submits one measure; a suicide-risk answer alerts staff',
          params: KioskParams,
          body: KioskSubmitBody,
          response: { 200: KioskSubmitDto },
        },
      },
      (req) => outcomes.kioskSubmit(req.params.code, req.body, req.ip),
    );
  };
