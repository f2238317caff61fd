import { beforeEach, describe, expect, it } from 'vitest';
import type {
  EpisodePlanDto,
  PlanContent,
  PlanReviewDueDto,
  TreatmentPlanDto,
} from '../../../contracts/plans.js';
import type { GroupNoteDto } from '../../../contracts/notes.js';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp, type Session } from '../../../../test/support/test-app.js';
import {
  calendarOf,
  eveningGroupClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York.
const MORNING = '2026-10-28T12:00:00Z';

let clinic: SchedulingClinic;
let member: EpisodeDto;
let therapist: Session;

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

/** A complete plan: one problem, two goals (one with a PHQ-9 target), two interventions. */
const completePlan = (): PlanContent => ({
  problems: [
    {
      id: 'p1',
      statement: 'Depressed mood most days since the hospital stay',
      diagnoses: [{ system: ICD, code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' }],
    },
  ],
  goals: [
    {
      id: 'g1',
      problemIds: ['p1'],
      statement: 'I want to get out of bed and go back to work',
      objectives: [
        {
          id: 'o1',
          description: 'PHQ-9 below 10',
          targetDate: '2026-12-15',
          scoreTarget: { instrumentId: 'phq-9', below: 10 },
        },
      ],
    },
    {
      id: 'g2',
      problemIds: ['p1'],
      statement: 'I want to call my sister when things get bad',
      objectives: [
        {
          id: 'o2',
          description: 'Uses one coping skill a day, by self-report',
          targetDate: '2026-11-30',
          scoreTarget: null,
        },
      ],
    },
  ],
  interventions: [
    {
      id: 'i1',
      modality: 'group_therapy',
      description: 'Process group',
      frequencyPerWeek: 3,
      discipline: 'therapist',
      goalIds: ['g1', 'g2'],
    },
    {
      id: 'i2',
      modality: 'medication_management',
      description: 'Antidepressant review',
      frequencyPerWeek: 0.25,
      discipline: 'prescriber',
      goalIds: ['g1'],
    },
  ],
  dischargeCriteria: 'PHQ-9 below 10 for two weeks and back at work part time.',
  stepDownCriteria: 'Attends all groups for two weeks with no safety concerns.',
});

const draftUrl = () => `/api/v1/episodes/${member.id}/treatment-plan/draft`;

async function writeAndSign(who: Session, content = completePlan()) {
  const saved = await who.put(draftUrl(), { content, payerReviewIntervalDays: null });
  expect(saved.statusCode, saved.body).toBe(200);
  const plan = saved.json<TreatmentPlanDto>();
  const signed = await who.post(`/api/v1/treatment-plans/${plan.id}/sign`, { attestation: true });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json<TreatmentPlanDto>();
}

beforeEach(async () => {
  t.clock.set(MORNING);
  ({
    clinic,
    members: [member],
  } = (await eveningGroupClinic(t, '2026-10-28', [{ givenName: 'Morgan', familyName: 'Lee' }])) as {
    clinic: SchedulingClinic;
    members: [EpisodeDto];
  });
  therapist = await signIn(t, clinic.people.therapist2);
});

describe('diagnosis codes', () => {
  it('finds F codes by code or by words, and needs a signed-in user', async () => {
    const byCode = await therapist.get('/api/v1/diagnoses?q=f33.1');
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json<{ items: { code: string; system: string }[] }>().items[0]).toMatchObject({
      code: 'F33.1',
      system: ICD,
    });
    const byWords = await therapist.get('/api/v1/diagnoses?q=stress%20post');
    expect(byWords.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain('F43.10');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/diagnoses?q=F32' })).statusCode).toBe(401);
  });
});

describe('loading the CDC code file', () => {
  it('adds the chapter’s codes to the search, keeps the shipped ones, and refuses a file without F codes', async () => {
    const file = [
      'A000    Cholera due to Vibrio cholerae 01, biovar cholerae',
      'F0390   Unspecified dementia, unspecified severity, without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety',
      'F331    Major depressive disorder, recurrent, moderate',
    ].join('\n');
    expect(await t.deps.plans.importIcd10cm(file, 'icd10cm-codes-test.txt')).toBe(2);
    const search = async (q: string) =>
      (await therapist.get(`/api/v1/diagnoses?q=${encodeURIComponent(q)}`)).json<{
        items: { code: string }[];
      }>().items;
    expect((await search('F03.90')).map((i) => i.code)).toEqual(['F03.90']);
    expect((await search('post traumatic')).map((i) => i.code)).toContain('F43.10');
    expect(await search('cholera')).toEqual([]);
    await expect(t.deps.plans.importIcd10cm('A000    Cholera', 'other.txt')).rejects.toThrow(/no F01–F99/);
  });
});

describe('writing and signing a plan', () => {
  it('refuses to sign an incomplete plan, naming what is missing, and changes nothing', async () => {
    const content = completePlan();
    content.goals[1]!.objectives = [];
    content.dischargeCriteria = '';
    const saved = await therapist.put(draftUrl(), { content, payerReviewIntervalDays: null });
    expect(saved.statusCode, saved.body).toBe(200);
    const draft = saved.json<TreatmentPlanDto>();
    expect(draft.signingProblems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['content.goals.1.objectives', 'content.dischargeCriteria']),
    );
    const refused = await therapist.post(`/api/v1/treatment-plans/${draft.id}/sign`, { attestation: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(
      'content.dischargeCriteria',
    );
    const after = await therapist.get(`/api/v1/treatment-plans/${draft.id}`);
    expect(after.json<TreatmentPlanDto>().status).toBe('draft');
    const noAttestation = await therapist.post(`/api/v1/treatment-plans/${draft.id}/sign`, {});
    expect(noAttestation.statusCode).toBe(400);
  });

  it('signs a complete plan with its hash and next review date, and never changes it after', async () => {
    const signed = await writeAndSign(therapist);
    expect(signed).toMatchObject({
      status: 'signed',
      version: 1,
      effectiveOn: '2026-10-28',
      reviewDueOn: '2026-11-27',
      reviewStatus: 'not_due',
      canEdit: false,
    });
    expect(signed.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.objectives.find((o) => o.objectiveId === 'o1')).toMatchObject({ progress: 'no_score' });
    const again = await therapist.post(`/api/v1/treatment-plans/${signed.id}/sign`, { attestation: true });
    expect(again.statusCode).toBe(409);
    // Under the service, the database itself refuses to change or delete a signed version.
    const { db } = t.deps.database;
    await expect(
      db.updateTable('treatment_plans').set({ content: '{}' }).where('id', '=', signed.id).execute(),
    ).rejects.toThrow(/signed record does not change/);
    await expect(db.deleteFrom('treatment_plans').where('id', '=', signed.id).execute()).rejects.toThrow(
      /signed record does not change/,
    );
    const read = await therapist.get(`/api/v1/patients/${member.patient.id}/treatment-plan`);
    const plan = read.json<EpisodePlanDto>();
    expect(plan.current?.id).toBe(signed.id);
    expect(plan.current?.contentSha256).toBe(signed.contentSha256);
    expect(plan.draft).toBeNull();
    expect(plan.reviewIntervalDays).toBe(30);
  });

  it('uses the stricter of the program and payer review intervals', async () => {
    const setting = await clinic.director.put(`/api/v1/programs/${clinic.program.id}/measurement`, {
      measurementSchedule: [],
      planReviewIntervalDays: 60,
    });
    expect(setting.statusCode, setting.body).toBe(200);
    const saved = await therapist.put(draftUrl(), { content: completePlan(), payerReviewIntervalDays: 14 });
    const plan = saved.json<TreatmentPlanDto>();
    const signed = await therapist.post(`/api/v1/treatment-plans/${plan.id}/sign`, { attestation: true });
    expect(signed.json<TreatmentPlanDto>().reviewDueOn).toBe('2026-11-11');
  });

  it('records the patient signing on screen, once, after the clinician', async () => {
    const draft = (
      await therapist.put(draftUrl(), { content: completePlan(), payerReviewIntervalDays: null })
    ).json<TreatmentPlanDto>();
    const early = await therapist.post(`/api/v1/treatment-plans/${draft.id}/patient-signature`, {
      kind: 'signed',
      name: 'Morgan Lee',
      agreement: true,
    });
    expect(early.statusCode).toBe(409);
    await therapist.post(`/api/v1/treatment-plans/${draft.id}/sign`, { attestation: true });
    const res = await therapist.post(`/api/v1/treatment-plans/${draft.id}/patient-signature`, {
      kind: 'signed',
      name: 'Morgan Lee',
      agreement: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TreatmentPlanDto>().patientSignature).toMatchObject({
      name: 'Morgan Lee',
      witness: { id: clinic.people.therapist2.id },
      declinedReason: null,
    });
    const twice = await therapist.post(`/api/v1/treatment-plans/${draft.id}/patient-signature`, {
      kind: 'declined',
      reason: 'Changed mind',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a review records progress per objective and the changes as a new version that supersedes the old', async () => {
    const v1 = await writeAndSign(therapist);
    t.clock.set('2026-11-25T15:00:00Z');
    therapist = await signIn(t, clinic.people.therapist2);
    const content = completePlan();
    content.goals[0]!.objectives[0]!.targetDate = '2027-01-15';
    content.interventions[0]!.frequencyPerWeek = 2;
    const review = await therapist.put(draftUrl(), {
      content,
      payerReviewIntervalDays: null,
      review: {
        progress: [
          { objectiveId: 'o1', progress: 'progressing', comment: 'PHQ-9 down from 18 to 13' },
          { objectiveId: 'o2', progress: 'met', comment: '' },
        ],
        summary: 'Improving; fewer groups as work resumes.',
      },
    });
    expect(review.statusCode, review.body).toBe(200);
    const v2 = review.json<TreatmentPlanDto>();
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.review?.reviewedOn).toBe('2026-11-25');
    expect(v2.review?.changes.length).toBeGreaterThanOrEqual(2);
    const signed = await therapist.post(`/api/v1/treatment-plans/${v2.id}/sign`, { attestation: true });
    expect(signed.json<TreatmentPlanDto>()).toMatchObject({ status: 'signed', reviewDueOn: '2026-12-25' });
    const old = await therapist.get(`/api/v1/treatment-plans/${v1.id}`);
    expect(old.json<TreatmentPlanDto>()).toMatchObject({
      status: 'superseded',
      contentSha256: v1.contentSha256,
    });
    const episode = (
      await therapist.get(`/api/v1/episodes/${member.id}/treatment-plan`)
    ).json<EpisodePlanDto>();
    expect(episode.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'signed'],
      [1, 'superseded'],
    ]);
  });

  it('keeps a supervised clinician’s plan pending until their supervisor co-signs', async () => {
    const supervised = await clinic.director.put(`/api/v1/staff/${clinic.people.trainee.id}/scheduling`, {
      credentials: 'LMSW',
      supervisorId: clinic.people.therapist.id,
      availability: [],
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    const trainee = await signIn(t, clinic.people.trainee);
    const pending = await writeAndSign(trainee);
    expect(pending).toMatchObject({ status: 'pending_cosign', cosigner: { id: clinic.people.therapist.id } });
    expect((await therapist.post(`/api/v1/treatment-plans/${pending.id}/cosign`)).statusCode).toBe(403);
    const supervisor = await signIn(t, clinic.people.therapist);
    const cosigned = await supervisor.post(`/api/v1/treatment-plans/${pending.id}/cosign`);
    expect(cosigned.statusCode, cosigned.body).toBe(200);
    expect(cosigned.json<TreatmentPlanDto>()).toMatchObject({ status: 'signed' });
  });

  it('keeps a draft with its author, and refuses the front desk', async () => {
    const draft = (
      await therapist.put(draftUrl(), { content: completePlan(), payerReviewIntervalDays: null })
    ).json<TreatmentPlanDto>();
    const other = await signIn(t, clinic.people.therapist);
    expect((await other.get(`/api/v1/treatment-plans/${draft.id}`)).statusCode).toBe(404);
    const episode = (await other.get(`/api/v1/episodes/${member.id}/treatment-plan`)).json<EpisodePlanDto>();
    expect(episode.draft).toBeNull();
    const overwrite = await other.put(draftUrl(), { content: completePlan(), payerReviewIntervalDays: null });
    expect(overwrite.statusCode).toBe(409);
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get(`/api/v1/patients/${member.patient.id}/treatment-plan`)).statusCode).toBe(403);
    expect(
      (await desk.put(draftUrl(), { content: completePlan(), payerReviewIntervalDays: null })).statusCode,
    ).toBe(403);
  });

  it('rejects a malformed plan body with field errors', async () => {
    const content = completePlan() as unknown as { interventions: { modality: string }[] };
    content.interventions[0]!.modality = 'hypnosis';
    const res = await therapist.put(draftUrl(), { content, payerReviewIntervalDays: null });
    expect(res.statusCode).toBe(400);
    const plan = (await therapist.get(`/api/v1/episodes/${member.id}/treatment-plan`)).json<EpisodePlanDto>();
    expect(plan.draft).toBeNull();
  });
});

describe('reviews due', () => {
  it('lists my patients without a plan, then with a review due this week, then overdue', async () => {
    // Signs in afresh: moving the clock ends idle sessions.
    const due = async () => {
      const res = await (
        await signIn(t, clinic.people.therapist2)
      ).get('/api/v1/treatment-plans/reviews-due');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: PlanReviewDueDto[] }>().items;
    };
    expect(await due()).toEqual([
      expect.objectContaining({ patientId: member.patient.id, status: 'no_plan' }),
    ]);
    await writeAndSign(therapist);
    expect(await due()).toEqual([]);
    t.clock.set('2026-11-23T15:00:00Z'); // Monday; due Friday 27th
    expect(await due()).toEqual([expect.objectContaining({ status: 'due_this_week', dueOn: '2026-11-27' })]);
    t.clock.set('2026-11-30T15:00:00Z');
    expect(await due()).toEqual([expect.objectContaining({ status: 'overdue' })]);
    const other = await signIn(t, clinic.people.therapist);
    expect(
      (await other.get('/api/v1/treatment-plans/reviews-due')).json<{ items: unknown[] }>().items,
    ).toEqual([]);
    const director = await signIn(t, clinic.people.director);
    expect(
      (await director.get('/api/v1/treatment-plans/reviews-due')).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
  });
});

describe('notes link to plan goals', () => {
  it('offers the member’s current goals on the group note, keeps the chosen ones and refuses unknown goals', async () => {
    await writeAndSign(therapist);
    const [session] = (await calendarOf(
      clinic.director,
      'track',
      clinic.track.id,
      '2026-10-28',
      '2026-10-28',
    )) as [SessionDto];
    t.clock.set('2026-10-28T23:00:00Z');
    const facilitator = await signIn(t, clinic.people.therapist);
    await facilitator.put(`/api/v1/sessions/${session.id}/attendance`, {
      marks: [{ patientId: member.patient.id, status: 'present' }],
    });
    const opened = (await facilitator.get(`/api/v1/sessions/${session.id}/group-note`)).json<GroupNoteDto>();
    expect(opened.members[0]!.planGoals.map((g) => g.id)).toEqual(['g1', 'g2']);
    const save = (goalIds: string[]) =>
      facilitator.put(`/api/v1/sessions/${session.id}/group-note`, {
        shared: {},
        members: [{ patientId: member.patient.id, body: { participation: 'Engaged' }, goalIds }],
      });
    const bad = await save(['g9']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('members.0.goalIds.0');
    const ok = await save(['g2']);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<GroupNoteDto>().members[0]!.goalIds).toEqual(['g2']);
  });
});
