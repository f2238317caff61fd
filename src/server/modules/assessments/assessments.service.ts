import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AdministrationDto, CreateAdministrationBody } from '../../../contracts/assessments.js';
import type { CrisisStepsDto, SafetyAlertDto } from '../../../contracts/safety.js';
import { INTAKE_ROLES } from '../../../domain/identity/roles.js';
import {
  INSTRUMENTS,
  InstrumentAnswerError,
  type InstrumentId,
  type ScoreResult,
} from '../../../domain/instruments/index.js';
import { alertAcuity, CRISIS_STEPS } from '../../../domain/safety/crisis-steps.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { organizationsRepo, settingsOf } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';
import type { SafetyService } from '../safety/index.js';

type OrgActor = Actor & { organizationId: string; userId: string | null };

const FLAG_REASON = {
  acute: 'Acute suicide risk on',
  non_acute: 'Positive suicide-risk result on',
} as const;

/**
 * Scores an answer set, turning an invalid set into a 400 that names the item. Never guesses or
 * prorates a missing answer.
 */
function scoreOrReject(id: InstrumentId, input: { answers: readonly unknown[]; sex?: unknown }): ScoreResult {
  try {
    return INSTRUMENTS[id].score(input);
  } catch (err) {
    if (!(err instanceof InstrumentAnswerError)) throw err;
    const path = err.itemId === 'sex' ? 'sex' : err.index >= 0 ? `answers.${err.index}` : 'answers';
    throw new AppError('validation_failed', {
      message: `invalid answers for ${id}`,
      fieldErrors: [{ path, message: `Item ${err.itemId}: ${err.message}` }],
    });
  }
}

/** Licensed instruments are usable only where the organization has enabled them. */
async function assertInstrumentEnabled(db: Db, id: InstrumentId, organizationId: string | undefined) {
  if (INSTRUMENTS[id].definition.licence.enabledByDefault) return;
  const enabled =
    organizationId !== undefined &&
    settingsOf((await organizationsRepo.getOrganization(db, organizationId)).settings).cssrsEnabled;
  if (!enabled)
    throw new AppError('instrument_disabled', {
      userMessage: `${INSTRUMENTS[id].definition.shortName} needs a licence for electronic use; an administrator enables it in organization settings.`,
    });
}

type AdministrationRow = Awaited<ReturnType<typeof listRows>>[number];
const listRows = (db: Db, organizationId: string, patientId: string, id?: string) =>
  db
    .selectFrom('administrations as a')
    .leftJoin('users as u', (j) =>
      j.onRef('u.organization_id', '=', 'a.organization_id').onRef('u.id', '=', 'a.administered_by'),
    )
    .select([
      'a.id',
      'a.patient_id',
      'a.referral_id',
      'a.instrument_id',
      'a.answers',
      'a.total',
      'a.severity',
      'a.positive',
      'a.flags',
      'a.extra',
      'a.method',
      'a.administered_at',
      'u.display_name',
    ])
    .where('a.organization_id', '=', organizationId)
    .where('a.patient_id', '=', patientId)
    .$if(id !== undefined, (q) => q.where('a.id', '=', id!))
    .orderBy('a.administered_at', 'desc')
    .limit(500)
    .execute();

const toDto = (r: AdministrationRow): AdministrationDto => ({
  id: r.id,
  patientId: r.patient_id,
  referralId: r.referral_id,
  instrument: r.instrument_id as InstrumentId,
  answers: r.answers as AdministrationDto['answers'],
  result: {
    instrument: r.instrument_id as InstrumentId,
    total: r.total,
    severity: r.severity,
    positive: r.positive,
    flags: r.flags as ScoreResult['flags'],
    extra: r.extra,
  },
  method: r.method as AdministrationDto['method'],
  administeredBy: r.display_name,
  administeredAt: r.administered_at.toISOString(),
});

