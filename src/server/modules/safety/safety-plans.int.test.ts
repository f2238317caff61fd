import { beforeEach, describe, expect, it } from 'vitest';
import type {
  SafetyPlanContent,
  SafetyPlanDto,
  SafetyPlanVersionDto,
} from '../../../contracts/safety-plans.js';
import type { EpisodeDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp, type Session } from '../../../../test/support/test-app.js';
import { eveningGroupClinic, type SchedulingClinic } from '../../../../test/support/scheduling.js';

const t = useTestApp();

let clinic: SchedulingClinic;
let member: EpisodeDto;
let therapist: Session;

const plan = (): SafetyPlanContent => ({
  warningSigns: ['Not sleeping', 'Staying in my room all day'],
  copingStrategies: ['Walk the dog', 'Cold shower'],
  distractions: [{ name: 'Coffee shop on Main St', phone: null, note: null }],
  helpContacts: [{ name: 'My sister Ana', phone: '555-0101', note: null }],
  professionals: [{ name: 'Theo (therapist)', phone: '555-0199', note: 'Weekdays' }],
  environmentSafety: ['Pills kept by my sister'],
  reasonsForLiving: ['My kids'],
});

const url = () => `/api/v1/patients/${member.patient.id}/safety-plan`;

beforeEach(async () => {
  t.clock.set('2026-10-28T12:00:00Z');
  let members: EpisodeDto[];
  ({ clinic, members } = await eveningGroupClinic(t, '2026-10-28', [
    { givenName: 'Morgan', familyName: 'Lee' },
  ]));
  member = members[0]!;
  therapist = await signIn(t, clinic.people.therapist2);
});

describe('safety plans', () => {
  it('starts from a template with 988, saves versions with 988 always first, and keeps every version', async () => {
    const empty = (await therapist.get(url())).json<SafetyPlanDto>();
    expect(empty.current).toBeNull();
    expect(empty.review).toMatchObject({ needed: true });
    expect(empty.template.professionals[0]).toMatchObject({ phone: '988' });
    const first = await therapist.post(url(), { content: plan(), reason: 'initial' });
    expect(first.statusCode, first.body).toBe(201);
    const v1 = first.json<SafetyPlanVersionDto>();
    expect(v1.version).toBe(1);
    expect(v1.content.professionals.map((p) => p.phone)).toEqual(['988', '555-0199']);
    const changed = plan();
    changed.copingStrategies.push('Call the warmline');
    t.clock.set('2026-10-29T12:00:00Z');
    therapist = await signIn(t, clinic.people.therapist2);
    const second = await therapist.post(url(), { content: changed, reason: 'routine' });
    expect(second.json<SafetyPlanVersionDto>().version).toBe(2);
    const read = (await therapist.get(url())).json<SafetyPlanDto>();
    expect(read.current?.content.copingStrategies).toContain('Call the warmline');
    expect(read.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(read.review.needed).toBe(false);
    const old = await therapist.get(`${url()}/versions/1`);
    expect(old.json<SafetyPlanVersionDto>().content.copingStrategies).toEqual([
      'Walk the dog',
      'Cold shower',
    ]);
  });

  it('refuses an incomplete plan with field errors and saves nothing', async () => {
    const incomplete = { ...plan(), warningSigns: ['  '], reasonsForLiving: [] };
    const res = await therapist.post(url(), { content: incomplete, reason: 'initial' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['content.warningSigns', 'content.reasonsForLiving']),
    );
    expect((await therapist.get(url())).json<SafetyPlanDto>().versions).toEqual([]);
  });

  it('asks for a review when a safety alert is raised after the plan, and links the review to it', async () => {
    await therapist.post(url(), { content: plan(), reason: 'initial' });
    t.clock.set('2026-10-30T12:00:00Z');
    therapist = await signIn(t, clinic.people.therapist2);
    const positive = await therapist.post(`/api/v1/patients/${member.patient.id}/administrations`, {
      instrument: 'phq-9',
      answers: [2, 2, 2, 2, 2, 1, 1, 1, 2],
      method: 'staff_entered',
    });
    const alertId = positive.json<{ alert: { id: string } }>().alert.id;
    const needs = (await therapist.get(url())).json<SafetyPlanDto>();
    expect(needs.review).toMatchObject({ needed: true });
    const reviewed = await therapist.post(url(), {
      content: plan(),
      reason: 'risk_change',
      safetyAlertId: alertId,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(reviewed.json<SafetyPlanVersionDto>()).toMatchObject({ version: 2, safetyAlertId: alertId });
    expect((await therapist.get(url())).json<SafetyPlanDto>().review.needed).toBe(false);
  });

  it('prints the plan as a PDF and audits the export', async () => {
    await therapist.post(url(), { content: plan(), reason: 'initial' });
    const pdf = await therapist.get(`${url()}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await therapist.get(`${url()}/pdf?version=7`)).statusCode).toBe(404);
    const admin = await signIn(t, clinic.admin);
    const audit = await admin.get(`/api/v1/audit-events?patientId=${member.patient.id}&action=export`);
    expect(audit.json<{ items: { resourceType: string }[] }>().items.map((e) => e.resourceType)).toContain(
      'SafetyPlan',
    );
  });

  it('lets only clinical staff read it and licensed staff write it', async () => {
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get(url())).statusCode).toBe(403);
    const intake = await signIn(t, clinic.people.intake);
    expect((await intake.get(url())).statusCode).toBe(200);
    expect((await intake.post(url(), { content: plan(), reason: 'initial' })).statusCode).toBe(403);
  });
});
