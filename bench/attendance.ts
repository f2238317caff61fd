/**
 * A clinician's day at scale: saving a roll call of twelve, loading Today, and documenting a group
 * of twelve (open, save and sign the group note), over real HTTP, on a generated organization
 * (2,000 patients, 3 years: about 1.5 million attendance rows).
 * `npm run bench:attendance` (part of `npm run bench`).
 *
 * The environment, engines and caching are those of `bench/support.ts`. "Today" is the clinic's
 * real today: roll call can only be taken on the session's day.
 */
import type { Database } from '../src/server/platform/db/engine.js';
import { run, runBench, time } from './support.js';

/** Distinct, plausible member text (no member names: the words come from this list only). */
const PHRASES = [
  'practised paced breathing',
  'described a stressful shift at work',
  'named one urge and how it passed',
  'gave feedback on the role play',
  'reported sleeping better',
  'was quiet until the check-out',
  'linked the skill to a family argument',
  'asked how to use the skill at night',
  'set a small goal for the weekend',
  'noticed tension in the shoulders',
  'shared a plan for a difficult call',
  'completed the worksheet',
];
const memberText = (i: number, n: number) => {
  const pick = (k: number) => PHRASES[(i * 7 + k * 5 + n) % PHRASES.length]!;
  return {
    participation: `Spoke ${2 + (i % 4)} times; ${pick(0)} and ${pick(1)}.`,
    response: `Responded by saying the exercise ${i % 2 ? 'helped' : 'was hard'}; ${pick(2)}.`,
    progress: `Toward the plan goal: ${pick(3)}; rates mood ${3 + (i % 6)} of 10 this week.`,
    plan: `Before the next group: ${pick(4)}, then report back (${i + 1}).`,
  };
};

/**
 * Documenting one past group of the clinician per call: the shared part and every present
 * member's section saved in one PUT, then all of them signed. Each call takes a session that has
 * no note yet, with the most members present (twelve where the history has them).
 */
function groupNotes(db: Database['db'], base: string, headers: Record<string, string>, clinicianId: string) {
  let queue: string[] = [];
  let n = 0;
  return async () => {
    if (queue.length === 0) {
      const rows = await db
        .selectFrom('sessions as s')
        .innerJoin('session_staff as ss', (j) =>
          j.onRef('ss.organization_id', '=', 's.organization_id').onRef('ss.session_id', '=', 's.id'),
        )
        .innerJoin('attendance as a', (j) =>
          j.onRef('a.organization_id', '=', 's.organization_id').onRef('a.session_id', '=', 's.id'),
        )
        .select(['s.id', (eb) => eb.fn.countAll<string>().as('present')])
        .where('ss.user_id', '=', clinicianId)
        .where('s.kind', '=', 'group')
        .where('s.ends_at', '<', new Date())
        .where('a.status', 'not in', ['absent_excused', 'absent_unexcused'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('notes as n')
                .select('n.id')
                .whereRef('n.organization_id', '=', 's.organization_id')
                .whereRef('n.session_id', '=', 's.id'),
            ),
          ),
        )
        .groupBy('s.id')
        .orderBy('present', 'desc')
        .orderBy('s.id')
        .limit(300)
        .execute();
      queue = rows.map((r) => r.id);
      if (queue.length === 0) throw new Error('no undocumented past group left for the clinician');
    }
    const sessionId = queue.shift()!;
    const json = { ...headers, 'content-type': 'application/json' };
    const view = await fetch(`${base}/api/v1/sessions/${sessionId}/group-note`, { headers });
    const present = ((await view.json()) as { members: { patientId: string; present: boolean }[] }).members
      .filter((m) => m.present)
      .map((m) => m.patientId);
    n++;
    const saved = await fetch(`${base}/api/v1/sessions/${sessionId}/group-note`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({
        shared: {
          topic: 'Distress tolerance',
          interventions: 'Psychoeducation and guided practice',
          process: 'Engaged group; pairs practised and shared barriers.',
        },
        members: present.map((patientId, i) => ({ patientId, body: memberText(i, n), risk: 'none' })),
      }),
    });
    if (saved.status !== 200) throw new Error(`group note save: ${saved.status} ${await saved.text()}`);
    await saved.arrayBuffer();
    const signed = await fetch(`${base}/api/v1/sessions/${sessionId}/group-note/sign`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ patientIds: present, attestation: true }),
    });
    if (signed.status !== 200) throw new Error(`group note sign: ${signed.status} ${await signed.text()}`);
    await signed.arrayBuffer();
  };
}

run(() =>
  runBench('attendance-results.json', async ({ org, db, signIn, get: getAs, base }) => {
    const session = await signIn(org.rollCall.clinicianEmail);
    const { headers, csrfToken } = session;
    const get = (url: string) => getAs(url, session);

    const sessionId = org.rollCall.sessionIds[0]!;
    const roll = await fetch(`${base}/api/v1/sessions/${sessionId}/roll-call`, { headers });
    const members = ((await roll.json()) as { members: { patientId: string }[] }).members;
    if (members.length !== 12) throw new Error(`expected 12 members in today's group, got ${members.length}`);
    const allPresent = members.map((m) => ({ patientId: m.patientId, status: 'present', telehealth: false }));
    const mixed = allPresent.map((m, i) =>
      i === 0
        ? { ...m, status: 'late', lateMinutes: 10 }
        : i === 1
          ? { ...m, status: 'absent_excused', absenceReason: 'Medical appointment' }
          : m,
    );
    let flip = 0;
    const save = async () => {
      const res = await fetch(`${base}/api/v1/sessions/${sessionId}/attendance`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ marks: flip++ % 2 === 0 ? mixed : allPresent }),
      });
      if (res.status !== 200) throw new Error(`roll call: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    const loadToday = () => get('/api/v1/today');

    const results = [
      await time('roll-call save (PUT /sessions/:id/attendance, 12 marks)', save),
      await time('Today for a clinician (GET /api/v1/today)', loadToday),
      await time('GET /api/v1/caseload alone', () => get('/api/v1/caseload')),
      await time(
        'group note for 12 members: open (GET), save (PUT) and sign (POST)',
        groupNotes(db, base, { ...headers, 'x-csrf-token': csrfToken }, session.userId),
        { warmup: 5 },
      ),
    ];

    const countOf = async (
      table: 'attendance' | 'sessions' | 'patients' | 'episodes' | 'session_participants',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organization_id', '=', org.organizationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      counts: [
        ['attendance rows', await countOf('attendance')],
        ['sessions', await countOf('sessions')],
        ['participants', await countOf('session_participants')],
        ['episodes', await countOf('episodes')],
        ['patients', await countOf('patients')],
      ],
      stats: results,
    };
  }),
);
