import { describe, expect, it } from 'vitest';
import type { SafetyAlertDto } from '../../../contracts/safety.js';
import {
  createOrganization,
  createUser,
  MINUTE,
  signIn,
  useTestApp,
} from '../../../../test/support/test-app.js';

const t = useTestApp();

const assessment = {
  riskLevel: 'moderate',
  riskAssessment:
    'Passive ideation without plan or intent; protective factors: children, job. Denies access to firearms.',
  actionPlan: 'Safety plan reviewed; next contact tomorrow; family aware.',
};

async function clinic(settings: Record<string, unknown> = {}) {
  const { organization } = await createOrganization(t);
  const onCall = await createUser(t, organization.id, ['clinician'], 'On Call');
  await t.deps.database.db
    .updateTable('organizations')
    .set({
      settings: JSON.stringify({
        safetyEscalationMinutes: 30,
        ...settings,
        ...(settings.onCall ? { onCallClinicianUserId: onCall.id } : {}),
      }),
    })
    .where('id', '=', organization.id)
    .execute();
  const intake = await signIn(t, await createUser(t, organization.id, ['intake']));
  const clinician = await signIn(t, onCall);
  const director = await signIn(t, await createUser(t, organization.id, ['program_director']));
  const patient = (await intake.post('/api/v1/patients', { givenName: 'Casey', familyName: 'Moss' })).json<{
    id: string;
  }>();
  const record = (instrument: string, answers: unknown[]) =>
    intake.post(`/api/v1/patients/${patient.id}/administrations`, {
      instrument,
      answers,
      method: 'staff_entered',
    });
  return { organization, onCall, intake, clinician, director, patient, record };
}

describe('the crisis path', () => {
  it('front desk sees neither alerts nor screenings (clinical content)', async () => {
    const c = await clinic();
    await c.record('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const frontDesk = await signIn(t, await createUser(t, c.organization.id, ['front_desk']));
    expect((await frontDesk.get(`/api/v1/safety-alerts?patientId=${c.patient.id}`)).statusCode).toBe(403);
    expect((await frontDesk.get(`/api/v1/patients/${c.patient.id}/administrations`)).statusCode).toBe(403);
    expect((await frontDesk.get(`/api/v1/patients/${c.patient.id}`)).statusCode).toBe(200);
  });

  it('PHQ-9 item 9 above 0 opens an alert and a task for the on-call clinician, even with a low total', async () => {
    const c = await clinic({ onCall: true });
    const res = await c.record('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(res.json().alert).toMatchObject({
      acuity: 'non_acute',
      status: 'open',
      reason: expect.stringContaining('PHQ-9'),
    });
    expect(res.json().crisisSteps).toBeNull();
    const tasks = (await c.clinician.get('/api/v1/tasks')).json().items;
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'safety_alert_follow_up',
        assigneeUserId: c.onCall.id,
        patientId: c.patient.id,
      }),
    ]);
    const banner = (await c.intake.get(`/api/v1/safety-alerts?patientId=${c.patient.id}&status=open`)).json()
      .items;
    expect(banner).toHaveLength(1);
  });

  it('an acute result returns the immediate steps to whoever entered it', async () => {
    const c = await clinic();
    const res = await c.record('asq', [true, false, false, false, true]);
    expect(res.json().alert.acuity).toBe('acute');
    expect(res.json().crisisSteps.steps.join(' ')).toMatch(/988/);
    expect(res.json().crisisSteps.steps.join(' ')).toMatch(/911/);
  });

  it('without an on-call clinician, any clinician gets the task', async () => {
    const c = await clinic();
    await c.record('asq', [false, true, false, false, false]);
    const tasks = (await c.clinician.get('/api/v1/tasks')).json().items;
    expect(tasks[0]).toMatchObject({ assigneeRole: 'clinician', assigneeUserId: null });
  });

  it('a non-suicide result opens no alert', async () => {
    const c = await clinic();
    expect((await c.record('phq-9', [3, 3, 3, 3, 3, 3, 3, 3, 0])).json().alert).toBeNull();
    expect((await c.clinician.get('/api/v1/safety-alerts?status=open')).json().items).toEqual([]);
  });

  it('a licensed clinician acknowledges with a documented risk assessment; the task closes', async () => {
    const c = await clinic({ onCall: true });
    const alert = (await c.record('phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 2])).json().alert as SafetyAlertDto;
    expect(
      (await c.intake.post(`/api/v1/safety-alerts/${alert.id}/acknowledge`, assessment)).statusCode,
    ).toBe(403);
    const thin = await c.clinician.post(`/api/v1/safety-alerts/${alert.id}/acknowledge`, {
      ...assessment,
      riskAssessment: 'fine',
    });
    expect(thin.statusCode).toBe(400);
    expect(thin.json().errors[0].path).toBe('riskAssessment');
    const ok = await c.clinician.post(`/api/v1/safety-alerts/${alert.id}/acknowledge`, assessment);
    expect(ok.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'On Call',
      riskLevel: 'moderate',
    });
    expect((await c.clinician.get('/api/v1/tasks')).json().items).toEqual([]);
    expect(
      (await c.clinician.post(`/api/v1/safety-alerts/${alert.id}/acknowledge`, assessment)).statusCode,
    ).toBe(409);
    // The audit log says what happened, never the clinical content (administrators read it).
    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('resource_type', '=', 'SafetyAlert')
      .where('resource_id', '=', alert.id)
      .where('action', '=', 'update')
      .execute();
    expect(events.map((e) => e.details)).toEqual([{ change: 'acknowledge' }]);
  });

  it('an unacknowledged alert escalates to the program director after the configured minutes, once', async () => {
    const c = await clinic({ safetyEscalationMinutes: 10 });
    await c.record('asq', [true, true, false, false, false]);
    t.clock.advance(9 * MINUTE);
    await t.deps.safety.escalateOverdue();
    expect((await c.director.get('/api/v1/tasks')).json().items).toEqual([]);
    t.clock.advance(2 * MINUTE);
    await t.deps.safety.escalateOverdue();
    await t.deps.safety.escalateOverdue();
    const tasks = (await c.director.get('/api/v1/tasks')).json().items;
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'safety_alert_escalation', assigneeRole: 'program_director' }),
    ]);
    const [alert] = (await c.director.get('/api/v1/safety-alerts?status=open')).json().items;
    expect(alert.escalatedAt).not.toBeNull();
  });
});
