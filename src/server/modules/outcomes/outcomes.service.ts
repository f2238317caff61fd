import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreateKioskBody,
  DueMeasureDto,
  KioskSubmitBody,
  MeasurementSettingsDto,
  PatientOutcomesDto,
  ProgramOutcomesDto,
  TrajectoryDto,
} from '../../../contracts/outcomes.js';
import {
  LICENSED_ROLES,
  PATIENT_RECORD_ROLES,
  PROGRAM_SETUP_ROLES,
  type Role,
} from '../../../domain/identity/roles.js';
import { INSTRUMENTS, type InstrumentId } from '../../../domain/instruments/index.js';
import {
  DEFAULT_OUTCOME_THRESHOLDS,
  dueMeasures,
  SYMPTOM_SCALES,
  summarizeOutcome,
  type MeasurementRule,
  type OutcomeSummary,
  type OutcomeThresholds,
} from '../../../domain/outcomes/index.js';
import type { OrganizationSettings } from '../../../contracts/identity.js';
import { canonicalJson, contentSha256 } from '../../platform/audit/canonical-json.js';
import { organizationsRepo, settingsOf } from '../organizations/index.js';
import {
  addDays,
  clinicDateTime,
  endOfClinicDay,
  startOfClinicDay,
} from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB, MeasurementRuleJson } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { AssessmentsService } from '../assessments/index.js';
import type { PatientsService } from '../patients/index.js';
import { episodeIdForPatient, episodeOf, type EpisodeRow } from '../plans/index.js';
import { programEpisodeScores, programOf, scoresSince } from './outcomes.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

/** Who reads outcomes: clinical staff (scores are clinical information). */
const OUTCOME_ROLES: readonly Role[] = ['program_director', 'clinician', 'prescriber', 'intake'];
/** A kiosk hand-off lasts long enough to fill in a few questionnaires before group [D]. */
const KIOSK_MINUTES = 30;
/** Unambiguous letters and digits (no 0/O, 1/I); 10 of them ≈ 50 bits. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY_MS = 24 * 60 * 60 * 1000;

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const newCode = () =>
  Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const shortName = (id: string) => INSTRUMENTS[id as InstrumentId].definition.shortName;

/** The program's rules that apply on a track (rules without trackIds apply everywhere). */
const rulesFor = (schedule: readonly MeasurementRuleJson[], trackId: string): MeasurementRule[] =>
  schedule
    .filter((r) => !r.trackIds || r.trackIds.length === 0 || r.trackIds.includes(trackId))
    .map(({ instrumentId, every, at }) => ({ instrumentId, ...(every && { every }), ...(at && { at }) }));

function summarize(
  instrumentId: string,
  scores: { administered_at: Date; total: number | null }[],
  now: Date,
  thresholds: OutcomeThresholds,
) {
  if (!SYMPTOM_SCALES.includes(instrumentId)) return null;
  return summarizeOutcome(
    instrumentId,
    scores.map((s) => ({ administeredAt: s.administered_at, total: s.total! })),
    now,
    thresholds,
  );
}

/**
 * The organization's thresholds (settings, defaulting to DEFAULT_OUTCOME_THRESHOLDS). Changed
 * thresholds get their own version, so every flag can be traced to the rules that made it.
 */
export function thresholdsOf(settings: OrganizationSettings): OutcomeThresholds {
  const o = settings.outcomeThresholds;
  const rules = {
    responseDrop: o.responseDropPercent / 100,
    remissionBelow: { 'phq-9': o.phq9RemissionBelow, 'gad-7': o.gad7RemissionBelow },
    reliableChange: {
      ...DEFAULT_OUTCOME_THRESHOLDS.reliableChange,
      'phq-9': o.phq9ReliableChange,
      'gad-7': o.gad7ReliableChange,
    },
    notOnTrackAfterWeeks: o.notOnTrackAfterWeeks,
  };
  const { version, ...defaults } = DEFAULT_OUTCOME_THRESHOLDS;
  const same = canonicalJson(rules) === canonicalJson(defaults);
  return { version: same ? version : `${version}+${contentSha256(rules).slice(0, 8)}`, ...rules };
}

