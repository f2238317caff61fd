import type { Kysely } from 'kysely';
import type {
  EpisodePlanDto,
  PlanReviewDueDto,
  SaveTreatmentPlanBody,
  TreatmentPlanDto,
} from '../../../contracts/plans.js';
import type { z } from 'zod';
import type { PatientSignatureBody } from '../../../contracts/plans.js';
import {
  compareCodes,
  F_CODES,
  ICD10CM_SYSTEM,
  parseCdcCodeFile,
  searchCodes,
  type DiagnosisCode,
} from '../../../domain/diagnoses/index.js';
import { INTAKE_ROLES, LICENSED_ROLES, type Role } from '../../../domain/identity/roles.js';
import { nextReviewDate, reviewIntervalDays, reviewStatus } from '../../../domain/outcomes/index.js';
import { planChanges, planSigningProblems, scoreTargetProgress } from '../../../domain/plans/index.js';
import { clinicDateTime, startOfClinicDay } from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { contentSha256 } from '../../platform/audit/canonical-json.js';
import type { PatientsService } from '../patients/index.js';
import {
  episodeIdForPatient,
  episodeOf,
  importedCodes,
  latestScores,
  planById,
  plansOfEpisode,
  saveImportedCodes,
  staffNames,
  type EpisodeRow,
  type PlanRow,
} from './plans.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

/** Who writes and signs plans: licensed clinical staff. Clinical staff (with intake) read them. */
const WRITE_ROLES = LICENSED_ROLES;
const READ_ROLES = INTAKE_ROLES;
/** What the clinician attests, stored with the signed plan. */
const PLAN_ATTESTATION =
  'I attest that this treatment plan was developed with the patient and is accurate and complete.';
const isDirector = (actor: OrgActor) => actor.roles.includes('program_director');

