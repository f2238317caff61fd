import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GroupNoteDto, NoteDto, NoteQueueDto } from '../../../contracts/notes.js';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import { signIn, useTestApp, type Session } from '../../../../test/support/test-app.js';
import {
  calendarOf,
  eveningGroupClinic,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026 in New York; the evening group runs 18:00–21:00 (22:00–01:00Z).
const MORNING = '2026-10-28T12:00:00Z';
const AFTER_GROUP = '2026-10-29T01:30:00Z';

let clinic: SchedulingClinic;
let members: EpisodeDto[];
let tonight: SessionDto;
let theo: Session;

const patient = (i: number) => members[i]!.patient.id;
const NAMES = [
  ['Ana', 'Lopez'],
  ['Ben', 'Okafor'],
  ['Cy', 'Park'],
  ['Dee', 'Walsh'],
] as const;

const shared = {
  topic: 'Distress tolerance: the TIPP skills',
  interventions: 'Psychoeducation, guided practice of paced breathing, role play',
  process: 'The group was engaged; members practised in pairs and shared barriers to using skills at home.',
};
const memberBody = (i: number) => ({
  participation: `Spoke ${i + 2} times and practised paced breathing with a partner.`,
  response: [
    'Reported lower tension after practice.',
    'Found cold water useful for urges at night.',
    'Doubted the skill would help at work but agreed to try.',
    'Quiet; joined role play when invited.',
  ][i]!,
  progress: [
    'Uses one coping skill daily, as planned.',
    'Fewer late-night urges this week.',
    'Working toward returning to full shifts.',
    'Attending all groups this week.',
  ][i]!,
  plan: [
    'Practise TIPP twice daily.',
    'Log urges and skill use.',
    'Try paced breathing at work on Friday.',
    'Share one skill with family.',
  ][i]!,
});

beforeEach(async () => {
  t.clock.set(MORNING);
  ({ clinic, members } = await eveningGroupClinic(
    t,
    '2026-10-28',
    NAMES.map(([givenName, familyName]) => ({ givenName, familyName })),
  ));
  [tonight] = (await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-28', '2026-10-28')) as [
    SessionDto,
  ];
  t.clock.set('2026-10-28T23:00:00Z');
  theo = await signIn(t, clinic.people.therapist);
  const roll = await theo.put(`/api/v1/sessions/${tonight.id}/attendance`, {
    marks: [
      { patientId: patient(0), status: 'present' },
      { patientId: patient(1), status: 'late', lateMinutes: 15 },
      { patientId: patient(2), status: 'present' },
      { patientId: patient(3), status: 'absent_unexcused' },
    ],
  });
  expect(roll.statusCode, roll.body).toBe(200);
  t.clock.set(AFTER_GROUP);
  theo = await signIn(t, clinic.people.therapist);
});

const url = () => `/api/v1/sessions/${tonight.id}/group-note`;
const save = (body: object) => theo.put(url(), body);
const draftAll = (n = 3) =>
  save({
    shared,
    members: [...Array(n).keys()].map((i) => ({ patientId: patient(i), body: memberBody(i), risk: 'none' })),
  });

describe('group note', () => {
  it('saves the shared part once and each present member’s section, and never a note for an absent member', async () => {
    const res = await draftAll();
    expect(res.statusCode, res.body).toBe(200);
    const note = res.json<GroupNoteDto>();
    expect(note.shared).toEqual(shared);
    expect(note.members.map((m) => [m.name, m.present, m.status, m.missing])).toEqual([
      ['Ana Lopez', true, 'draft', []],
      ['Ben Okafor', true, 'draft', []],
      ['Cy Park', true, 'draft', []],
      ['Dee Walsh', false, null, ['participation', 'response', 'progress', 'plan']],
    ]);
    expect(note.suggestedCode?.code).toBe('90853');

    const absent = await save({
      shared,
      members: [{ patientId: patient(3), body: memberBody(3), risk: 'none' }],
    });
    expect(absent.statusCode).toBe(400);
    expect(absent.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('members.0.patientId');
  });

  it('keeps a member’s draft on the group note: it is neither edited nor signed alone', async () => {
    const drafted = (await draftAll()).json<GroupNoteDto>();
    const noteId = drafted.members[0]!.noteId!;
    const alone = await theo.put(`/api/v1/notes/${noteId}`, { body: { participation: 'Alone' } });
    expect(alone.statusCode).toBe(409);
    const signAlone = await theo.post(`/api/v1/notes/${noteId}/sign`, { attestation: true });
    expect(signAlone.statusCode).toBe(409);
    expect((await theo.get(url())).json<GroupNoteDto>().members[0]).toMatchObject({
      status: 'draft',
      body: memberBody(0),
    });
  });

  it('keeps text already written when a later save leaves a member out', async () => {
    await draftAll();
    const later = await save({
      shared,
      members: [{ patientId: patient(0), body: { ...memberBody(0), plan: 'New plan.' } }],
    });
    expect(later.statusCode).toBe(200);
    const byName = new Map(later.json<GroupNoteDto>().members.map((m) => [m.name, m.body]));
    expect(byName.get('Ana Lopez')?.plan).toBe('New plan.');
    expect(byName.get('Ben Okafor')).toEqual(memberBody(1));
  });

  it('refuses to sign an empty member section, a missing risk check, or text that names another member', async () => {
    await save({
      shared,
      members: [
        { patientId: patient(0), body: { ...memberBody(0), progress: '' }, risk: 'none' },
        { patientId: patient(1), body: memberBody(1) },
        {
          patientId: patient(2),
          body: { ...memberBody(2), response: 'Responded well to Ana’s example.' },
          risk: 'none',
        },
      ],
    });
    const res = await theo.post(`${url()}/sign`, {
      patientIds: [patient(0), patient(1), patient(2)],
      attestation: true,
    });
    expect(res.statusCode, res.body).toBe(400);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual([
      `members.${patient(0)}.progress`,
      `members.${patient(1)}.risk`,
      `members.${patient(2)}`,
    ]);
    const view = (await theo.get(url())).json<GroupNoteDto>();
    expect(view.members[2]!.namesOtherMembers).toEqual(['Ana Lopez']);
    // Nothing was signed.
    expect(view.members.map((m) => m.status)).toEqual(['draft', 'draft', 'draft', null]);
  });

  it('flags nearly identical member sections and signs them only when confirmed', async () => {
    const same = {
      participation: 'Participated actively in the group discussion and the skills practice.',
      response: 'Responded well to the skill and engaged with the material.',
      progress: 'Making progress toward treatment goals.',
      plan: 'Continue to attend group and practise skills.',
    };
    await save({
      shared,
      members: [0, 1].map((i) => ({ patientId: patient(i), body: same, risk: 'none' })),
    });
    const view = (await theo.get(url())).json<GroupNoteDto>();
    expect(view.similar).toEqual([{ a: patient(0), b: patient(1), similarity: 1 }]);
    const refused = await theo.post(`${url()}/sign`, {
      patientIds: [patient(0), patient(1)],
      attestation: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'similar_notes' });
    const confirmed = await theo.post(`${url()}/sign`, {
      patientIds: [patient(0), patient(1)],
      attestation: true,
      confirmSimilar: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });

  it('signs each member’s note with the shared part, a content hash and no other member’s name; then it never changes', async () => {
    await draftAll();
    const signed = await theo.post(`${url()}/sign`, {
      patientIds: [patient(0), patient(1), patient(2)],
      attestation: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<GroupNoteDto>().members.map((m) => m.status)).toEqual([
      'signed',
      'signed',
      'signed',
      null,
    ]);

    const rows = await t.deps.database.db
      .selectFrom('notes')
      .select(['id', 'patient_id', 'signed_content', 'content_sha256', 'service_code', 'late_entry'])
      .where('session_id', '=', tonight.id)
      .execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const text = JSON.stringify(row.signed_content);
      const self = members.findIndex((m) => m.patient.id === row.patient_id);
      for (const [i, names] of NAMES.entries())
        if (i !== self) for (const name of names) expect(text).not.toContain(name);
      expect(text).toContain(shared.topic);
      expect(row.content_sha256).toBe(
        createHash('sha256').update(canonicalJson(row.signed_content)).digest('hex'),
      );
      expect(row.service_code).toBe('90853');
      expect(row.late_entry).toBe(false);
    }
    const ben = (
      await theo.get(`/api/v1/notes/${rows.find((r) => r.patient_id === patient(1))!.id}`)
    ).json<NoteDto>();
    expect(ben.header).toMatchObject({
      minutes: 165,
      start: '18:00',
      end: '21:00',
      location: 'Group Room A',
    });
    expect(ben.shared).toEqual(shared);

    // No route changes a signed note.
    const changeShared = await save({ shared: { ...shared, topic: 'Something else' }, members: [] });
    expect(changeShared.statusCode).toBe(409);
    expect(changeShared.json()).toMatchObject({ code: 'note_signed' });
    const changeMember = await save({
      shared,
      members: [{ patientId: patient(0), body: { ...memberBody(0), plan: 'x' }, risk: 'none' }],
    });
    expect(changeMember.statusCode).toBe(409);
    const put = await theo.put(`/api/v1/notes/${ben.id}`, { body: { participation: 'Changed' } });
    expect(put.statusCode).toBe(409);
    expect((await theo.post(`/api/v1/notes/${ben.id}/sign`, { attestation: true })).statusCode).toBe(409);
    const again = await theo.post(`${url()}/sign`, { patientIds: [patient(0)], attestation: true });
    expect(again.statusCode).toBe(409);
    const after = await t.deps.database.db
      .selectFrom('notes')
      .select(['content_sha256'])
      .where('session_id', '=', tonight.id)
      .orderBy('patient_id')
      .execute();
    expect(after.map((r) => r.content_sha256).sort()).toEqual(rows.map((r) => r.content_sha256).sort());

    // An addendum records who, when and why.
    const addendum = await theo.post(`/api/v1/notes/${ben.id}/addenda`, {
      reason: 'Late information',
      text: 'Called after group to say the skill helped on the drive home.',
    });
    expect(addendum.statusCode, addendum.body).toBe(201);
    expect(addendum.json<NoteDto>().addenda).toEqual([
      expect.objectContaining({ author: 'Theo Therapist', reason: 'Late information' }),
    ]);
  });

  it('marks a note signed more than 24 hours after the session a late entry, and a risk concern opens a safety alert', async () => {
    await save({
      shared,
      members: [
        {
          patientId: patient(0),
          body: memberBody(0),
          risk: 'concern',
          riskDetail: 'Passive death wish voiced.',
        },
      ],
    });
    t.clock.set('2026-10-30T03:00:00Z');
    theo = await signIn(t, clinic.people.therapist);
    const res = await theo.post(`${url()}/sign`, { patientIds: [patient(0)], attestation: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<GroupNoteDto>().members[0]).toMatchObject({ status: 'signed', lateEntry: true });
    const alerts = await t.deps.database.db
      .selectFrom('safety_alerts')
      .select(['patient_id', 'note_id', 'status'])
      .where('organization_id', '=', clinic.organization.id)
      .execute();
    expect(alerts).toEqual([expect.objectContaining({ patient_id: patient(0), status: 'open' })]);
    expect(alerts[0]!.note_id).not.toBeNull();
  });

  it('is signed only by the session’s own staff, and the audit trail finds it by patient', async () => {
    await draftAll();
    const dana = await signIn(t, clinic.people.director);
    const notThere = await dana.post(`${url()}/sign`, { patientIds: [patient(0)], attestation: true });
    expect(notThere.statusCode).toBe(403);
    const signed = await theo.post(`${url()}/sign`, {
      patientIds: [patient(0), patient(1), patient(2)],
      attestation: true,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const admin = await signIn(t, clinic.admin);
    const events = await admin.get(`/api/v1/audit-events?patientId=${patient(1)}`);
    expect(events.statusCode, events.body).toBe(200);
    const types = events.json<{ items: { resourceType: string; details: Record<string, unknown> }[] }>()
      .items;
    expect(types.some((e) => e.resourceType === 'Note' && e.details.event === 'sign')).toBe(true);
  });

  it('keeps a draft to its author: another clinician cannot read it, export it or amend it', async () => {
    const drafted = (await draftAll()).json<GroupNoteDto>();
    const noteId = drafted.members[0]!.noteId!;
    const casey = await signIn(t, clinic.people.therapist2);
    expect((await casey.get(`/api/v1/notes/${noteId}`)).statusCode).toBe(403);
    expect((await theo.get(`/api/v1/notes/${noteId}`)).statusCode).toBe(200);
    expect((await theo.get(`/api/v1/notes/${noteId}/pdf`)).statusCode).toBe(409);
    await theo.post(`${url()}/sign`, { patientIds: [patient(0)], attestation: true });
    const addendum = { reason: 'Late information', text: 'Called after group.' };
    expect((await casey.post(`/api/v1/notes/${noteId}/addenda`, addendum)).statusCode).toBe(403);
    expect((await theo.post(`/api/v1/notes/${noteId}/addenda`, addendum)).statusCode).toBe(201);
  });

  it('is written only by the session’s staff, and not read by the front desk', async () => {
    const casey = await signIn(t, clinic.people.therapist2);
    expect((await casey.put(url(), { shared, members: [] })).statusCode).toBe(403);
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get(url())).statusCode).toBe(403);
    const other = await schedulingClinic(t);
    const outsider = await signIn(t, other.people.director);
    expect((await outsider.get(url())).statusCode).toBe(404);
  });
});

describe('the unsigned-notes queue', () => {
  it('lists sessions to document and drafts until every present member’s note is signed', async () => {
    const before = (await theo.get('/api/v1/notes/queue')).json<NoteQueueDto>();
    expect(before.toWrite).toEqual([expect.objectContaining({ sessionId: tonight.id, members: 3 })]);
    await draftAll();
    const drafted = (await theo.get('/api/v1/notes/queue')).json<NoteQueueDto>();
    expect(drafted.drafts.map((d) => d.patient)).toEqual(['Ana Lopez', 'Ben Okafor', 'Cy Park']);
    await theo.post(`${url()}/sign`, { patientIds: [patient(0), patient(1), patient(2)], attestation: true });
    const done = (await theo.get('/api/v1/notes/queue')).json<NoteQueueDto>();
    expect(done).toEqual({ toWrite: [], drafts: [], toCosign: [] });
  });
});
