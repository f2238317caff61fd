import type { Kysely } from 'kysely';
import type {
  SafetyPlanDto,
  SafetyPlanVersionDto,
  SaveSafetyPlanBody,
} from '../../../contracts/safety-plans.js';
import { LICENSED_ROLES, type Role } from '../../../domain/identity/roles.js';
import {
  normalizeSafetyPlan,
  SAFETY_PLAN_REVIEW_REASON_LABELS,
  SAFETY_PLAN_SECTIONS,
  safetyPlanProblems,
  safetyPlanReview,
  type SafetyContact,
  type SafetyPlanContent,
} from '../../../domain/safety/safety-plan.js';
import { clinicDateTime } from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { renderNotesPdf } from '../notes/index.js';
import { organizationsRepo, settingsOf } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

/** Clinical staff read a safety plan; licensed staff write it with the patient. */
const READ_ROLES: readonly Role[] = ['program_director', 'clinician', 'prescriber', 'intake'];

const EMPTY: SafetyPlanContent = {
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpContacts: [],
  professionals: [],
  environmentSafety: [],
  reasonsForLiving: [],
};

const versionsOf = (db: Db, organizationId: string, patientId: string) =>
  db
    .selectFrom('safety_plans as sp')
    .innerJoin('users as u', (j) =>
      j.onRef('u.organization_id', '=', 'sp.organization_id').onRef('u.id', '=', 'sp.author_id'),
    )
    .select([
      'sp.id',
      'sp.version',
      'sp.content',
      'sp.reason',
      'sp.safety_alert_id',
      'sp.created_at',
      'sp.sensitivity',
      'u.display_name as author',
    ])
    .where('sp.organization_id', '=', organizationId)
    .where('sp.patient_id', '=', patientId)
    .orderBy('sp.version', 'desc')
    .execute();
type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

const toDto = (r: VersionRow): SafetyPlanVersionDto => ({
  id: r.id,
  version: r.version,
  content: r.content,
  reason: r.reason as SafetyPlanVersionDto['reason'],
  safetyAlertId: r.safety_alert_id,
  author: r.author,
  createdAt: r.created_at.toISOString(),
  sensitivity: r.sensitivity,
});

const contactLine = (c: SafetyContact) => [c.name, c.phone, c.note].filter(Boolean).join(' · ');

/**
 * Safety plans: every save is a new version (nothing is overwritten), 988 is always listed, and a
 * plan needs review when a safety alert was raised after its latest version.
 */
