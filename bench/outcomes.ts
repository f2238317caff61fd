/**
 * Measurement-based care at scale: the two outcome reads, over real HTTP, on a generated
 * organization (2,000 patients, 3 years: weekly PHQ-9 and GAD-7 for every episode, about 300,000
 * scores):
 *
 * - a patient's outcomes, `GET /api/v1/patients/:id/outcomes`, for a random patient in care (an
 *   active episode), signed in as that patient's primary therapist;
 * - a program's outcome summary on PHQ-9, `GET /api/v1/programs/:id/outcomes?instrument=phq-9`, for
 *   each program, signed in as the program director.
 *
 * `npm run bench:outcomes` (part of `npm run bench`). The environment, engines and the cached
 * organization are those of `bench/support.ts`, shared with `bench/attendance.ts`.
 */
import { sql } from 'kysely';
import { Rng } from './generate/prng.js';
import { ITERATIONS, run, runBench, SEED, time, WARMUP, type Session } from './support.js';

run(() =>
  runBench('outcomes-results.json', async ({ org, db, signIn, get }) => {
    const organizationId = org.organizationId;

    // Patients in care with their primary therapist, in a seeded random order.
    const inCare = await db
      .selectFrom('episodes as e')
      .innerJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'e.organization_id').onRef('u.id', '=', 'e.primary_therapist_id'),
      )
      .select(['e.patient_id', 'u.email'])
      .where('e.organization_id', '=', organizationId)
      .where('e.status', '=', 'active')
      .orderBy('e.patient_id')
      .execute();
    if (inCare.length === 0) throw new Error('no patient with an active episode');
    const rng = new Rng(SEED, 77);
    const picks = Array.from({ length: WARMUP + ITERATIONS }, () => rng.pick(inCare));
    // Sign in each therapist once, before timing.
    const sessions = new Map<string, Session>();
    for (const { email } of picks) if (!sessions.has(email)) sessions.set(email, await signIn(email));
    let next = 0;
    const patientOutcomes = async () => {
      const p = picks[next++ % picks.length]!;
      await get(`/api/v1/patients/${p.patient_id}/outcomes`, sessions.get(p.email)!);
    };

    const directorEmail = org.staff.find((s) => s.roles.includes('program_director'))!.email;
    const director = await signIn(directorEmail);
    const programs = await db
      .selectFrom('programs')
      .select(['id', 'name'])
      .where('organization_id', '=', organizationId)
      .orderBy('name')
      .execute();

    const results = [
      await time(
        'patient outcomes, a random patient in care (GET /api/v1/patients/:id/outcomes)',
        patientOutcomes,
      ),
    ];
    for (const p of programs)
      results.push(
        await time(`program outcomes on PHQ-9: ${p.name} (GET /api/v1/programs/:id/outcomes)`, () =>
          get(`/api/v1/programs/${p.id}/outcomes?instrument=phq-9`, director),
        ),
      );

    const { rows } = await sql<{ administrations: string; active: string; episodes: string }>`
      SELECT (SELECT count(*) FROM administrations WHERE organization_id = ${organizationId}::uuid) AS administrations,
             (SELECT count(*) FROM episodes WHERE organization_id = ${organizationId}::uuid
                AND status = 'active') AS active,
             (SELECT count(*) FROM episodes WHERE organization_id = ${organizationId}::uuid) AS episodes`.execute(
      db,
    );
    const n = rows[0]!;
    return {
      counts: [
        ['scores', Number(n.administrations)],
        ['episodes', Number(n.episodes)],
        ['active episodes', Number(n.active)],
        ['programs', programs.length],
        ['therapists signed in', sessions.size],
      ],
      stats: results,
    };
  }),
);