const flagsOf = (s: OutcomeSummary | null) => ({
  baseline: s?.baseline?.total ?? null,
  latest: s?.latest?.total ?? null,
  change: s?.change ?? null,
  percentChange: s?.percentChange === null || s === null ? null : Math.round(s.percentChange),
  response: s?.response ?? false,
  remission: s?.remission ?? false,
  reliableImprovement: s?.reliableImprovement ?? false,
  reliableWorsening: s?.reliableWorsening ?? false,
  notOnTrack: s?.notOnTrack ?? false,
});

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Measurement-based care: each patient's trajectories over the episode with response, remission,
 * reliable change and "not on track" (thresholds: DEFAULT_OUTCOME_THRESHOLDS, versioned); the
 * program's summary; the program's measurement schedule; and the kiosk a patient fills in before
 * group, which records through the same path as staff entry (so a suicide-risk answer raises the
 * same safety alert).
 */
export function createOutcomesService(deps: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
  assessments: AssessmentsService;
}) {
  const { db, audit, clock, patients, assessments } = deps;

  /** Scores inside the episode (clinic-local admission day to discharge day). */
  async function episodeScores(trx: Db, organizationId: string, episode: EpisodeRow) {
    const scores = await scoresSince(
      trx,
      organizationId,
      [episode.patient_id],
      startOfClinicDay(episode.admitted_on, episode.time_zone),
    );
    const end = episode.discharged_on ? endOfClinicDay(episode.discharged_on, episode.time_zone) : null;
    return end ? scores.filter((s) => s.administered_at < end) : scores;
  }

  function dueFor(
    episode: EpisodeRow,
    scores: { instrument_id: string; administered_at: Date }[],
  ): DueMeasureDto[] {
    if (episode.status !== 'active') return [];
    const today = clinicDateTime(clock.now(), episode.time_zone).date;
    const lastDone: Record<string, string> = {};
    for (const s of scores)
      lastDone[s.instrument_id] = clinicDateTime(s.administered_at, episode.time_zone).date;
    return dueMeasures({
      rules: rulesFor(episode.measurement_schedule, episode.track_id),
      admittedOn: episode.admitted_on,
      today,
      lastDone,
    }).map((d) => ({
      instrumentId: d.instrumentId as InstrumentId,
      shortName: shortName(d.instrumentId),
      reason: d.reason,
      dueOn: d.dueOn,
      overdue: d.overdue,
    }));
  }

  const organizationThresholds = async (trx: Db, organizationId: string) =>
    thresholdsOf(settingsOf((await organizationsRepo.getOrganization(trx, organizationId)).settings));

  async function activeEpisode(trx: Db, actor: Actor & { organizationId: string }, patientId: string) {
    const id = await episodeIdForPatient(trx, actor.organizationId, patientId);
    const episode = id ? await episodeOf(trx, actor.organizationId, id) : undefined;
    return episode;
  }

  async function loadHandoff(trx: Db, code: string, forUpdate = false) {
    const row = await trx
      .selectFrom('kiosk_handoffs as k')
      .innerJoin('patients as p', (j) =>
        j.onRef('p.organization_id', '=', 'k.organization_id').onRef('p.id', '=', 'k.patient_id'),
      )
      .innerJoin('organizations as o', 'o.id', 'k.organization_id')
      .select([
        'k.organization_id',
        'k.id',
        'k.patient_id',
        'k.instruments',
        'k.completed',
        'k.expires_at',
        'p.given_name',
        'p.preferred_name',
        'o.name as organization_name',
      ])
      .where('k.code_sha256', '=', hashCode(code))
      .where('k.closed_at', 'is', null)
      .where('k.expires_at', '>', clock.now())
      .$if(forUpdate, (q) => q.forUpdate(['k']))
      .executeTakeFirst();
    if (!row)
      throw new AppError('not_found', {
        message: 'kiosk code not found',
        userMessage: 'This tablet session has ended. Please hand the tablet back to a staff member.',
      });
    return row;
  }

  const remainingOf = (k: { instruments: string[]; completed: string[] }) =>
    k.instruments.filter((i) => !k.completed.includes(i));

  return {
    async patientOutcomes(actor: OrgActor, patientId: string): Promise<PatientOutcomesDto> {
      requireRole(actor, ...OUTCOME_ROLES);
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        const [episode, thresholds] = await Promise.all([
          activeEpisode(trx, actor, patientId),
          organizationThresholds(trx, actor.organizationId),
        ]);
        const scores = episode
          ? await episodeScores(trx, actor.organizationId, episode)
          : await scoresSince(trx, actor.organizationId, [patientId], new Date(0));
        const timeZone = episode?.time_zone;
        const now = clock.now();
        const byInstrument = new Map<string, typeof scores>();
        for (const s of scores) {
          const list = byInstrument.get(s.instrument_id);
          if (list) list.push(s);
          else byInstrument.set(s.instrument_id, [s]);
        }
        const trajectories: TrajectoryDto[] = [...byInstrument].map(([id, points]) => {
          const definition = INSTRUMENTS[id as InstrumentId].definition;
          const summary = summarize(id, points, now, thresholds);
          return {
            instrumentId: id as InstrumentId,
            name: definition.name,
            shortName: definition.shortName,
            maxTotal: definition.maxTotal,
            bands: [...definition.bands],
            points: points.map((p) => ({
              administrationId: p.id,
              administeredAt: p.administered_at.toISOString(),
              date: timeZone
                ? clinicDateTime(p.administered_at, timeZone).date
                : p.administered_at.toISOString().slice(0, 10),
              total: p.total!,
              severity: p.severity,
              method: p.method,
            })),
            flags: flagsOf(summary),
            reasons: summary?.flags ?? [],
          };
        });
        trajectories.sort((a, b) => a.instrumentId.localeCompare(b.instrumentId));
        await audit.record(trx, actor, {
          action: 'read',
          resourceType: 'Outcomes',
          patientId,
          details: { scores: scores.length },
        });
        return {
          episode: episode
            ? {
                id: episode.id,
                programId: episode.program_id,
                programName: episode.program_name,
                admittedOn: episode.admitted_on,
                dischargedOn: episode.discharged_on,
                status: episode.status,
              }
            : null,
          thresholdsVersion: thresholds.version,
          trajectories,
          due: episode ? dueFor(episode, scores) : [],
        };
      });
    },

    /**
     * The program's outcomes on one measure: active patients with a baseline and a later score,
     * how many responded, remitted, changed reliably or are not on track, and the median change;
     * the same for patients discharged in the last 90 days.
     */
    async programOutcomes(
      actor: OrgActor,
      programId: string,
      instrumentId: string,
    ): Promise<ProgramOutcomesDto> {
      requireRole(actor, ...LICENSED_ROLES);
      return db.transaction().execute(async (trx) => {
        const [program, thresholds] = await Promise.all([
          programOf(trx, actor.organizationId, programId),
          organizationThresholds(trx, actor.organizationId),
        ]);
        if (!program) throw notFound('program');
        const now = clock.now();
        const today = clinicDateTime(now, program.time_zone).date;
        const episodes = await programEpisodeScores(trx, actor.organizationId, programId, {
          dischargedSince: addDays(today, -90),
          instrumentId,
          timeZone: program.time_zone,
        });
        const active = { measured: 0, response: 0, remission: 0, improved: 0, worse: 0, notOnTrack: 0 };
        const discharged = { measured: 0, response: 0, remission: 0 };
        const changes: number[] = [];
        const notOnTrack: ProgramOutcomesDto['patientsNotOnTrack'] = [];
        for (const e of episodes) {
          // A baseline and a later score: the outcome needs a follow-up.
          if (!e.first || !e.last || e.first.id === e.last.id) continue;
          const to = e.discharged_on ? endOfClinicDay(e.discharged_on, program.time_zone) : now;
          const ends = [e.first, e.last].map((x) => ({ administered_at: new Date(x.at), total: x.total }));
          const summary = summarize(instrumentId, ends, e.status === 'active' ? now : to, thresholds)!;
          if (e.status === 'active') {
            active.measured++;
            changes.push(summary.change!);
            if (summary.response) active.response++;
            if (summary.remission) active.remission++;
            if (summary.reliableImprovement) active.improved++;
            if (summary.reliableWorsening) active.worse++;
            if (summary.notOnTrack) {
              active.notOnTrack++;
              notOnTrack.push({
                patientId: e.patient_id,
                name: `${e.given_name} ${e.family_name}`,
                baseline: summary.baseline!.total,
                latest: summary.latest!.total,
                weeks: Math.floor(
                  (now.getTime() - summary.baseline!.administeredAt.getTime()) / (7 * DAY_MS),
                ),
              });
            }
          } else {
            discharged.measured++;
            if (summary.response) discharged.response++;
            if (summary.remission) discharged.remission++;
          }
        }
        notOnTrack.sort(
          (a, b) => b.latest - b.baseline - (a.latest - a.baseline) || a.name.localeCompare(b.name),
        );
        await audit.record(trx, actor, {
          action: 'read',
          resourceType: 'ProgramOutcomes',
          resourceId: programId,
          details: { instrumentId, patientIds: notOnTrack.map((p) => p.patientId) },
        });
        return {
          program: { id: program.id, name: program.name },
          instrumentId,
          thresholdsVersion: thresholds.version,
          activePatients: episodes.filter((e) => e.status === 'active').length,
          measured: active.measured,
          response: active.response,
          remission: active.remission,
          reliableImprovement: active.improved,
          reliableWorsening: active.worse,
          notOnTrack: active.notOnTrack,
          medianChange: median(changes),
          dischargedLast90Days: discharged,
          patientsNotOnTrack: notOnTrack,
        };
      });
    },

    async measurementSettings(actor: OrgActor, programId: string): Promise<MeasurementSettingsDto> {
      requireRole(actor, ...PROGRAM_SETUP_ROLES, ...LICENSED_ROLES);
      const program = await programOf(db, actor.organizationId, programId);
      if (!program) throw notFound('program');
      return {
        measurementSchedule: program.measurement_schedule as MeasurementSettingsDto['measurementSchedule'],
        planReviewIntervalDays: program.plan_review_interval_days,
      };
    },

    async saveMeasurementSettings(
      actor: OrgActor,
      programId: string,
      body: MeasurementSettingsDto,
    ): Promise<MeasurementSettingsDto> {
      requireRole(actor, ...PROGRAM_SETUP_ROLES);
      return db.transaction().execute(async (trx) => {
        const program = await programOf(trx, actor.organizationId, programId);
        if (!program) throw notFound('program');
        const tracks = new Set(
          (
            await trx
              .selectFrom('tracks')
              .select('id')
              .where('organization_id', '=', actor.organizationId)
              .where('program_id', '=', programId)
              .execute()
          ).map((t) => t.id),
        );
        const seen = new Set<string>();
        for (const [i, rule] of body.measurementSchedule.entries()) {
          const unknown = (rule.trackIds ?? []).findIndex((t) => !tracks.has(t));
          if (unknown >= 0)
            throw invalid(
              `measurementSchedule.${i}.trackIds.${unknown}`,
              'That track is not part of this program.',
            );
          const key = `${rule.instrumentId}:${[...(rule.trackIds ?? [])].sort().join(',')}`;
          if (seen.has(key))
            throw invalid(
              `measurementSchedule.${i}.instrumentId`,
              'This measure already has a rule for these tracks.',
            );
          seen.add(key);
        }
        await trx
          .updateTable('programs')
          .set({
            measurement_schedule: JSON.stringify(body.measurementSchedule),
            plan_review_interval_days: body.planReviewIntervalDays,
            updated_at: clock.now(),
          })
          .where('organization_id', '=', actor.organizationId)
          .where('id', '=', programId)
          .execute();
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Program',
          resourceId: programId,
          details: { event: 'measurement_settings', rules: body.measurementSchedule.length },
        });
        return body;
      });
    },

    /**
     * Hands a tablet to the patient: a one-time code (only its hash is kept) good for 30 minutes
     * and for these measures only, by default those due today.
     */
    async createKiosk(actor: OrgActor, patientId: string, body: z.infer<typeof CreateKioskBody>) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      return db.transaction().execute(async (trx) => {
        await patients.assertExists(trx, actor, patientId);
        let instruments = body.instruments;
        if (!instruments) {
          const episode = await activeEpisode(trx, actor, patientId);
          instruments =
            episode && episode.status === 'active'
              ? dueFor(episode, await episodeScores(trx, actor.organizationId, episode)).map(
                  (d) => d.instrumentId,
                )
              : [];
          if (instruments.length === 0) throw conflict('No measures are due for this patient today.');
        }
        const unique = [...new Set(instruments)];
        // A licensed instrument (C-SSRS) is clinician-administered where enabled; never on the kiosk.
        const licensed = unique.findIndex((i) => !INSTRUMENTS[i].definition.licence.enabledByDefault);
        if (licensed >= 0)
          throw invalid(
            `instruments.${licensed}`,
            `${INSTRUMENTS[unique[licensed]!].definition.shortName} is not given on the kiosk.`,
          );
        const code = newCode();
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + KIOSK_MINUTES * 60_000);
        const { id } = await trx
          .insertInto('kiosk_handoffs')
          .values({
            organization_id: actor.organizationId,
            patient_id: patientId,
            code_sha256: hashCode(code),
            instruments: unique,
            created_by: actor.userId,
            created_at: now,
            expires_at: expiresAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // One hand-off per patient at a time: an earlier open one closes.
        await trx
          .updateTable('kiosk_handoffs')
          .set({ closed_at: now })
          .where('organization_id', '=', actor.organizationId)
          .where('patient_id', '=', patientId)
          .where('id', '!=', id)
          .where('closed_at', 'is', null)
          .execute();
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'KioskHandoff',
          resourceId: id,
          patientId,
          details: { instruments: unique },
        });
        return { code, path: `/kiosk/${code}`, expiresAt: expiresAt.toISOString(), instruments: unique };
      });
    },

    /** What the tablet shows: the patient's first name and the measures still to do. */
    async kiosk(code: string, ip: string | null) {
      return db.transaction().execute(async (trx) => {
        const k = await loadHandoff(trx, code);
        await audit.record(trx, kioskActor(k, ip), {
          action: 'read',
          resourceType: 'KioskHandoff',
          resourceId: k.id,
          patientId: k.patient_id,
        });
        return {
          greeting: k.preferred_name ?? k.given_name,
          organizationName: k.organization_name,
          expiresAt: k.expires_at.toISOString(),
          remaining: remainingOf(k),
          completed: k.completed,
        };
      });
    },

    /**
     * The patient submits one measure. It is recorded as a kiosk administration by the same path
     * as staff entry; the hand-off closes when nothing remains. The patient never sees the score.
     */
    async kioskSubmit(code: string, body: z.infer<typeof KioskSubmitBody>, ip: string | null) {
      return db.transaction().execute(async (trx) => {
        const k = await loadHandoff(trx, code, true);
        const remaining = remainingOf(k);
        if (!remaining.includes(body.instrument))
          throw invalid('instrument', 'That questionnaire is not one to fill in now.');
        const { alert } = await assessments.recordInTransaction(trx, kioskActor(k, ip), k.patient_id, {
          instrument: body.instrument,
          answers: body.answers,
          sex: body.sex,
          method: 'kiosk',
        });
        const left = remaining.filter((i) => i !== body.instrument);
        await trx
          .updateTable('kiosk_handoffs')
          .set({
            completed: [...k.completed, body.instrument],
            ...(left.length === 0 && { closed_at: clock.now() }),
          })
          .where('organization_id', '=', k.organization_id)
          .where('id', '=', k.id)
          .execute();
        return { remaining: left, tellStaff: alert !== null };
      });
    },
  };
}

/** A kiosk acts for the organization with no signed-in person; the audit trail names the hand-off. */
const kioskActor = (k: { organization_id: string }, ip: string | null) => ({
  organizationId: k.organization_id,
  userId: null,
  roles: ['kiosk'],
  ip,
});

export type OutcomesService = ReturnType<typeof createOutcomesService>;
