import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  DiagnosisCodeDto,
  DiagnosisSearchQuery,
  EpisodePlanDto,
  PatientSignatureBody,
  PlanReviewDueDto,
  SaveTreatmentPlanBody,
  SignTreatmentPlanBody,
  TreatmentPlanDto,
} from '../../../contracts/plans.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { PlansService } from './plans.service.js';

const tags = ['treatment plans'];
const params = IdParams;
const plan = { 200: TreatmentPlanDto };

export const plansRoutes =
  (plans: PlansService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/diagnoses',
      {
        schema: {
          tags,
          summary: 'Search ICD-10-CM codes of the mental and behavioural chapter (F01–F99)',
          querystring: DiagnosisSearchQuery,
          response: { 200: z.object({ items: z.array(DiagnosisCodeDto) }) },
        },
      },
      async (req) => {
        actorOf(req);
        return { items: await plans.diagnoses(req.query.q, req.query.limit) };
      },
    );
    app.get(
      '/treatment-plans/reviews-due',
      {
        schema: {
          tags,
          summary: 'Plan reviews overdue or due this week, and active patients without a signed plan',
          response: { 200: z.object({ items: z.array(PlanReviewDueDto) }) },
        },
      },
      async (req) => ({ items: await plans.reviewsDue(actorOf(req)) }),
    );
    app.get(
      '/patients/:id/treatment-plan',
      {
        schema: {
          tags,
          summary: 'The plan of the patient’s active (or latest) episode: in force, being written, versions',
          params,
          response: { 200: EpisodePlanDto },
        },
      },
      (req) => plans.forPatient(actorOf(req), req.params.id),
    );
    app.get(
      '/episodes/:id/treatment-plan',
      {
        schema: {
          tags,
          summary: 'An episode’s plan: in force, being written, versions',
          params,
          response: { 200: EpisodePlanDto },
        },
      },
      (req) => plans.forEpisode(actorOf(req), req.params.id),
    );
    app.put(
      '/episodes/:id/treatment-plan/draft',
      {
        schema: {
          tags,
          summary: 'Save the version being written (autosave); after a signed plan this starts a review',
          params,
          body: SaveTreatmentPlanBody,
          response: plan,
        },
      },
      (req) => plans.saveDraft(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/treatment-plans/:id',
      { schema: { tags, summary: 'One version of a plan', params, response: plan } },
      (req) => plans.get(actorOf(req), req.params.id),
    );
    app.post(
      '/treatment-plans/:id/sign',
      {
        schema: {
          tags,
          summary: 'Sign a complete plan: content and SHA-256 kept, never changed after; next review dated',
          params,
          body: SignTreatmentPlanBody,
          response: plan,
        },
      },
      (req) => plans.sign(actorOf(req), req.params.id),
    );
    app.post(
      '/treatment-plans/:id/cosign',
      {
        schema: { tags, summary: 'Co-sign a supervised clinician’s plan', params, response: plan },
      },
      (req) => plans.cosign(actorOf(req), req.params.id),
    );
    app.post(
      '/treatment-plans/:id/patient-signature',
      {
        schema: {
          tags,
          summary: 'Record the patient’s on-screen signature (or that they declined) on a signed version',
          params,
          body: PatientSignatureBody,
          response: plan,
        },
      },
      (req) => plans.patientSignature(actorOf(req), req.params.id, req.body),
    );
  };