/** The shipped codes and the imported ones, imported titles winning, in code order. */
function mergeCodes(shipped: readonly DiagnosisCode[], imported: readonly DiagnosisCode[]): DiagnosisCode[] {
  const byCode = new Map(shipped.map((c) => [c.code, c]));
  for (const c of imported) byCode.set(c.code, c);
  return [...byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
}

const signedPlan = (status: string) => status === 'signed' || status === 'pending_cosign';

/**
 * Treatment plans: one per episode, versioned. A draft is written by its author (or a director),
 * signed with the same rules as notes (attestation, SHA-256 of the content, a supervised author's
 * plan waits for the supervisor) and never changes after; a review makes the next version.
 */
export function createPlansService(deps: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
}) {
  const { db, audit, clock, patients } = deps;

  const today = (episode: EpisodeRow) => clinicDateTime(clock.now(), episode.time_zone).date;

  async function loadEpisode(trx: Db, actor: OrgActor, episodeId: string) {
    const episode = await episodeOf(trx, actor.organizationId, episodeId);
    if (!episode) throw notFound('episode');
    await patients.assertExists(trx, actor, episode.patient_id);
    return episode;
  }

  async function toDto(
    trx: Db,
    actor: OrgActor,
    episode: EpisodeRow,
    plan: PlanRow,
  ): Promise<TreatmentPlanDto> {
    const [people, scores] = await Promise.all([
      staffNames(trx, actor.organizationId, [
        plan.author_id,
        plan.signed_by,
        plan.cosigner_id,
        plan.patient_signature_witness,
      ]),
      latestScores(
        trx,
        actor.organizationId,
        plan.patient_id,
        startOfClinicDay(episode.admitted_on, episode.time_zone),
      ),
    ]);
    const person = (id: string | null) => (id ? { id, name: people.get(id)?.name ?? 'Former staff' } : null);
    const latest = new Map(scores.map((s) => [s.instrument_id, s]));
    const day = today(episode);
    const draft = plan.status === 'draft';
    const mine = plan.author_id === actor.userId || isDirector(actor);
    const writer = actor.roles.some((r) => (WRITE_ROLES as readonly string[]).includes(r));
    return {
      id: plan.id,
      episodeId: plan.episode_id,
      patientId: plan.patient_id,
      version: plan.version,
      status: plan.status as TreatmentPlanDto['status'],
      content: plan.content as TreatmentPlanDto['content'],
      review: plan.review as TreatmentPlanDto['review'],
      payerReviewIntervalDays: plan.payer_review_interval_days,
      author: person(plan.author_id),
      createdAt: plan.created_at.toISOString(),
      updatedAt: plan.updated_at.toISOString(),
      signedBy: person(plan.signed_by),
      signedAt: plan.signed_at?.toISOString() ?? null,
      contentSha256: plan.content_sha256,
      cosigner: person(plan.cosigner_id),
      cosignedAt: plan.cosigned_at?.toISOString() ?? null,
      effectiveOn: plan.effective_on,
      reviewDueOn: plan.review_due_on,
      reviewStatus:
        plan.status === 'signed' && plan.review_due_on ? reviewStatus(plan.review_due_on, day) : null,
      patientSignature:
        signedPlan(plan.status) || plan.status === 'superseded'
          ? {
              name: plan.patient_signature_name,
              signedAt: plan.patient_signed_at?.toISOString() ?? null,
              witness: person(plan.patient_signature_witness),
              declinedReason: plan.patient_declined_reason,
            }
          : null,
      sensitivity: plan.sensitivity,
      objectives: plan.content.goals.flatMap((g) =>
        g.objectives.map((o) => {
          const score = o.scoreTarget ? latest.get(o.scoreTarget.instrumentId) : undefined;
          return {
            objectiveId: o.id,
            latestTotal: score?.total ?? null,
            latestAt: score?.administered_at.toISOString() ?? null,
            progress: scoreTargetProgress(o, score?.total ?? null),
          };
        }),
      ),
      signingProblems: draft
        ? planSigningProblems(plan.content, day).map((p) => ({
            path: `content.${p.path}`,
            message: p.message,
          }))
        : [],
      canEdit: draft && writer && mine && episode.status === 'active',
      canSign: draft && writer && mine && episode.status === 'active',
      canCosign: plan.status === 'pending_cosign' && plan.cosigner_id === actor.userId,
    };
  }

  async function episodePlan(trx: Db, actor: OrgActor, episode: EpisodeRow): Promise<EpisodePlanDto> {
    const versions = await plansOfEpisode(trx, actor.organizationId, episode.id);
    const current = versions.find((v) => v.status === 'signed') ?? null;
    const draftRow = versions.find((v) => v.status === 'draft' || v.status === 'pending_cosign') ?? null;
    // A draft is its author's until signed; others see that one is being written, not its text.
    const draftVisible =
      draftRow && (draftRow.author_id === actor.userId || isDirector(actor) || draftRow.status !== 'draft');
    const people = await staffNames(
      trx,
      actor.organizationId,
      versions.map((v) => v.signed_by),
    );
    const [currentDto, draftDto] = await Promise.all([
      current ? toDto(trx, actor, episode, current) : null,
      draftRow && draftVisible ? toDto(trx, actor, episode, draftRow) : null,
    ]);
    await audit.record(trx, actor, {
      action: 'read',
      resourceType: 'TreatmentPlan',
      resourceId: current?.id ?? null,
      patientId: episode.patient_id,
      details: { episodeId: episode.id, versions: versions.length },
    });
    return {
      episode: {
        id: episode.id,
        programName: episode.program_name,
        trackName: episode.track_name,
        admittedOn: episode.admitted_on,
        status: episode.status,
        diagnoses: episode.diagnoses as EpisodePlanDto['episode']['diagnoses'],
      },
      current: currentDto,
      draft: draftDto,
      versions: versions
        .filter((v) => v.status !== 'draft' || v === draftRow)
        .map((v) => ({
          id: v.id,
          version: v.version,
          status: v.status as TreatmentPlanDto['status'],
          signedAt: v.signed_at?.toISOString() ?? null,
          signedBy: v.signed_by ? (people.get(v.signed_by)?.name ?? null) : null,
          reviewed: v.review !== null,
        })),
      reviewIntervalDays: reviewIntervalDays(
        episode.plan_review_interval_days,
        current?.payer_review_interval_days,
      ),
    };
  }

  /** Loads a plan and its episode, checking the caller may see it (drafts: author and directors). */
  async function loadPlan(trx: Db, actor: OrgActor, planId: string, forUpdate = false) {
    const plan = await planById(trx, actor.organizationId, planId, forUpdate);
    if (!plan) throw notFound('treatment plan');
    const episode = await loadEpisode(trx, actor, plan.episode_id);
    if (plan.status === 'draft' && plan.author_id !== actor.userId && !isDirector(actor))
      throw notFound('treatment plan');
    return { plan, episode };
  }

  /** Serialises writers and signers of the same episode's plan. */
  async function lockEpisode(trx: Db, actor: OrgActor, episodeId: string) {
    await trx
      .selectFrom('episodes')
      .select('id')
      .where('organization_id', '=', actor.organizationId)
      .where('id', '=', episodeId)
      .forUpdate()
      .execute();
  }

  async function finishSigning(trx: Db, actor: OrgActor, plan: PlanRow, episode: EpisodeRow) {
    // The version it replaces stops being in force once this one is (not while awaiting co-signature).
    if (plan.previous_id)
      await trx
        .updateTable('treatment_plans')
        .set({ status: 'superseded', updated_at: clock.now() })
        .where('organization_id', '=', actor.organizationId)
        .where('episode_id', '=', episode.id)
        .where('status', '=', 'signed')
        .where('id', '!=', plan.id)
        .execute();
  }

  return {
    /**
     * ICD-10-CM codes of the mental and behavioural chapter, searched by code or words: the codes
     * Trellis ships, and those loaded from the CDC's code file (which win where both have a code).
     */
    async diagnoses(q: string, limit: number) {
      const imported = await importedCodes(db, ICD10CM_SYSTEM);
      const list = imported.length === 0 ? F_CODES : mergeCodes(F_CODES, imported);
      return searchCodes(list, q, limit).map((c) => ({ system: ICD10CM_SYSTEM, ...c }));
    },

    /** Loads the F01–F99 codes of a CDC ICD-10-CM code or order file; returns how many. */
    async importIcd10cm(text: string, source: string) {
      const codes = parseCdcCodeFile(text);
      if (codes.length === 0) throw new Error('The file has no F01–F99 codes.');
      await db
        .transaction()
        .execute((trx) => saveImportedCodes(trx, ICD10CM_SYSTEM, codes, source, clock.now()));
      return codes.length;
    },

    async forEpisode(actor: OrgActor, episodeId: string): Promise<EpisodePlanDto> {
      requireRole(actor, ...READ_ROLES);
      return db
        .transaction()
        .execute(async (trx) => episodePlan(trx, actor, await loadEpisode(trx, actor, episodeId)));
    },

    async forPatient(actor: OrgActor, patientId: string): Promise<EpisodePlanDto> {
      requireRole(actor, ...READ_ROLES);
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        const episodeId = await episodeIdForPatient(trx, actor.organizationId, patientId);
        if (!episodeId)
          throw new AppError('not_found', {
            message: 'patient has no episode',
            userMessage: 'This patient has not been admitted to a program yet.',
          });
        return episodePlan(trx, actor, await loadEpisode(trx, actor, episodeId));
      });
    },

    async get(actor: OrgActor, planId: string): Promise<TreatmentPlanDto> {
      requireRole(actor, ...READ_ROLES);
      return db.transaction().execute(async (trx) => {
        const { plan, episode } = await loadPlan(trx, actor, planId);
        await audit.record(trx, actor, {
          action: 'read',
          resourceType: 'TreatmentPlan',
          resourceId: plan.id,
          patientId: plan.patient_id,
        });
        return toDto(trx, actor, episode, plan);
      });
    },

    /**
     * Saves the episode's draft (autosave). Without a draft, starts the next version: the first
     * plan, or after a signed plan a review (progress per objective and the changes, in words).
     */
    async saveDraft(
      actor: OrgActor,
      episodeId: string,
      body: SaveTreatmentPlanBody,
    ): Promise<TreatmentPlanDto> {
      requireRole(actor, ...WRITE_ROLES);
      return db.transaction().execute(async (trx) => {
        const episode = await loadEpisode(trx, actor, episodeId);
        if (episode.status !== 'active')
          throw conflict('The episode is discharged; its treatment plan no longer changes.');
        await lockEpisode(trx, actor, episode.id);
        const versions = await plansOfEpisode(trx, actor.organizationId, episode.id);
        const open = versions.find((v) => v.status === 'draft' || v.status === 'pending_cosign');
        const current = versions.find((v) => v.status === 'signed');
        if (open?.status === 'pending_cosign')
          throw new AppError('note_signed', {
            userMessage: 'This version is signed and waits for co-signature; it no longer changes.',
          });
        if (open && open.author_id !== actor.userId && !isDirector(actor))
          throw conflict('Another clinician is writing the next version of this plan.');
        if (body.review && !current) throw conflict('There is no signed plan to review yet.', 'review');
        const review = body.review
          ? JSON.stringify({
              ...body.review,
              changes: current ? planChanges(current.content, body.content) : [],
              reviewedOn: today(episode),
            })
          : current && open?.review
            ? JSON.stringify({ ...open.review, changes: planChanges(current.content, body.content) })
            : null;
        const now = clock.now();
        let id: string;
        if (open) {
          // Only a draft changes: a signature that committed first leaves the text as it was signed.
          const updated = await trx
            .updateTable('treatment_plans')
            .set({
              content: JSON.stringify(body.content),
              review,
              payer_review_interval_days: body.payerReviewIntervalDays,
              updated_at: now,
            })
            .where('organization_id', '=', actor.organizationId)
            .where('id', '=', open.id)
            .where('status', '=', 'draft')
            .executeTakeFirst();
          if (updated.numUpdatedRows === 0n)
            throw new AppError('note_signed', {
              userMessage: 'This version was signed meanwhile; it no longer changes.',
            });
          id = open.id;
        } else {
          ({ id } = await trx
            .insertInto('treatment_plans')
            .values({
              organization_id: actor.organizationId,
              episode_id: episode.id,
              patient_id: episode.patient_id,
              version: (versions[0]?.version ?? 0) + 1,
              previous_id: current?.id ?? null,
              content: JSON.stringify(body.content),
              review,
              payer_review_interval_days: body.payerReviewIntervalDays,
              author_id: actor.userId,
              created_at: now,
              updated_at: now,
              sensitivity: episode.sensitivity,
            })
            .returning('id')
            .executeTakeFirstOrThrow());
        }
        await audit.record(trx, actor, {
          action: open ? 'update' : 'create',
          resourceType: 'TreatmentPlan',
          resourceId: id,
          patientId: episode.patient_id,
          details: { event: 'draft_saved' },
        });
        const plan = await planById(trx, actor.organizationId, id);
        return toDto(trx, actor, episode, plan!);
      });
    },

    async sign(actor: OrgActor, planId: string): Promise<TreatmentPlanDto> {
      requireRole(actor, ...WRITE_ROLES);
      return db.transaction().execute(async (trx) => {
        const { plan, episode } = await loadPlan(trx, actor, planId, true);
        // Same lock as saveDraft, so an autosave cannot slip in between reading and signing.
        await lockEpisode(trx, actor, plan.episode_id);
        if (plan.status !== 'draft')
          throw new AppError('note_signed', {
            userMessage: 'A signed plan never changes; review it to make a new version.',
          });
        if (plan.author_id !== actor.userId && !isDirector(actor)) throw forbidden();
        if (episode.status !== 'active')
          throw conflict('The episode is discharged; its plan can no longer be signed.');
        const day = today(episode);
        const problems = planSigningProblems(plan.content, day);
        if (problems.length > 0)
          throw new AppError('validation_failed', {
            message: 'treatment plan incomplete',
            userMessage: 'The plan is not complete yet.',
            fieldErrors: problems.map((p) => ({ path: `content.${p.path}`, message: p.message })),
          });
        const people = await staffNames(trx, actor.organizationId, [actor.userId, plan.author_id]);
        const me = people.get(actor.userId);
        if (!me) throw new Error('plan signer is not a user of the organization');
        const cosigner = me.supervisorId ?? people.get(plan.author_id)?.supervisorId ?? null;
        const intervalDays = reviewIntervalDays(
          episode.plan_review_interval_days,
          plan.payer_review_interval_days,
        );
        const signed = {
          patient: episode.patient_name,
          mrn: episode.mrn,
          program: episode.program_name,
          track: episode.track_name,
          admittedOn: episode.admitted_on,
          version: plan.version,
          effectiveOn: day,
          content: plan.content,
          review: plan.review,
          attestation: PLAN_ATTESTATION,
          signer: me.name,
        };
        const now = clock.now();
        await trx
          .updateTable('treatment_plans')
          .set({
            status: cosigner ? 'pending_cosign' : 'signed',
            signed_by: actor.userId,
            signed_at: now,
            signed_content: JSON.stringify(signed),
            content_sha256: contentSha256(signed),
            cosigner_id: cosigner,
            effective_on: day,
            review_due_on: nextReviewDate({ startedOn: day, intervalDays }),
            updated_at: now,
          })
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', plan.id)
          .execute();
        if (!cosigner) await finishSigning(trx, actor, plan, episode);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'TreatmentPlan',
          resourceId: plan.id,
          patientId: plan.patient_id,
          details: { event: 'signed', pendingCosign: cosigner !== null },
        });
        return toDto(trx, actor, episode, (await planById(trx, actor.organizationId, plan.id))!);
      });
    },

    async cosign(actor: OrgActor, planId: string): Promise<TreatmentPlanDto> {
      requireRole(actor, ...WRITE_ROLES);
      return db.transaction().execute(async (trx) => {
        const { plan, episode } = await loadPlan(trx, actor, planId, true);
        if (plan.status !== 'pending_cosign') throw conflict('This plan is not waiting for a co-signature.');
        if (plan.cosigner_id !== actor.userId) throw forbidden();
        await trx
          .updateTable('treatment_plans')
          .set({ status: 'signed', cosigned_at: clock.now(), updated_at: clock.now() })
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', plan.id)
          .execute();
        await finishSigning(trx, actor, plan, episode);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'TreatmentPlan',
          resourceId: plan.id,
          patientId: plan.patient_id,
          details: { event: 'cosigned' },
        });
        return toDto(trx, actor, episode, (await planById(trx, actor.organizationId, plan.id))!);
      });
    },

    /** The patient signs on screen (witnessed by the signed-in clinician) or declines, with a reason. */
    async patientSignature(
      actor: OrgActor,
      planId: string,
      body: z.infer<typeof PatientSignatureBody>,
    ): Promise<TreatmentPlanDto> {
      requireRole(actor, ...WRITE_ROLES);
      return db.transaction().execute(async (trx) => {
        const { plan, episode } = await loadPlan(trx, actor, planId, true);
        if (!signedPlan(plan.status))
          throw conflict('The clinician signs the plan first; then the patient signs the same version.');
        if (plan.patient_signed_at || plan.patient_declined_reason)
          throw conflict('The patient’s signature on this version is already recorded.');
        await trx
          .updateTable('treatment_plans')
          .set(
            body.kind === 'signed'
              ? {
                  patient_signed_at: clock.now(),
                  patient_signature_name: body.name,
                  patient_signature_witness: actor.userId,
                }
              : { patient_declined_reason: body.reason, patient_signature_witness: actor.userId },
          )
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', plan.id)
          .execute();
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'TreatmentPlan',
          resourceId: plan.id,
          patientId: plan.patient_id,
          details: { event: body.kind === 'signed' ? 'patient_signed' : 'patient_declined' },
        });
        return toDto(trx, actor, episode, (await planById(trx, actor.organizationId, plan.id))!);
      });
    },

    /**
     * Active episodes of my caseload (every active episode for a director) whose plan review is
     * overdue or due this week, or that have no signed plan yet; overdue first.
     */
    async reviewsDue(actor: OrgActor): Promise<PlanReviewDueDto[]> {
      requireRole(actor, ...READ_ROLES);
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('episodes as e')
          .innerJoin('patients as pt', (j) =>
            j.onRef('pt.organization_id', '=', 'e.organization_id').onRef('pt.id', '=', 'e.patient_id'),
          )
          .innerJoin('programs as p', (j) =>
            j.onRef('p.organization_id', '=', 'e.organization_id').onRef('p.id', '=', 'e.program_id'),
          )
          .innerJoin('locations as l', (j) =>
            j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'),
          )
          .leftJoin('treatment_plans as tp', (j) =>
            j
              .onRef('tp.organization_id', '=', 'e.organization_id')
              .onRef('tp.episode_id', '=', 'e.id')
              .on('tp.status', '=', 'signed'),
          )
          .select([
            'e.id as episode_id',
            'e.patient_id',
            'pt.given_name',
            'pt.family_name',
            'l.time_zone',
            'tp.id as plan_id',
            'tp.review_due_on',
          ])
          .where('e.organization_id', '=', actor.organizationId)
          .where('e.status', '=', 'active')
          .$if(!isDirector(actor), (q) => q.where('e.primary_therapist_id', '=', actor.userId))
          .execute();
        const items: PlanReviewDueDto[] = [];
        for (const r of rows) {
          const day = clinicDateTime(clock.now(), r.time_zone).date;
          const status = r.review_due_on ? reviewStatus(r.review_due_on, day) : 'no_plan';
          if (status === 'not_due') continue;
          items.push({
            patientId: r.patient_id,
            patientName: `${r.given_name} ${r.family_name}`,
            episodeId: r.episode_id,
            planId: r.plan_id,
            dueOn: r.review_due_on,
            status,
          });
        }
        const rank = { overdue: 0, due_this_week: 1, no_plan: 2 } as const;
        items.sort(
          (a, b) =>
            rank[a.status] - rank[b.status] ||
            (a.dueOn ?? '').localeCompare(b.dueOn ?? '') ||
            a.patientName.localeCompare(b.patientName),
        );
        await audit.record(trx, actor, {
          action: 'read',
          resourceType: 'TreatmentPlan',
          details: { event: 'reviews_due', count: items.length, patientIds: items.map((i) => i.patientId) },
        });
        return items;
      });
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
