import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdministrationDto,
  CreateAdministrationBody,
  InstrumentDefinitionDto,
  InstrumentParams,
  ScoreBody,
  ScoreResultDto,
} from '../../../contracts/assessments.js';
import { IdParams } from '../../../contracts/common.js';
import { CrisisStepsDto, SafetyAlertDto } from '../../../contracts/safety.js';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../../../domain/instruments/index.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { AssessmentsService } from './assessments.service.js';

const tags = ['assessments'];
const open = { public: true } as const;

export const assessmentsRoutes =
  (service: AssessmentsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/instruments',
      {
        config: open,
        schema: {
          tags,
          summary: 'Standard instruments: items, answer values, LOINC codes',
          response: { 200: z.object({ items: z.array(InstrumentDefinitionDto) }) },
        },
      },
      () => ({
        items: INSTRUMENT_IDS.map((id) => INSTRUMENTS[id].definition),
      }),
    );
    app.get(
      '/instruments/:id',
      {
        config: open,
        schema: {
          tags,
          summary: 'One instrument',
          params: InstrumentParams,
          response: { 200: InstrumentDefinitionDto },
        },
      },
      (req) => INSTRUMENTS[req.params.id].definition,
    );
    app.post(
      '/instruments/:id/score',
      {
        config: open,
        schema: {
          tags,
          summary: 'Score an answer set; stores nothing',
          params: InstrumentParams,
          body: ScoreBody,
          response: { 200: ScoreResultDto },
        },
      },
      (req) => service.score(req.params.id, req.body, req.principal?.organizationId),
    );
    app.get(
      '/patients/:id/administrations',
      {
        schema: {
          tags,
          summary: 'A patient’s screening history, newest first',
          params: IdParams,
          response: { 200: z.object({ items: z.array(AdministrationDto) }) },
        },
      },
      async (req) => ({
        items: await service.list(actorOf(req), req.params.id),
      }),
    );
    app.post(
      '/patients/:id/administrations',
      {
        schema: {
          tags,
          summary: 'Record a completed instrument; a suicide-risk result opens a safety alert',
          params: IdParams,
          body: CreateAdministrationBody,
          response: {
            201: z.object({
              administration: AdministrationDto,
              alert: SafetyAlertDto.nullable(),
              crisisSteps: CrisisStepsDto.nullable(),
            }),
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.administer(actorOf(req), req.params.id, req.body)),
    );
  };