export function createSafetyPlansService(deps: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
}) {
  const { db, audit, clock, patients } = deps;

  async function latestAlertAt(trx: Db, organizationId: string, patientId: string) {
    const row = await trx
      .selectFrom('safety_alerts')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    return row?.at ? new Date(row.at) : null;
  }

  async function version(trx: Db, actor: OrgActor, patientId: string, number?: number) {
    const rows = await versionsOf(trx, actor.organizationId, patientId);
    const row = number === undefined ? rows[0] : rows.find((r) => r.version === number);
    if (!row) throw notFound('safety plan');
    return row;
  }

  return {
    async get(actor: OrgActor, patientId: string): Promise<SafetyPlanDto> {
      requireRole(actor, ...READ_ROLES);
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        const [rows, alertAt] = await Promise.all([
          versionsOf(trx, actor.organizationId, patientId),
          latestAlertAt(trx, actor.organizationId, patientId),
        ]);
        const current = rows[0] ?? null;
        await audit.record(trx, actor, {
          action: 'read',
          resourceType: 'SafetyPlan',
          resourceId: current?.id ?? null,
          patientId,
        });
        return {
          current: current && toDto(current),
          versions: rows.map((r) => ({
            id: r.id,
            version: r.version,
            reason: r.reason,
            author: r.author,
            createdAt: r.created_at.toISOString(),
          })),
          review: safetyPlanReview({ latestVersionAt: current?.created_at ?? null, latestAlertAt: alertAt }),
          template: normalizeSafetyPlan(EMPTY),
        };
      });
    },

    async getVersion(actor: OrgActor, patientId: string, number: number): Promise<SafetyPlanVersionDto> {
      requireRole(actor, ...READ_ROLES);
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        const row = await version(trx, actor, patientId, number);
        await audit.record(trx, actor, {
          action: 'read',
          resourceType: 'SafetyPlan',
          resourceId: row.id,
          patientId,
        });
        return toDto(row);
      });
    },

    /** Saves a new version written with the patient. */
    async save(actor: OrgActor, patientId: string, body: SaveSafetyPlanBody): Promise<SafetyPlanVersionDto> {
      requireRole(actor, ...LICENSED_ROLES);
      const content = normalizeSafetyPlan(body.content);
      const problems = safetyPlanProblems(content);
      if (problems.length > 0)
        throw new AppError('validation_failed', {
          message: 'safety plan incomplete',
          userMessage: 'The safety plan is missing something.',
          fieldErrors: problems.map((p) => ({ path: `content.${p.path}`, message: p.message })),
        });
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        if (body.safetyAlertId) {
          const alert = await trx
            .selectFrom('safety_alerts')
            .select('id')
            .where('organization_id', '=', actor.organizationId)
            .where('id', '=', body.safetyAlertId)
            .where('patient_id', '=', patientId)
            .executeTakeFirst();
          if (!alert) throw invalid('safetyAlertId', 'That alert is not this patient’s.');
        }
        // Serialises versions of the same patient's plan.
        await trx
          .selectFrom('patients')
          .select('id')
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', patientId)
          .forUpdate()
          .execute();
        const episodes = await trx
          .selectFrom('episodes')
          .select('sensitivity')
          .where('organization_id', '=', actor.organizationId)
          .where('patient_id', '=', patientId)
          .execute();
        const latest = await trx
          .selectFrom('safety_plans')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('organization_id', '=', actor.organizationId)
          .where('patient_id', '=', patientId)
          .executeTakeFirst();
        const { id } = await trx
          .insertInto('safety_plans')
          .values({
            organization_id: actor.organizationId,
            patient_id: patientId,
            version: (latest?.version ?? 0) + 1,
            content: JSON.stringify(content),
            reason: body.reason,
            safety_alert_id: body.safetyAlertId,
            author_id: actor.userId,
            created_at: clock.now(),
            // Any substance-use episode makes the plan a Part 2 record, like the patient's notes.
            sensitivity: [...new Set(episodes.flatMap((e) => e.sensitivity))],
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'SafetyPlan',
          resourceId: id,
          patientId,
          details: { reason: body.reason },
        });
        return toDto((await versionsOf(trx, actor.organizationId, patientId)).find((r) => r.id === id)!);
      });
    },

    /** The plan as a PDF the patient takes home (the latest version unless one is named). */
    async pdf(actor: OrgActor, patientId: string, number?: number) {
      requireRole(actor, ...READ_ROLES);
      const patient = await patients.assertExists(db, actor, patientId);
      const row = await version(db, actor, patientId, number);
      const org = await organizationsRepo.getOrganization(db, actor.organizationId);
      const content = normalizeSafetyPlan(row.content);
      const now = clinicDateTime(clock.now(), org.time_zone);
      const written = clinicDateTime(row.created_at, org.time_zone);
      const part2 = row.sensitivity.includes('part2');
      const me = await db
        .selectFrom('users')
        .select('display_name')
        .where('organization_id', '=', actor.organizationId)
        .where('id', '=', actor.userId)
        .executeTakeFirst();
      const pdf = await renderNotesPdf({
        title: 'My safety plan',
        organizationName: org.name,
        patient: {
          name: `${patient.preferred_name ?? patient.given_name} ${patient.family_name}`,
          mrn: patient.mrn,
          dateOfBirth: patient.date_of_birth ?? 'Not recorded',
        },
        range: `Version ${row.version}, written ${written.date}`,
        generatedAt: `${now.date} ${now.time} (${org.time_zone})`,
        generatedBy: me?.display_name ?? '',
        entries: [
          {
            title: 'If you are in danger right now, call 911. Call or text 988 any time you need to talk.',
            header: [
              { label: 'Written with', value: row.author },
              { label: 'Why updated', value: SAFETY_PLAN_REVIEW_REASON_LABELS[row.reason as 'initial'] },
            ],
            sections: SAFETY_PLAN_SECTIONS.map((s) => {
              const entries = content[s.key] as (string | SafetyContact)[];
              return {
                label: s.title,
                text:
                  entries.length === 0
                    ? 'Nothing written yet.'
                    : entries.map((e) => `• ${typeof e === 'string' ? e : contactLine(e)}`).join('\n'),
              };
            }),
            signature: null,
            addenda: [],
          },
        ],
        part2Notice: part2 ? settingsOf(org.settings).part2Notice : null,
      });
      await audit.record(db, actor, {
        action: 'export',
        resourceType: 'SafetyPlan',
        resourceId: row.id,
        patientId,
        details: { format: 'pdf', version: row.version },
      });
      return { pdf, filename: `safety-plan-${patient.mrn}-v${row.version}.pdf` };
    },
  };
}

export type SafetyPlansService = ReturnType<typeof createSafetyPlansService>;
