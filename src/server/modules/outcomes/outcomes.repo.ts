import { sql } from 'kysely';
import type { LatestScoreDto } from '../../../contracts/outcomes.js';
import { INSTRUMENTS, type InstrumentId } from '../../../domain/instruments/index.js';
import type { Db } from '../../platform/db/tx.js';

/** The measures a facilitator sees on a roster: the weekly symptom scales. */
export const ROSTER_INSTRUMENTS: readonly InstrumentId[] = ['phq-9', 'gad-7'];

/**
 * Each patient's latest roster measures with the change since the score before, in one query
 * (the two newest scores per patient and instrument).
 */
export async function latestWithChange(
  db: Db,
  organizationId: string,
  patientIds: readonly string[],
): Promise<Map<string, LatestScoreDto[]>> {
  const out = new Map<string, LatestScoreDto[]>();
  if (patientIds.length === 0) return out;
  const ranked = db
    .selectFrom('administrations')
    .select([
      'patient_id',
      'instrument_id',
      'total',
      'severity',
      'administered_at',
      sql<number>`(row_number() OVER (PARTITION BY patient_id, instrument_id ORDER BY administered_at DESC))::int`.as(
        'n',
      ),
    ])
    .where('organization_id', '=', organizationId)
    .where('patient_id', 'in', [...new Set(patientIds)])
    .where('instrument_id', 'in', [...ROSTER_INSTRUMENTS])
    .where('total', 'is not', null);
  const rows = await db
    .selectFrom(ranked.as('r'))
    .selectAll()
    .where('n', '<=', 2)
    .orderBy('patient_id')
    .orderBy('instrument_id')
    .orderBy('n')
    .execute();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.n !== 1) continue;
    const before = rows[i + 1];
    const previous =
      before && before.patient_id === r.patient_id && before.instrument_id === r.instrument_id
        ? before
        : null;
    const list = out.get(r.patient_id) ?? [];
    list.push({
      instrumentId: r.instrument_id,
      shortName: INSTRUMENTS[r.instrument_id as InstrumentId].definition.shortName,
      total: r.total!,
      severity: r.severity,
      administeredAt: r.administered_at.toISOString(),
      change: previous ? r.total! - previous.total! : null,
    });
    out.set(r.patient_id, list);
  }
  return out;
}

/** Every summed score of these patients since an instant, oldest first. */
export const scoresSince = (
  db: Db,
  organizationId: string,
  patientIds: readonly string[],
  since: Date,
  instrumentId?: string,
) =>
  patientIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('administrations')
        .select(['id', 'patient_id', 'instrument_id', 'total', 'severity', 'method', 'administered_at'])
        .where('organization_id', '=', organizationId)
        .where('patient_id', 'in', [...new Set(patientIds)])
        .where('administered_at', '>=', since)
        .where('total', 'is not', null)
        .$if(instrumentId !== undefined, (q) => q.where('instrument_id', '=', instrumentId!))
        .orderBy('administered_at')
        .execute();

/** A program with its location's time zone and measurement configuration. */
export const programOf = (db: Db, organizationId: string, programId: string) =>
  db
    .selectFrom('programs as p')
    .innerJoin('locations as l', (j) =>
      j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'),
    )
    .select(['p.id', 'p.name', 'p.measurement_schedule', 'p.plan_review_interval_days', 'l.time_zone'])
    .where('p.organization_id', '=', organizationId)
    .where('p.id', '=', programId)
    .executeTakeFirst();

/**
 * A program's active episodes and those discharged since a date, each with its first and last
 * score on one instrument inside the episode (clinic-local admission day to discharge day). The
 * outcome flags need only those two (`summarizeOutcome` compares baseline and latest), so each
 * episode costs two index lookups however many scores it has.
 */
export const programEpisodeScores = (
  db: Db,
  organizationId: string,
  programId: string,
  options: { dischargedSince: string; instrumentId: string; timeZone: string },
) => {
  const { instrumentId, timeZone } = options;
  const edge = (direction: 'asc' | 'desc') =>
    sql<{ id: string; total: number; at: Date } | null>`(
      SELECT json_build_object('id', a.id, 'total', a.total, 'at', a.administered_at)
      FROM administrations a
      WHERE a.organization_id = e.organization_id
        AND a.patient_id = e.patient_id
        AND a.instrument_id = ${instrumentId}
        AND a.total IS NOT NULL
        AND a.administered_at >= (e.admitted_on::timestamp AT TIME ZONE ${timeZone})
        AND (e.discharged_on IS NULL
             OR a.administered_at < ((e.discharged_on + 1)::timestamp AT TIME ZONE ${timeZone}))
      ORDER BY a.administered_at ${sql.raw(direction)}, a.id ${sql.raw(direction)}
      LIMIT 1)`;
  return db
    .selectFrom('episodes as e')
    .innerJoin('patients as pt', (j) =>
      j.onRef('pt.organization_id', '=', 'e.organization_id').onRef('pt.id', '=', 'e.patient_id'),
    )
    .select([
      'e.id',
      'e.patient_id',
      'e.status',
      'e.discharged_on',
      'pt.given_name',
      'pt.family_name',
      edge('asc').as('first'),
      edge('desc').as('last'),
    ])
    .where('e.organization_id', '=', organizationId)
    .where('e.program_id', '=', programId)
    .where((w) =>
      w.or([
        w('e.status', '=', 'active'),
        w.and([w('e.status', '=', 'discharged'), w('e.discharged_on', '>=', options.dischargedSince)]),
      ]),
    )
    .execute();
};
