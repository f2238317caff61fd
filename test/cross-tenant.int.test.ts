import { describe, expect, it } from 'vitest';
import { createOrganization, createUser, signIn, useTestApp } from './support/test-app.js';
import { addEveningBlock, admitMember, calendarOf, schedulingClinic } from './support/scheduling.js';

const t = useTestApp();

/**
 * Tenancy: a user of one organization gets 404 for anything of another, on every route that
 * names a record. New record types add their routes here.
 */
describe('cross-organization access', () => {
  it('a second organization’s admin and clinician get 404 on the first’s records', async () => {
    const first = await createOrganization(t);
    const firstClinician = await createUser(t, first.organization.id, ['clinician']);
    const firstAdminSession = await signIn(t, first.admin);
    const [auditEvent] = (await firstAdminSession.get('/api/v1/audit-events')).json().items;

    const second = await createOrganization(t);
    const secondAdmin = await signIn(t, second.admin);
    const secondClinician = await signIn(t, await createUser(t, second.organization.id, ['clinician']));

    const reads = [
      `/api/v1/users/${firstClinician.id}`,
      `/api/v1/audit-events/${auditEvent.id}`,
      `/api/v1/locations/${first.location.id}/rooms`,
    ];
    const writes: [string, Record<string, unknown> | undefined][] = [
      [`/api/v1/users/${firstClinician.id}/deactivate`, undefined],
      [`/api/v1/users/${firstClinician.id}/unlock`, undefined],
      [`/api/v1/users/${firstClinician.id}/mfa/reset`, undefined],
      [`/api/v1/users/${firstClinician.id}/reactivate`, undefined],
      [`/api/v1/locations/${first.location.id}/rooms`, { name: 'Intruder room', capacity: 2 }],
    ];
    for (const url of reads)
      expect({ url, status: (await secondAdmin.get(url)).statusCode }).toEqual({ url, status: 404 });
    for (const [url, body] of writes)
      expect({ url, status: (await secondAdmin.post(url, body)).statusCode }).toEqual({ url, status: 404 });
    const patch = await secondAdmin.patch(`/api/v1/users/${firstClinician.id}`, {
      displayName: 'Taken over',
    });
    expect(patch.statusCode).toBe(404);
    const loc = await secondAdmin.patch(`/api/v1/locations/${first.location.id}`, { name: 'Taken over' });
    expect(loc.statusCode).toBe(404);

    // A clinician is refused user and audit administration outright, and sees no other tenant's rooms.
    expect((await secondClinician.get(`/api/v1/locations/${first.location.id}/rooms`)).statusCode).toBe(404);

    // Lists never include the other organization's rows.
    const users = (await secondAdmin.get('/api/v1/users')).json().items.map((u: { id: string }) => u.id);
    expect(users).not.toContain(firstClinician.id);
    const audit = (await secondAdmin.get(`/api/v1/audit-events?userId=${first.admin.id}`)).json().items;
    expect(audit).toEqual([]);
    const locations = (await secondAdmin.get('/api/v1/locations'))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(locations).not.toContain(first.location.id);

    // Nothing of the first organization changed.
    const stillThere = await firstAdminSession.get(`/api/v1/users/${firstClinician.id}`);
    expect(stillThere.json()).toMatchObject({ status: 'active', displayName: 'Test User' });
  });

  it('a second organization’s staff get 404 on the first’s patients, referrals, screenings and alerts', async () => {
    const first = await createOrganization(t);
    const intake = await signIn(t, await createUser(t, first.organization.id, ['intake']));
    const referral = (
      await intake.post('/api/v1/referrals', {
        patient: { givenName: 'Private', familyName: 'Person', dateOfBirth: '1980-01-01' },
        source: 'self',
        reason: 'Wants help',
        urgency: 'routine',
        consentToContact: true,
      })
    ).json();
    const patientId: string = referral.patient.id;
    const alert = (
      await intake.post(`/api/v1/patients/${patientId}/administrations`, {
        instrument: 'phq-9',
        answers: [0, 0, 0, 0, 0, 0, 0, 0, 3],
        method: 'staff_entered',
      })
    ).json().alert;

    const second = await createOrganization(t);
    const clinician = await signIn(t, await createUser(t, second.organization.id, ['clinician']));
    const reads = [
      `/api/v1/patients/${patientId}`,
      `/api/v1/patients/${patientId}/administrations`,
      `/api/v1/patients/${patientId}/referrals`,
      `/api/v1/referrals/${referral.id}`,
    ];
    for (const url of reads)
      expect({ url, status: (await clinician.get(url)).statusCode }).toEqual({ url, status: 404 });
    const writes: [string, Record<string, unknown>][] = [
      [`/api/v1/referrals/${referral.id}/status`, { status: 'contacted' }],
      [`/api/v1/referrals/${referral.id}/notes`, { body: 'intrusion' }],
      [
        `/api/v1/patients/${patientId}/administrations`,
        { instrument: 'phq-2', answers: [0, 0], method: 'staff_entered' },
      ],
      [
        `/api/v1/safety-alerts/${alert.id}/acknowledge`,
        { riskLevel: 'low', riskAssessment: 'x'.repeat(30), actionPlan: 'none' },
      ],
      [
        `/api/v1/referrals/${referral.id}/level-of-care-decision`,
        {
          assessment: {
            suicideRisk: 'none',
            violenceRisk: 'none',
            symptomSeverity: 'mild',
            functionalImpairment: 'mild',
            withdrawalRisk: 'none',
            medicallyStable: true,
            supportSystem: 'strong',
            safeHousing: true,
            recentHigherLevelDischarge: null,
            outpatientTried: false,
            canAttendProgram: true,
          },
          chosenLevel: 'outpatient',
        },
      ],
    ];
    for (const [url, body] of writes)
      expect({ url, status: (await clinician.post(url, body)).statusCode }).toEqual({ url, status: 404 });
    expect((await clinician.patch(`/api/v1/patients/${patientId}`, { pronouns: 'x' })).statusCode).toBe(404);

    // Searches and lists never show the other organization's patients.
    expect((await clinician.get('/api/v1/patients?q=Private%20Person')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/patients?q=1980-01-01')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/referrals')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/safety-alerts')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/tasks')).json().items).toEqual([]);

    // Nothing of the first organization changed.
    const still = (await intake.get(`/api/v1/referrals/${referral.id}`)).json();
    expect(still).toMatchObject({ status: 'new', notes: [] });
  });

  it('a second organization’s staff get 404 on the first’s programs, tracks, sessions and episodes', async () => {
    t.clock.set('2026-10-28T12:00:00Z');
    const first = await schedulingClinic(t);
    await first.director.post(`/api/v1/tracks/${first.track.id}/curriculum`, {
      title: 'Distress tolerance',
      kind: 'skills',
    });
    const track = await addEveningBlock(first, '2026-10-28', { usesCurriculum: true });
    const blockId = track.blocks[0]!.id;
    const moduleId = track.curriculum[0]!.id;
    const episode = await admitMember(first, { givenName: 'Private', familyName: 'Member' }, '2026-10-29');
    const patientId = episode.patient.id;
    const [session] = await calendarOf(first.director, 'track', first.track.id, '2026-11-02', '2026-11-02');
    const sessionId = session!.id;

    const second = await schedulingClinic(t);
    const them = second.director;
    const reads = [
      `/api/v1/programs/${first.program.id}`,
      `/api/v1/sessions/${sessionId}`,
      `/api/v1/episodes/${episode.id}`,
      `/api/v1/episodes/${episode.id}/curriculum`,
      `/api/v1/patients/${patientId}/episodes`,
      `/api/v1/patients/${patientId}/week`,
      `/api/v1/calendar?scope=patient&id=${patientId}&from=2026-11-02&to=2026-11-08`,
    ];
    for (const url of reads) {
      const res = await them.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.body).not.toContain('Private');
    }
    // Calendars by another organization's track, program, room or clinician are simply empty.
    for (const [scope, id] of [
      ['track', first.track.id],
      ['program', first.program.id],
      ['room', first.roomA.id],
      ['clinician', first.people.therapist.id],
    ] as const)
      expect(await calendarOf(them, scope, id, '2026-11-02', '2026-11-08')).toEqual([]);

    const block = {
      title: 'Intruder group',
      groupKind: 'process',
      weekdays: ['TU'],
      start: '10:00',
      end: '12:00',
      facilitatorId: second.people.therapist.id,
      roomId: second.roomA.id,
      activeFrom: '2026-10-28',
    };
    const slot = { date: '2026-11-03', start: '10:00', end: '12:00' };
    const writes: [string, Record<string, unknown>][] = [
      [`/api/v1/programs/${first.program.id}/tracks`, { name: 'Intruders' }],
      [`/api/v1/tracks/${first.track.id}/blocks`, block],
      // Own track, but the other organization's facilitator or room.
      [`/api/v1/tracks/${second.track.id}/blocks`, { ...block, facilitatorId: first.people.therapist.id }],
      [`/api/v1/tracks/${second.track.id}/blocks`, { ...block, roomId: first.roomA.id }],
      [`/api/v1/group-blocks/${blockId}/end`, { lastDate: '2026-11-10', reason: 'Taken over' }],
      [`/api/v1/tracks/${first.track.id}/curriculum`, { title: 'Intrusion', kind: 'skills' }],
      [`/api/v1/tracks/${first.track.id}/generate`, { through: '2027-01-31' }],
      [`/api/v1/sessions/${sessionId}/move`, { ...slot, reason: 'Taken over' }],
      [`/api/v1/sessions/${sessionId}/cancel`, { reason: 'Taken over' }],
      [`/api/v1/sessions/${sessionId}/participants`, { patientIds: [second.people.therapist.id] }],
      [`/api/v1/sessions/${sessionId}/curriculum-completions`, { patientIds: [patientId] }],
      [`/api/v1/episodes/${episode.id}/track`, { trackId: second.track.id, from: '2026-11-02' }],
      [
        '/api/v1/sessions',
        {
          ...slot,
          trackId: first.track.id,
          origin: 'one_off',
          title: 'Intrusion',
          groupKind: 'process',
          facilitatorId: second.people.therapist.id,
          roomId: second.roomA.id,
        },
      ],
      [
        '/api/v1/appointments',
        {
          kind: 'individual',
          patientId,
          clinicianId: second.people.therapist.id,
          locationId: second.location.id,
          date: '2026-11-03',
          start: '10:00',
          durationMinutes: 50,
          roomId: second.office.id,
        },
      ],
      ['/api/v1/closures', { locationId: first.location.id, date: '2026-11-05', reason: 'Taken over' }],
    ];
    for (const [url, body] of writes) {
      const res = await them.post(url, body);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.body).not.toContain('Private');
    }
    const puts: [string, Record<string, unknown>][] = [
      [`/api/v1/tracks/${first.track.id}/curriculum/order`, { moduleIds: [moduleId] }],
      [
        `/api/v1/staff/${first.people.therapist.id}/scheduling`,
        { credentials: 'Taken over', supervisorId: null, availability: [] },
      ],
    ];
    for (const [url, body] of puts)
      expect({ url, status: (await them.put(url, body)).statusCode }).toEqual({ url, status: 404 });
    expect(
      (await them.patch(`/api/v1/programs/${first.program.id}`, { name: 'Taken over' })).statusCode,
    ).toBe(404);

    // Lists never include the other organization's rows.
    const programs = (await them.get('/api/v1/programs')).json<{ items: { id: string }[] }>().items;
    expect(programs.map((p) => p.id)).toEqual([second.program.id]);
    expect((await them.get('/api/v1/episodes')).json()).toEqual({ items: [] });
    const staff = (await them.get('/api/v1/staff')).json<{ items: { id: string }[] }>().items;
    expect(staff.map((s) => s.id)).not.toContain(first.people.therapist.id);
    expect((await them.get('/api/v1/closures?from=2026-01-01')).json()).toEqual({ items: [] });

    // Nothing of the first organization changed.
    const still = (await first.director.get(`/api/v1/sessions/${sessionId}`)).json();
    expect(still).toMatchObject({ status: 'scheduled', localDate: '2026-11-02', participantCount: 1 });
    const program = (await first.director.get(`/api/v1/programs/${first.program.id}`)).json();
    expect(program).toMatchObject({ name: 'Adult Mental Health IOP' });
    expect(program.tracks).toHaveLength(1);
    expect(program.tracks[0].blocks[0].activeUntil).toBeNull();
    const mine = (await first.director.get(`/api/v1/episodes/${episode.id}`)).json();
    expect(mine.track.id).toBe(first.track.id);
    const staffRow = (await first.director.get('/api/v1/staff'))
      .json()
      .items.find((s: { id: string }) => s.id === first.people.therapist.id);
    expect(staffRow.credentials).toBeNull();
  });

  it('a second organization’s staff get 404 on the first’s attendance, notes, chart and medications', async () => {
    t.clock.set('2026-10-28T12:00:00Z');
    const first = await schedulingClinic(t);
    await addEveningBlock(first, '2026-10-28');
    const episode = await admitMember(first, { givenName: 'Private', familyName: 'Member' }, '2026-10-28');
    const patientId = episode.patient.id;
    const [session] = await calendarOf(first.director, 'track', first.track.id, '2026-10-28', '2026-10-28');
    const sessionId = session!.id;
    t.clock.set('2026-10-28T23:00:00Z');
    const theo = await signIn(t, first.people.therapist);
    await theo.put(`/api/v1/sessions/${sessionId}/attendance`, {
      marks: [{ patientId, status: 'present' }],
    });
    const shared = { topic: 'Skills', interventions: 'Practice', process: 'Engaged group.' };
    const member = {
      participation: 'Practised breathing.',
      response: 'Calmer.',
      progress: 'On plan.',
      plan: 'Daily practice.',
    };
    const drafted = await theo.put(`/api/v1/sessions/${sessionId}/group-note`, {
      shared,
      members: [{ patientId, body: member, risk: 'none' }],
    });
    const noteId: string = drafted.json().members[0].noteId;
    await theo.post(`/api/v1/sessions/${sessionId}/group-note/sign`, {
      patientIds: [patientId],
      attestation: true,
    });

    const second = await schedulingClinic(t);
    const them = second.director;
    const reads = [
      `/api/v1/sessions/${sessionId}/roll-call`,
      `/api/v1/sessions/${sessionId}/group-note`,
      `/api/v1/notes/${noteId}`,
      `/api/v1/notes/${noteId}/pdf`,
      `/api/v1/patients/${patientId}/hours`,
      `/api/v1/patients/${patientId}/engagement`,
      `/api/v1/patients/${patientId}/chart`,
      `/api/v1/patients/${patientId}/medications`,
      `/api/v1/patients/${patientId}/notes/pdf?from=2026-10-01&to=2026-10-31`,
    ];
    for (const url of reads) {
      const res = await them.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.body).not.toContain('Private');
    }
    const writes: [string, string, Record<string, unknown>][] = [
      [
        'PUT',
        `/api/v1/sessions/${sessionId}/attendance`,
        { marks: [{ patientId, status: 'absent_unexcused' }] },
      ],
      ['POST', `/api/v1/sessions/${sessionId}/check-in`, { patientId }],
      ['PUT', `/api/v1/sessions/${sessionId}/group-note`, { shared, members: [] }],
      [
        'POST',
        `/api/v1/sessions/${sessionId}/group-note/sign`,
        { patientIds: [patientId], attestation: true },
      ],
      ['POST', `/api/v1/sessions/${sessionId}/notes`, { patientId }],
      ['PUT', `/api/v1/notes/${noteId}`, { body: { participation: 'Taken over' } }],
      ['POST', `/api/v1/notes/${noteId}/sign`, { attestation: true }],
      ['POST', `/api/v1/notes/${noteId}/cosign`, { attestation: true }],
      ['POST', `/api/v1/notes/${noteId}/addenda`, { reason: 'Taken over', text: 'Intrusion' }],
      ['POST', `/api/v1/episodes/${episode.id}/stepping-down`, { since: '2026-10-28' }],
    ];
    for (const [method, url, body] of writes) {
      const res = await them.request(method, url, body);
      expect({ url, method, status: res.statusCode }).toEqual({ url, method, status: 404 });
      expect(res.body).not.toContain('Private');
    }

    // Their own day, caseload and queue show nothing of the first organization.
    expect((await them.get('/api/v1/today')).json()).toMatchObject({ sessions: [], caseload: [] });
    expect((await them.get('/api/v1/caseload')).json().items).toEqual([]);
    expect((await them.get('/api/v1/notes/queue')).json()).toEqual({ toWrite: [], drafts: [], toCosign: [] });

    // Nothing of the first organization changed.
    const roll = (await theo.get(`/api/v1/sessions/${sessionId}/roll-call`)).json();
    expect(roll.members[0].attendance.status).toBe('present');
    const note = (await theo.get(`/api/v1/notes/${noteId}`)).json();
    expect(note).toMatchObject({ status: 'signed', body: member, addenda: [] });
  });

  it('a second organization’s staff get 404 on the first’s plans, outcomes, kiosk and safety plans', async () => {
    t.clock.set('2026-10-28T12:00:00Z');
    const first = await schedulingClinic(t);
    await addEveningBlock(first, '2026-10-28');
    const episode = await admitMember(first, { givenName: 'Private', familyName: 'Member' }, '2026-10-28');
    const patientId = episode.patient.id;
    const casey = await signIn(t, first.people.therapist2);
    const content = {
      problems: [{ id: 'p1', statement: 'Low mood', diagnoses: [] }],
      goals: [],
      interventions: [],
      dischargeCriteria: '',
      stepDownCriteria: '',
    };
    const draft = await casey.put(`/api/v1/episodes/${episode.id}/treatment-plan/draft`, {
      content,
      payerReviewIntervalDays: null,
    });
    const planId: string = draft.json().id;
    const safety = {
      warningSigns: ['Not sleeping'],
      copingStrategies: ['Walk'],
      distractions: [],
      helpContacts: [],
      professionals: [],
      environmentSafety: ['Pills with my sister'],
      reasonsForLiving: ['My kids'],
    };
    expect(
      (await casey.post(`/api/v1/patients/${patientId}/safety-plan`, { content: safety, reason: 'initial' }))
        .statusCode,
    ).toBe(201);

    const second = await schedulingClinic(t);
    const them = second.director;
    const reads = [
      `/api/v1/patients/${patientId}/treatment-plan`,
      `/api/v1/episodes/${episode.id}/treatment-plan`,
      `/api/v1/treatment-plans/${planId}`,
      `/api/v1/patients/${patientId}/outcomes`,
      `/api/v1/programs/${first.program.id}/outcomes`,
      `/api/v1/programs/${first.program.id}/measurement`,
      `/api/v1/patients/${patientId}/safety-plan`,
      `/api/v1/patients/${patientId}/safety-plan/versions/1`,
      `/api/v1/patients/${patientId}/safety-plan/pdf`,
    ];
    for (const url of reads) {
      const res = await them.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.body).not.toContain('Private');
    }
    const writes: [string, string, Record<string, unknown>][] = [
      [
        'PUT',
        `/api/v1/episodes/${episode.id}/treatment-plan/draft`,
        { content, payerReviewIntervalDays: null },
      ],
      ['POST', `/api/v1/treatment-plans/${planId}/sign`, { attestation: true }],
      ['POST', `/api/v1/treatment-plans/${planId}/cosign`, {}],
      [
        'POST',
        `/api/v1/treatment-plans/${planId}/patient-signature`,
        { kind: 'declined', reason: 'Intrusion' },
      ],
      [
        'PUT',
        `/api/v1/programs/${first.program.id}/measurement`,
        { measurementSchedule: [], planReviewIntervalDays: 7 },
      ],
      ['POST', `/api/v1/patients/${patientId}/kiosk`, { instruments: ['phq-9'] }],
      ['POST', `/api/v1/patients/${patientId}/safety-plan`, { content: safety, reason: 'routine' }],
    ];
    for (const [method, url, body] of writes) {
      const res = await them.request(method, url, body);
      expect({ url, method, status: res.statusCode }).toEqual({ url, method, status: 404 });
      expect(res.body).not.toContain('Private');
    }
    expect((await them.get('/api/v1/treatment-plans/reviews-due')).json().items).toEqual([]);

    // Nothing of the first organization changed.
    expect((await casey.get(`/api/v1/treatment-plans/${planId}`)).json()).toMatchObject({
      status: 'draft',
      content,
    });
    expect((await casey.get(`/api/v1/patients/${patientId}/safety-plan`)).json().versions).toHaveLength(1);
    expect(
      (await first.director.get(`/api/v1/programs/${first.program.id}/measurement`)).json(),
    ).toMatchObject({
      planReviewIntervalDays: null,
    });
  });
});
