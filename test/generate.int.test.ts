import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
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
