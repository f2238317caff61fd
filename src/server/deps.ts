import type { Config } from './config.js';
import { createAssessmentsService } from './modules/assessments/index.js';
import { createAttendanceService, noAuthorizations } from './modules/attendance/index.js';
import { createChartService, createNotesService } from './modules/notes/index.js';
import { createAuditService } from './modules/audit/index.js';
import { createIntakeService } from './modules/intake/index.js';
import { createPatientsService } from './modules/patients/index.js';
import { createSafetyPlansService, createSafetyService } from './modules/safety/index.js';
import { createOutcomesService } from './modules/outcomes/index.js';
import { createPlansService } from './modules/plans/index.js';
import {
  createEpisodesService,
  createFeedsService,
  createProgramsService,
  createSessionsService,
} from './modules/scheduling/index.js';
import { createSelfCheckService } from './modules/self-check/index.js';
import { createAuthService, createUsersService } from './modules/identity/index.js';
import { createOrganizationsService } from './modules/organizations/index.js';
import { createAuditLog } from './platform/audit/audit-log.js';
import { createSessionStore } from './platform/auth/sessions.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openEmbedded, openServer, type Database } from './platform/db/engine.js';

/** Opens the configured engine: embedded PGlite in a data directory, or a PostgreSQL server. */
export function openDatabase(config: Config): Promise<Database> {
  return config.database.kind === 'postgres'
    ? Promise.resolve(openServer(config.database.url, config.database.poolSize))
    : openEmbedded(config.database.dataDir);
}

/** The composition root: every service, wired once with its dependencies. */
export function createDeps(config: Config, database: Database, clock: Clock = systemClock) {
  const { db } = database;
  const audit = createAuditLog({ clock });
  const sessions = createSessionStore({ db, clock, policy: config.session });
  const organizations = createOrganizationsService({ db, audit });
  const patients = createPatientsService({ db, audit });
  const safety = createSafetyService({ db, audit, clock });
  const intake = createIntakeService({ db, audit, clock, patients });
  const schedule = createSessionsService({ db, audit, clock, patients });
  const notes = createNotesService({ db, audit, clock, schedule, safety, patients });
  const assessments = createAssessmentsService({ db, audit, clock, patients, safety });
  return {
    config,
    database,
    clock,
    audit,
    sessions,
    organizations,
    auth: createAuthService({ db, audit, clock, sessions, lockout: config.lockout }),
    users: createUsersService({ db, audit, clock, sessions }),
    auditTrail: createAuditService({ db, audit }),
    patients,
    safety,
    intake,
    assessments,
    outcomes: createOutcomesService({ db, audit, clock, patients, assessments }),
    plans: createPlansService({ db, audit, clock, patients }),
    safetyPlans: createSafetyPlansService({ db, audit, clock, patients }),
    programs: createProgramsService({ db, audit, clock }),
    schedule,
    attendance: createAttendanceService({
      db,
      audit,
      clock,
      schedule,
      safety,
      patients,
      authorizations: noAuthorizations,
    }),
    notes,
    chart: createChartService({ db, audit, clock, patients, notes }),
    episodes: createEpisodesService({ db, audit, clock, patients, intake }),
    feeds: createFeedsService({ db, audit, clock }),
    selfCheck: createSelfCheckService({ db, audit, intake, organizationId: config.selfCheck.organizationId }),
  };
}

export type Deps = ReturnType<typeof createDeps>;
