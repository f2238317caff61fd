import { beforeEach, describe, expect, it } from 'vitest';
import type { ChartDto, NoteDto } from '../../../contracts/notes.js';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp, type TestUser } from '../../../../test/support/test-app.js';
import {
  addEveningBlock,
  admitMember,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026 in New York.
const MORNING = '2026-10-28T12:00:00Z';
const AFTER = '2026-10-28T20:30:00Z'; // 16:30 in New York

let clinic: SchedulingClinic;
let member: EpisodeDto;

beforeEach(async () => {
  t.clock.set(MORNING);
  clinic = await schedulingClinic(t);
  await addEveningBlock(clinic, '2026-10-28');
  member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-28');
});

/** Books an appointment at 15:00 today, marks the patient present and opens the note. */
async function attendedAppointment(kind: string, clinician: TestUser, extra: object = {}) {
  t.clock.set(MORNING);
  const booked = await clinic.director.post('/api/v1/appointments', {
    kind,
    patientId: member.patient.id,
    clinicianId: clinician.id,
    locationId: clinic.location.id,
    date: '2026-10-28',
    start: '15:00',
    durationMinutes: 50,
    roomId: clinic.office.id,
  });
  expect(booked.statusCode, booked.body).toBe(201);
  const session = booked.json<{ items: SessionDto[] }>().items[0]!;
  t.clock.set(AFTER);
  const who = await signIn(t, clinician);
  const roll = await who.put(`/api/v1/sessions/${session.id}/attendance`, {
    marks: [{ patientId: member.patient.id, status: 'present' }],
  });
  expect(roll.statusCode, roll.body).toBe(200);
  const opened = await who.post(`/api/v1/sessions/${session.id}/notes`, {
    patientId: member.patient.id,
    ...extra,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { who, session, note: opened.json<NoteDto>() };
}

describe('individual notes', () => {
  it('fills the header from the session and attendance, suggests the code by minutes, and signs a DAP note', async () => {
    const { who, session, note } = await attendedAppointment('individual', clinic.people.therapist2);
    expect(note).toMatchObject({
      kind: 'individual',
      template: 'dap',
      status: 'draft',
      header: {
        patient: 'Morgan Lee',
        date: '2026-10-28',
        start: '15:00',
        end: '15:50',
        minutes: 50,
        service: 'individual_therapy',
        clinician: 'Casey Clinician',
        location: 'Office 1',
        suggestedCode: { code: '90834' },
      },
    });
    // Opening again returns the same draft.
    const again = await who.post(`/api/v1/sessions/${session.id}/notes`, { patientId: member.patient.id });
    expect(again.statusCode).toBe(200);
    expect(again.json<NoteDto>().id).toBe(note.id);

    const incomplete = await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'body.data',
      'body.assessment',
      'body.plan',
      'risk',
    ]);
    const wrongSection = await who.put(`/api/v1/notes/${note.id}`, { body: { subjective: 'x' } });
    expect(wrongSection.statusCode).toBe(400);
    const saved = await who.put(`/api/v1/notes/${note.id}`, {
      body: {
        data: 'Reports sleeping 6 hours; PHQ-9 down 3 points.',
        assessment: 'Mood improving with behavioural activation.',
        plan: 'Continue weekly; add a morning walk.',
      },
      risk: 'none',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const noAttestation = await who.post(`/api/v1/notes/${note.id}/sign`, {});
    expect(noAttestation.statusCode).toBe(400);
    const signed = await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<NoteDto>()).toMatchObject({
      status: 'signed',
      signedBy: 'Casey Clinician',
      lateEntry: false,
    });
    expect(signed.json<NoteDto>().contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await who.put(`/api/v1/notes/${note.id}`, { body: { data: 'Changed' } })).statusCode).toBe(409);
    // Under the service, the database itself keeps the signed note as signed.
    await expect(
      t.deps.database.db
        .updateTable('notes')
        .set({ body: JSON.stringify({ data: 'Changed' }) })
        .where('id', '=', note.id)
        .execute(),
    ).rejects.toThrow(/signed record does not change/);
    // Another clinician cannot edit someone else's draft, and the front desk cannot read notes.
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get(`/api/v1/notes/${note.id}`)).statusCode).toBe(403);
  });

  it('refuses a note for an absent patient and for a group session', async () => {
    t.clock.set(MORNING);
    const booked = await clinic.director.post('/api/v1/appointments', {
      kind: 'individual',
      patientId: member.patient.id,
      clinicianId: clinic.people.therapist2.id,
      locationId: clinic.location.id,
      date: '2026-10-28',
      start: '15:00',
      durationMinutes: 50,
      roomId: clinic.office.id,
    });
    const session = booked.json<{ items: SessionDto[] }>().items[0]!;
    t.clock.set(AFTER);
    const casey = await signIn(t, clinic.people.therapist2);
    await casey.put(`/api/v1/sessions/${session.id}/attendance`, {
      marks: [{ patientId: member.patient.id, status: 'absent_unexcused' }],
    });
    const res = await casey.post(`/api/v1/sessions/${session.id}/notes`, { patientId: member.patient.id });
    expect(res.statusCode).toBe(409);
  });
});

