import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, isInstrumentId } from '../src/domain/instruments/index.js';
import { clinicInstant } from '../src/domain/time/clinic-day.js';
import {
  generateOrganization,
  GENERATED_PASSWORD,
  type GeneratedOrganization,
} from '../bench/generate/index.js';
import { signIn, useTestApp } from './support/test-app.js';

const t = useTestApp();
const END = '2026-11-25';

const generate = (seed: number) =>
  generateOrganization(t.deps.database.db, {
    patients: 30,
    years: 0.25,
    seed,
    endDate: END,
    name: `Generator test ${randomUUID().slice(0, 8)}`,
  });

/** A digest of every attendance row's clinical content, in a stable order (ids come from the seed). */
async function checksum(org: GeneratedOrganization) {
  const { rows } = await sql<{ digest: string; n: string }>`
    SELECT md5(string_agg(concat_ws('|', a.session_id, a.patient_id, a.status, a.minutes, a.late_minutes,
             a.left_early_minutes, a.telehealth, a.absence_reason, a.starts_at), ',' ORDER BY a.session_id, a.patient_id)) AS digest,
           count(*) AS n
      FROM attendance a WHERE a.organization_id = ${org.organizationId}::uuid`.execute(t.deps.database.db);
  return rows[0]!;
}

/** The same for every administration (ids come from the seed, so they order it). */
async function scoresChecksum(org: GeneratedOrganization) {
  const { rows } = await sql<{ digest: string; n: string }>`
    SELECT md5(string_agg(concat_ws('|', x.id, x.patient_id, x.instrument_id, x.answers::text, x.total,
             x.severity, x.method, x.administered_by, x.administered_at), ',' ORDER BY x.id)) AS digest,
           count(*) AS n
      FROM administrations x WHERE x.organization_id = ${org.organizationId}::uuid`.execute(
    t.deps.database.db,
  );
  return rows[0]!;
}

async function count(query: ReturnType<typeof sql<{ n: string }>>) {
  return Number((await query.execute(t.deps.database.db)).rows[0]!.n);
}

