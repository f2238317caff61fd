import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreatePatientBody,
  PatientDto,
  PatientSummary,
  UpdatePatientBody,
} from '../../../contracts/patients.js';
import { PATIENT_RECORD_ROLES } from '../../../domain/identity/roles.js';
import { parsePatientSearch } from '../../../domain/patients/search-query.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { DB, PatientsTable } from '../../platform/db/schema.js';
import { inTransaction, type Db } from '../../platform/db/tx.js';
import { AppError } from '../../platform/errors.js';
import type { Insertable } from 'kysely';
import { toPatientDto, toPatientSummary } from './patients.dto.js';
import { patientsRepo as repo } from './patients.repo.js';

export type OrgActor = Actor & { organizationId: string };

/** undefined: leave as is; null: clear; a value: store as JSON. */
const json = (v: unknown) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v));

function columnsOf(body: Partial<z.infer<typeof UpdatePatientBody>>): Partial<Insertable<PatientsTable>> {
  const c: Partial<Insertable<PatientsTable>> = {
    given_name: body.givenName,
    family_name: body.familyName,
    preferred_name: body.preferredName,
    pronouns: body.pronouns,
    date_of_birth: body.dateOfBirth,
    sex_assigned_at_birth: body.sexAssignedAtBirth,
    gender_identity: body.genderIdentity,
    phone: body.phone,
    email: body.email,
    address: json(body.address),
    preferred_language: body.preferredLanguage,
    emergency_contact: json(body.emergencyContact),
  };
  return Object.fromEntries(Object.entries(c as Record<string, unknown>).filter(([, v]) => v !== undefined));
}

/** Patient records: every read and write is authorized here and audited with the patient's id. */
export function createPatientsService({ db, audit }: { db: Kysely<DB>; audit: AuditLog }) {
  /**
   * Creates a patient inside the caller's transaction; refuses a likely duplicate unless confirmed.
   * The caller has authorized the act (a staff route, or the public self-check call-back).
   */
  async function createIn(tx: Db, actor: OrgActor, body: CreatePatientBody): Promise<PatientDto> {
    return inTransaction(tx, async (trx) => {
      const row = await repo.insert(trx, {
        ...columnsOf(body),
        given_name: body.givenName,
        family_name: body.familyName,
        organization_id: actor.organizationId,
        mrn: await repo.nextMrn(trx, actor.organizationId),
        created_by: actor.userId,
      });
      await audit.record(trx, actor, {
        action: 'create',
        resourceType: 'Patient',
        resourceId: row.id,
        patientId: row.id,
      });
      return toPatientDto(row);
    });
  }

  /**
   * Refuses a likely duplicate (same given name, family name and date of birth) unless the person
   * confirmed it is someone else. The matches shown are a disclosure, so they are audited; this runs
   * before, not inside, the transaction that would create the patient.
   */
  async function assertNotDuplicate(actor: OrgActor, body: CreatePatientBody): Promise<void> {
    if (!body.dateOfBirth || body.confirmNotDuplicate) return;
    const same = await repo.findSameNameAndBirth(db, actor.organizationId, {
      givenName: body.givenName,
      familyName: body.familyName,
      dateOfBirth: body.dateOfBirth,
    });
    if (same.length === 0) return;
    await audit.record(db, actor, {
      action: 'read',
      resourceType: 'PatientDuplicateCheck',
      details: { count: same.length, patientIds: same.map((p) => p.id) },
    });
    throw new AppError('possible_duplicate', {
      userMessage:
        'A patient with this name and date of birth already exists. Open that record, or confirm this is a different person.',
      extensions: { duplicates: same.map(toPatientSummary) },
    });
  }

  return {
    createIn,
    assertNotDuplicate,
    async create(actor: OrgActor, body: CreatePatientBody) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      await assertNotDuplicate(actor, body);
      return createIn(db, actor, body);
    },

    async get(actor: OrgActor, id: string): Promise<PatientDto> {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      const row = await repo.get(db, actor.organizationId, id);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Patient',
        resourceId: id,
        patientId: id,
      });
      return toPatientDto(row);
    },

    update: (actor: OrgActor, id: string, body: z.infer<typeof UpdatePatientBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...PATIENT_RECORD_ROLES);
        const row = await repo.update(trx, actor.organizationId, id, columnsOf(body));
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Patient',
          resourceId: id,
          patientId: id,
          details: { fields: Object.keys(body) },
        });
        return toPatientDto(row);
      }),

    async search(actor: OrgActor, q: string): Promise<PatientSummary[]> {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      const rows = await repo.search(db, actor.organizationId, parsePatientSearch(q));
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'PatientSearch',
        details: { count: rows.length, patientIds: rows.map((r) => r.id) },
      });
      return rows.map(toPatientSummary);
    },

    /** Confirms the patient exists in the actor's organization (404 otherwise), for other modules. */
    async assertExists(tx: Db, actor: OrgActor, id: string) {
      return repo.get(tx, actor.organizationId, id);
    },
  };
}

export type PatientsService = ReturnType<typeof createPatientsService>;