describe('supervised clinicians', () => {
  it('leaves the note pending until the supervisor co-signs', async () => {
    const setSupervisor = await clinic.director.put(`/api/v1/staff/${clinic.people.trainee.id}/scheduling`, {
      credentials: 'LMSW',
      supervisorId: clinic.people.therapist.id,
      availability: [],
    });
    expect(setSupervisor.statusCode, setSupervisor.body).toBe(200);
    const { who, note } = await attendedAppointment('individual', clinic.people.trainee, {
      template: 'birp',
    });
    await who.put(`/api/v1/notes/${note.id}`, {
      body: {
        behavior: 'Calm, engaged.',
        intervention: 'CBT thought record.',
        response: 'Identified two distortions.',
        plan: 'Homework: one record a day.',
      },
      risk: 'none',
    });
    const signed = (await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true })).json<NoteDto>();
    expect(signed).toMatchObject({
      status: 'pending_cosign',
      cosigner: 'Theo Therapist',
      cosignerId: clinic.people.therapist.id,
    });
    expect(signed.header.clinician).toBe('Riley Resident, LMSW');

    const notTheSupervisor = await signIn(t, clinic.people.therapist2);
    expect(
      (await notTheSupervisor.post(`/api/v1/notes/${note.id}/cosign`, { attestation: true })).statusCode,
    ).toBe(403);
    const theo = await signIn(t, clinic.people.therapist);
    const queue = (await theo.get('/api/v1/notes/queue')).json<{ toCosign: { noteId: string }[] }>();
    expect(queue.toCosign.map((q) => q.noteId)).toEqual([note.id]);
    const cosigned = await theo.post(`/api/v1/notes/${note.id}/cosign`, { attestation: true });
    expect(cosigned.statusCode, cosigned.body).toBe(200);
    expect(cosigned.json<NoteDto>()).toMatchObject({ status: 'signed', cosigner: 'Theo Therapist' });
    expect(cosigned.json<NoteDto>().cosignedAt).not.toBeNull();
  });
});

const familySession = {
  body: {
    subjective: 'Family reports less conflict.',
    objective: 'Calm exchange.',
    assessment: 'Improving.',
    plan: 'Meet in two weeks.',
  },
  risk: 'none',
};

describe('family and medication-management notes', () => {
  it('records who attended a family session and suggests 90847', async () => {
    const { who, note } = await attendedAppointment('family', clinic.people.therapist2, { template: 'soap' });
    expect(note.header.suggestedCode?.code).toBe('90847');
    await who.put(`/api/v1/notes/${note.id}`, {
      ...familySession,
    });
    const noAttendees = await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    expect(noAttendees.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'attendees',
    ]);
    await who.put(`/api/v1/notes/${note.id}`, {
      ...familySession,
      attendees: [{ name: 'Sam Lee', relationship: 'Spouse' }],
    });
    const signed = await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<NoteDto>().attendees).toEqual([{ name: 'Sam Lee', relationship: 'Spouse' }]);
  });

  it('keeps the medication list from signed medication-management notes, with the changes in the chart', async () => {
    const { who, note } = await attendedAppointment('medication_management', clinic.people.prescriber);
    expect(note.template).toBe('medication');
    const body = {
      subjective: 'Sleeping better; mild nausea in the first week.',
      sideEffects: 'Mild nausea, resolved.',
      adherence: 'Takes daily; missed one dose.',
      assessment: 'Partial response.',
      plan: 'Increase dose; review in four weeks.',
    };
    const bad = await who.put(`/api/v1/notes/${note.id}`, {
      body,
      risk: 'none',
      medication: { changes: [{ kind: 'start', name: 'Sertraline' }], vitals: { systolic: 400 } },
    });
    expect(bad.statusCode).toBe(200);
    const refused = await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['medication.changes.0.dose']));
    expect(paths.some((p) => p.startsWith('medication.vitals.'))).toBe(true);

    await who.put(`/api/v1/notes/${note.id}`, {
      body,
      risk: 'none',
      medication: {
        changes: [{ kind: 'start', name: 'Sertraline', dose: '50 mg', route: 'oral', frequency: 'daily' }],
        vitals: { systolic: 118, diastolic: 76, heartRate: 72 },
      },
    });
    const signed = await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<NoteDto>().header.suggestedCode?.code).toMatch(/^9921[34]$/);
    const meds = await who.get(`/api/v1/patients/${member.patient.id}/medications`);
    expect(meds.json()).toEqual({
      items: [expect.objectContaining({ name: 'Sertraline', dose: '50 mg', since: '2026-10-28' })],
    });
    const chart = (
      await who.get(`/api/v1/patients/${member.patient.id}/chart?kinds=medication,note`)
    ).json<ChartDto>();
    expect(chart.items.map((i) => [i.kind, i.title])).toEqual([
      ['note', 'Medication management note · Medication management'],
      ['medication', 'Medication start: Sertraline'],
    ]);
  });
});