/** Administrations: stored with every raw answer; a suicide-risk result opens a safety alert in the same transaction. */
export function createAssessmentsService(deps: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
  safety: SafetyService;
}) {
  const { db, audit, clock, patients, safety } = deps;
  return {
    /** Stateless scoring: stores nothing, so it needs no login, except for licensed instruments. */
    async score(
      id: InstrumentId,
      body: { answers: readonly unknown[]; sex?: unknown },
      organizationId: string | undefined,
    ) {
      await assertInstrumentEnabled(db, id, organizationId);
      return scoreOrReject(id, body);
    },

    async list(actor: OrgActor, patientId: string): Promise<AdministrationDto[]> {
      requireRole(actor, ...INTAKE_ROLES);
      await patients.assertExists(db, actor, patientId);
      const rows = await listRows(db, actor.organizationId, patientId);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Administration',
        patientId,
        details: { count: rows.length },
      });
      return rows.map(toDto);
    },

    async administer(
      actor: OrgActor,
      patientId: string,
      body: z.infer<typeof CreateAdministrationBody>,
    ): Promise<Administered> {
      requireRole(actor, ...INTAKE_ROLES);
      await assertInstrumentEnabled(db, body.instrument, actor.organizationId);
      const result = scoreOrReject(body.instrument, body);
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        if (body.referralId) {
          const referral = await trx
            .selectFrom('referrals')
            .select('id')
            .where('organization_id', '=', actor.organizationId)
            .where('id', '=', body.referralId)
            .where('patient_id', '=', patientId)
            .executeTakeFirst();
          if (!referral) throw invalid('referralId', 'That referral is not this patient’s.');
        }
        return record(trx, actor, patientId, body, result);
      });
    },

    /**
     * Records a completed instrument in the caller's transaction, for callers that authorize the
     * patient themselves (the kiosk: the patient holding a hand-off code). Same scoring, audit and
     * safety alert as staff entry, wherever the measure was taken.
     */
    async recordInTransaction(
      trx: Db,
      actor: OrgActor,
      patientId: string,
      body: Pick<z.infer<typeof CreateAdministrationBody>, 'instrument' | 'answers' | 'sex' | 'method'>,
    ): Promise<Administered> {
      await assertInstrumentEnabled(trx, body.instrument, actor.organizationId);
      return record(trx, actor, patientId, body, scoreOrReject(body.instrument, body));
    },
  };

  async function record(
    trx: Db,
    actor: OrgActor,
    patientId: string,
    body: Pick<
      z.infer<typeof CreateAdministrationBody>,
      'instrument' | 'answers' | 'sex' | 'method' | 'referralId'
    >,
    result: ScoreResult,
  ): Promise<Administered> {
    const { id } = await trx
      .insertInto('administrations')
      .values({
        organization_id: actor.organizationId,
        patient_id: patientId,
        referral_id: body.referralId ?? null,
        instrument_id: body.instrument,
        answers: JSON.stringify(body.answers),
        sex: body.sex ?? null,
        total: result.total,
        severity: result.severity,
        positive: result.positive,
        flags: result.flags,
        extra: JSON.stringify(result.extra ?? {}),
        method: body.method,
        administered_by: actor.userId,
        administered_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit.record(trx, actor, {
      action: 'create',
      resourceType: 'Administration',
      resourceId: id,
      patientId,
    });
    const acuity = alertAcuity(result.flags);
    const alert = acuity
      ? await safety.raiseAlert(trx, actor, {
          patientId,
          administrationId: id,
          acuity,
          reason: `${FLAG_REASON[acuity]} ${INSTRUMENTS[body.instrument].definition.shortName}`,
        })
      : null;
    const [row] = await listRows(trx, actor.organizationId, patientId, id);
    if (!row) throw notFound('administration');
    return {
      administration: toDto(row),
      alert,
      crisisSteps:
        acuity === 'acute' ? { headline: CRISIS_STEPS.headline, steps: [...CRISIS_STEPS.steps] } : null,
    };
  }
}

interface Administered {
  administration: AdministrationDto;
  alert: SafetyAlertDto | null;
  crisisSteps: z.infer<typeof CrisisStepsDto> | null;
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