describe('synthetic organization generator', () => {
  it('is deterministic from the seed, keeps the ledger’s invariants, and its clinicians can work', async () => {
    const a = await generate(7);
    const b = await generate(7);
    const c = await generate(8);
    expect(b.counts).toEqual(a.counts);
    expect(a.counts).toMatchObject({ patients: 30 });
    expect(a.counts.attendance).toBeGreaterThan(1000);
    const [ca, cb, cc] = [await checksum(a), await checksum(b), await checksum(c)];
    expect(Number(ca.n)).toBe(a.counts.attendance);
    expect(cb.digest).toBe(ca.digest);
    expect(cc.digest).not.toBe(ca.digest);
    const [sa, sb, sc] = [await scoresChecksum(a), await scoresChecksum(b), await scoresChecksum(c)];
    expect(a.counts.administrations).toBeGreaterThan(200);
    expect(Number(sa.n)).toBe(a.counts.administrations);
    expect(sb.digest).toBe(sa.digest);
    expect(sc.digest).not.toBe(sa.digest);

    const org = a.organizationId;
    // Minutes never exceed the session's length; absences credit none.
    expect(
      await count(sql`SELECT count(*) AS n FROM attendance a JOIN sessions s
        ON s.organization_id = a.organization_id AND s.id = a.session_id
        WHERE a.organization_id = ${org}::uuid
          AND a.minutes > floor(extract(epoch FROM s.ends_at - s.starts_at) / 60)`),
    ).toBe(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM attendance WHERE organization_id = ${org}::uuid
        AND status IN ('absent_excused', 'absent_unexcused') AND minutes <> 0`),
    ).toBe(0);
    // Nothing recorded on or after the end date: today's roll call is still to be taken.
    expect(
      await count(sql`SELECT count(*) AS n FROM attendance WHERE organization_id = ${org}::uuid
        AND starts_at >= ${clinicInstant(END, '00:00', a.timeZone)}`),
    ).toBe(0);
    // Absences are plausible: some, not most.
    const absent = await count(sql`SELECT count(*) AS n FROM attendance WHERE organization_id = ${org}::uuid
      AND status IN ('absent_excused', 'absent_unexcused')`);
    expect(absent / a.counts.attendance).toBeGreaterThan(0.03);
    expect(absent / a.counts.attendance).toBeLessThan(0.2);
    // Every episode has its level-of-care span.
    expect(
      await count(sql`SELECT count(*) AS n FROM episodes e WHERE e.organization_id = ${org}::uuid
        AND NOT EXISTS (SELECT 1 FROM level_of_care_spans l WHERE l.organization_id = e.organization_id AND l.episode_id = e.id)`),
    ).toBe(0);
    // Engagement risk matches the patient's latest two attendances for every active episode.
    expect(
      await count(sql`SELECT count(*) AS n FROM episodes e
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE r.status = 'absent_unexcused') AS unexcused, count(*) AS seen
            FROM (SELECT status FROM attendance x WHERE x.organization_id = e.organization_id
                    AND x.patient_id = e.patient_id ORDER BY x.starts_at DESC LIMIT 2) r) last
        WHERE e.organization_id = ${org}::uuid AND e.status = 'active'
          AND e.engagement_risk <> (last.seen = 2 AND last.unexcused = 2)`),
    ).toBe(0);
    // Every program has the weekly mood measures; only substance-use programs screen for use.
    const programs = await t.deps.database.db
      .selectFrom('programs')
      .select(['substance_use', 'measurement_schedule'])
      .where('organization_id', '=', org)
      .execute();
    for (const p of programs) {
      const ids = p.measurement_schedule.map((r) => r.instrumentId);
      expect(ids).toEqual(p.substance_use ? ['phq-9', 'gad-7', 'audit-c', 'dast-10'] : ['phq-9', 'gad-7']);
      expect(p.measurement_schedule[0]).toEqual({ instrumentId: 'phq-9', every: { weeks: 1 } });
    }
    // Stored scores are what scoring the stored answers gives; PHQ-9 item 9 is always 0.
    const scores = await t.deps.database.db
      .selectFrom('administrations')
      .select(['instrument_id', 'answers', 'sex', 'total', 'severity', 'positive', 'flags', 'extra'])
      .where('organization_id', '=', org)
      .execute();
    expect(new Set(scores.map((x) => x.instrument_id))).toEqual(
      new Set(['phq-9', 'gad-7', 'audit-c', 'dast-10']),
    );
    for (const x of scores) {
      if (!isInstrumentId(x.instrument_id)) throw new Error(`unknown instrument ${x.instrument_id}`);
      const answers = x.answers;
      const r = INSTRUMENTS[x.instrument_id].score({ answers, sex: x.sex ?? undefined });
      expect({
        total: x.total,
        severity: x.severity,
        positive: x.positive,
        flags: x.flags,
        extra: x.extra,
      }).toEqual({
        total: r.total,
        severity: r.severity,
        positive: r.positive,
        flags: r.flags,
        extra: r.extra ?? {},
      });
      if (x.instrument_id === 'phq-9') expect(answers[8]).toBe(0);
    }
    // Each falls on a clinic day inside one of the patient's episodes, before today; kiosk and
    // self-reported scores have no staff member, staff-entered ones the primary therapist.
    expect(
      await count(sql`SELECT count(*) AS n FROM administrations x WHERE x.organization_id = ${org}::uuid
        AND (x.administered_at >= ${clinicInstant(END, '00:00', a.timeZone)}
          OR NOT EXISTS (SELECT 1 FROM episodes e WHERE e.organization_id = x.organization_id
            AND e.patient_id = x.patient_id
            AND (x.administered_at AT TIME ZONE ${a.timeZone})::date
                BETWEEN e.admitted_on AND coalesce(e.discharged_on, ${END}::date)
            AND (x.method = 'staff_entered') = (x.administered_by IS NOT NULL)
            AND (x.administered_by IS NULL OR x.administered_by = e.primary_therapist_id)))`),
    ).toBe(0);
    // Every episode admitted before today has its admission PHQ-9; scores improve on the whole.
    expect(
      await count(sql`SELECT count(*) AS n FROM episodes e WHERE e.organization_id = ${org}::uuid
        AND e.admitted_on < ${END}::date AND NOT EXISTS (SELECT 1 FROM administrations x
          WHERE x.organization_id = e.organization_id AND x.patient_id = e.patient_id
            AND x.instrument_id = 'phq-9' AND (x.administered_at AT TIME ZONE ${a.timeZone})::date = e.admitted_on)`),
    ).toBe(0);
    const { rows: trend } = await sql<{ first: number; later: number }>`
      SELECT avg(x.total) FILTER (WHERE d.local = e.admitted_on)::float AS first,
             avg(x.total) FILTER (WHERE d.local >= e.admitted_on + 42)::float AS later
        FROM administrations x
        JOIN episodes e ON e.organization_id = x.organization_id AND e.patient_id = x.patient_id
        CROSS JOIN LATERAL (SELECT (x.administered_at AT TIME ZONE ${a.timeZone})::date AS local) d
       WHERE x.organization_id = ${org}::uuid AND x.instrument_id = 'phq-9'
         AND d.local BETWEEN e.admitted_on AND coalesce(e.discharged_on, ${END}::date)`.execute(
      t.deps.database.db,
    );
    expect(trend[0]!.first).toBeGreaterThan(12);
    expect(trend[0]!.later).toBeLessThan(trend[0]!.first - 3);

    // The roll-call clinician's groups today each seat twelve.
    expect(a.rollCall.sessionIds.length).toBeGreaterThan(0);
    for (const id of a.rollCall.sessionIds)
      expect(
        await count(sql`SELECT count(*) AS n FROM session_participants
          WHERE organization_id = ${org}::uuid AND session_id = ${id}::uuid`),
      ).toBe(12);

    t.clock.set(clinicInstant(END, '08:30', a.timeZone));
    const clinician = await signIn(t, { email: a.rollCall.clinicianEmail, password: GENERATED_PASSWORD });
    const caseload = await clinician.get('/api/v1/caseload');
    expect(caseload.statusCode).toBe(200);
    expect(caseload.json<{ items: unknown[] }>().items.length).toBeGreaterThanOrEqual(6);
    const roll = await clinician.get(`/api/v1/sessions/${a.rollCall.sessionIds[0]}/roll-call`);
    expect(roll.statusCode).toBe(200);
    expect(roll.json<{ members: { attendance: unknown }[] }>().members).toHaveLength(12);
    expect(
      roll.json<{ members: { attendance: unknown }[] }>().members.every((m) => m.attendance === null),
    ).toBe(true);
  });
});