describe('the chart and exports', () => {
  it('lists sessions and notes, searches inside notes, and exports signed notes as an audited PDF', async () => {
    const { who, note } = await attendedAppointment('individual', clinic.people.therapist2);
    await who.put(`/api/v1/notes/${note.id}`, {
      body: {
        data: 'Talked about the new job and commuting stress.',
        assessment: 'Coping.',
        plan: 'Weekly.',
      },
      risk: 'none',
    });
    await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    const chart = (await who.get(`/api/v1/patients/${member.patient.id}/chart`)).json<ChartDto>();
    expect(chart.items.map((i) => i.kind)).toEqual(['session', 'note']);
    const found = (await who.get(`/api/v1/patients/${member.patient.id}/chart?q=commuting`)).json<ChartDto>();
    expect(found.items.map((i) => i.refId)).toEqual([note.id]);
    const none = (await who.get(`/api/v1/patients/${member.patient.id}/chart?q=zebra`)).json<ChartDto>();
    expect(none.items).toEqual([]);
    expect((await who.get(`/api/v1/patients/${member.patient.id}/chart?kinds=bogus`)).statusCode).toBe(400);
    const backwards = await who.get(
      `/api/v1/patients/${member.patient.id}/notes/pdf?from=2026-10-31&to=2026-10-01`,
    );
    expect(backwards.statusCode).toBe(400);

    const pdf = await who.get(
      `/api/v1/patients/${member.patient.id}/notes/pdf?from=2026-10-01&to=2026-10-31`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const exported = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'details', 'patient_id'])
      .where('organization_id', '=', clinic.organization.id)
      .where('action', '=', 'export')
      .execute();
    expect(exported).toEqual([
      expect.objectContaining({
        patient_id: member.patient.id,
        details: expect.objectContaining({ noteIds: [note.id], part2: false }),
      }),
    ]);
    const other = await schedulingClinic(t);
    const outsider = await signIn(t, other.people.director);
    expect((await outsider.get(`/api/v1/notes/${note.id}/pdf`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/patients/${member.patient.id}/chart`)).statusCode).toBe(404);
  });
});

describe('42 CFR Part 2', () => {
  it('labels a substance-use program’s appointment notes even without an episode label', async () => {
    await t.deps.database.db
      .updateTable('programs')
      .set({ substance_use: true })
      .where('id', '=', clinic.program.id)
      .execute();
    const { note } = await attendedAppointment('individual', clinic.people.therapist2);
    expect(note.part2).toBe(true);
  });

  it('labels notes of a substance-use episode and says so in the export’s audit', async () => {
    // Admission labels the episode of a substance-use program (tested with admissions).
    await t.deps.database.db
      .updateTable('episodes')
      .set({ sensitivity: ['part2'] })
      .where('id', '=', member.id)
      .execute();
    const { who, note } = await attendedAppointment('individual', clinic.people.therapist2);
    expect(note.part2).toBe(true);
    await who.put(`/api/v1/notes/${note.id}`, {
      body: { data: 'Cravings lower.', assessment: 'Stable.', plan: 'Continue.' },
      risk: 'none',
    });
    await who.post(`/api/v1/notes/${note.id}/sign`, { attestation: true });
    const chart = (await who.get(`/api/v1/patients/${member.patient.id}/chart?kinds=note`)).json<ChartDto>();
    expect(chart.items.map((i) => i.part2)).toEqual([true]);
    expect((await who.get(`/api/v1/notes/${note.id}/pdf`)).statusCode).toBe(200);
    const exported = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('organization_id', '=', clinic.organization.id)
      .where('action', '=', 'export')
      .executeTakeFirstOrThrow();
    expect(exported.details).toMatchObject({ noteIds: [note.id], part2: true });
  });
});
