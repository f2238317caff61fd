import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AddReferralNoteBody,
  ChangeReferralStatusBody,
  CreateReferralBody,
  LevelOfCareDecisionBody,
  ReferralDetailDto,
  ReferralDto,
} from '../../../contracts/intake.js';
import { INTAKE_ROLES, isStaff, LICENSED_ROLES, type Role } from '../../../domain/identity/roles.js';
import { transitionProblem, type ReferralStage } from '../../../domain/intake/referral-pipeline.js';
import { recommendLevelOfCare, type LevelOfCareAssessment } from '../../../domain/level-of-care/rules.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import type { PatientsService } from '../patients/index.js';
import { toDecisions, toEvents, toNotes, toReferralDto } from './intake.dto.js';
import { intakeRepo as repo } from './intake.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string | null };

/** Referrals through the intake pipeline, and the level-of-care decision recorded on them. */
export function createIntakeService({
  db,
  audit,
  clock,
  patients,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
}) {
  async function detail(tx: Db, actor: OrgActor, id: string): Promise<ReferralDetailDto> {
    const row = await repo.get(tx, actor.organizationId, id);
    const [events, notes, decisions] = [
      await repo.events(tx, actor.organizationId, id),
      await repo.notes(tx, actor.organizationId, id),
      await repo.decisions(tx, actor.organizationId, id),
    ];
    return {
      ...toReferralDto(row),
      events: toEvents(events),
      notes: toNotes(notes),
      decisions: toDecisions(decisions),
    };
  }

  /** Opens a referral (and, when given one inline, its new patient) in the caller's transaction. */
  async function createIn(trx: Db, actor: OrgActor, body: CreateReferralBody): Promise<string> {
    const patientId = body.patientId
      ? (await patients.assertExists(trx, actor, body.patientId)).id
      : (await patients.createIn(trx, actor, body.patient!)).id;
    const now = clock.now();
    const { id } = await repo.insert(trx, {
      organization_id: actor.organizationId,
      patient_id: patientId,
      source: body.source,
      referrer_name: body.referrerName ?? null,
      referrer_organization: body.referrerOrganization ?? null,
      referrer_phone: body.referrerPhone ?? null,
      referrer_email: body.referrerEmail ?? null,
      reason: body.reason,
      urgency: body.urgency,
      consent_to_contact: body.consentToContact,
      status_changed_at: now,
      created_by: actor.userId,
    });
    await repo.insertEvent(trx, {
      organizationId: actor.organizationId,
      referralId: id,
      from: null,
      to: 'new',
      by: actor.userId,
      at: now,
    });
    if (body.note)
      await repo.insertNote(trx, {
        organizationId: actor.organizationId,
        referralId: id,
        body: body.note,
        authorId: actor.userId,
      });
    await audit.record(trx, actor, { action: 'create', resourceType: 'Referral', resourceId: id, patientId });
    return id;
  }

  return {
    createIn,

    /** Locks an accepted referral for admission in the caller's transaction; its patient id. */
    async lockForAdmission(trx: Db, actor: OrgActor, id: string): Promise<{ patientId: string }> {
      const row = await repo.get(trx, actor.organizationId, id, { forUpdate: true });
      if (row.status !== 'accepted')
        throw conflict('Only an accepted referral can be admitted.', 'referralId');
      return { patientId: row.patient_id };
    },

    /** Closes the referral as admitted, in the admission's transaction. */
    async markAdmitted(trx: Db, actor: OrgActor, id: string): Promise<void> {
      const now = clock.now();
      await repo.setStatus(trx, actor.organizationId, id, {
        status: 'admitted',
        at: now,
        closedReason: null,
        destination: null,
      });
      await repo.insertEvent(trx, {
        organizationId: actor.organizationId,
        referralId: id,
        from: 'accepted',
        to: 'admitted',
        by: actor.userId,
        at: now,
      });
    },

    async create(actor: OrgActor, body: CreateReferralBody) {
      requireRole(actor, ...INTAKE_ROLES);
      if (body.patient) await patients.assertNotDuplicate(actor, body.patient);
      return db.transaction().execute(async (trx) => detail(trx, actor, await createIn(trx, actor, body)));
    },

    async list(
      actor: OrgActor,
      filter: { status?: ReferralStage; open?: boolean; patientId?: string },
    ): Promise<ReferralDto[]> {
      requireRole(actor, ...INTAKE_ROLES);
      if (filter.patientId) await patients.assertExists(db, actor, filter.patientId);
      const rows = await repo.list(db, actor.organizationId, filter);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Referral',
        patientId: filter.patientId ?? null,
        details: { count: rows.length, patientIds: [...new Set(rows.map((r) => r.patient_id))] },
      });
      return rows.map(toReferralDto);
    },

    async get(actor: OrgActor, id: string): Promise<ReferralDetailDto> {
      requireRole(actor, ...INTAKE_ROLES);
      const result = await detail(db, actor, id);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Referral',
        resourceId: id,
        patientId: result.patient.id,
      });
      return result;
    },

    changeStatus: (actor: OrgActor, id: string, body: z.infer<typeof ChangeReferralStatusBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...INTAKE_ROLES);
        const row = await repo.get(trx, actor.organizationId, id, { forUpdate: true });
        const from = row.status as ReferralStage;
        const problem = transitionProblem(from, body.status, body);
        if (problem) throw invalid(problem.field, problem.message);
        const closing = body.status === 'declined' || body.status === 'referred_elsewhere';
        const now = clock.now();
        await repo.setStatus(trx, actor.organizationId, id, {
          status: body.status,
          at: now,
          closedReason: closing ? body.reason!.trim() : null,
          destination: closing ? body.destination!.trim() : null,
        });
        await repo.insertEvent(trx, {
          organizationId: actor.organizationId,
          referralId: id,
          from,
          to: body.status,
          reason: body.reason,
          destination: body.destination,
          by: actor.userId,
          at: now,
        });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Referral',
          resourceId: id,
          patientId: row.patient_id,
          details: { change: 'status' },
        });
        return detail(trx, actor, id);
      }),

    addNote: (actor: OrgActor, id: string, body: z.infer<typeof AddReferralNoteBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...INTAKE_ROLES);
        const row = await repo.get(trx, actor.organizationId, id);
        await repo.insertNote(trx, {
          organizationId: actor.organizationId,
          referralId: id,
          body: body.body,
          authorId: actor.userId,
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'ReferralNote',
          resourceId: id,
          patientId: row.patient_id,
        });
        return detail(trx, actor, id);
      }),

    recommend(actor: { roles: readonly Role[] }, assessment: LevelOfCareAssessment) {
      if (!isStaff(actor.roles)) throw forbidden();
      return recommendLevelOfCare(assessment);
    },

    /** Stores the rule set's recommendation, its inputs and version, and the clinician's choice or override. */
    decide: (
      actor: OrgActor & { userId: string },
      id: string,
      body: z.infer<typeof LevelOfCareDecisionBody>,
    ) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...LICENSED_ROLES);
        const row = await repo.get(trx, actor.organizationId, id, { forUpdate: true });
        const recommendation = recommendLevelOfCare(body.assessment);
        const overriding = body.chosenLevel !== recommendation.level;
        const justification = body.overrideJustification?.trim() ?? '';
        if (overriding && justification.length < 10)
          throw invalid(
            'overrideJustification',
            `The rules recommend ${recommendation.level}; explain why you choose ${body.chosenLevel}.`,
          );
        const { id: decisionId } = await repo.insertDecision(trx, {
          organization_id: actor.organizationId,
          referral_id: id,
          patient_id: row.patient_id,
          assessment: JSON.stringify(body.assessment),
          recommended_level: recommendation.level,
          crisis: recommendation.crisis,
          reasons: JSON.stringify(recommendation.reasons),
          ruleset_version: recommendation.rulesetVersion,
          chosen_level: body.chosenLevel,
          override_justification: overriding ? justification : null,
          asam: body.asam ? JSON.stringify(body.asam) : null,
          decided_by: actor.userId,
          decided_at: clock.now(),
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'LevelOfCareDecision',
          resourceId: decisionId,
          patientId: row.patient_id,
          details: { override: overriding },
        });
        return detail(trx, actor, id);
      }),
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
