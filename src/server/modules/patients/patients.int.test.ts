import { describe, expect, it } from 'vitest';
import type { PatientDto } from '../../../contracts/patients.js';
import { createOrganization, createUser, signIn, useTestApp } from '../../../../test/support/test-app.js';

const t = useTestApp();

async function intakeSession() {
  const { organization } = await createOrganization(t);
  return { organization, s: await signIn(t, await createUser(t, organization.id, ['intake'])) };
}

const jane = {
  givenName: 'Jane',
  familyName: 'Doe',
  preferredName: 'Janie',
  pronouns: 'she/her',
  dateOfBirth: '1990-04-07',
  sexAssignedAtBirth: 'female',
  genderIdentity: 'woman',
  phone: '(555) 010-2000',
  email: 'jane@example.com',
  address: { line1: '1 Main St', city: 'Riverside', state: 'NY', postalCode: '10001' },
  preferredLanguage: 'English',
  emergencyContact: { name: 'John Doe', relationship: 'spouse', phone: '555-010-2001' },
};

describe('patients', () => {
  it('creates a full record with an MRN issued in sequence per organization, audited', async () => {
    const { organization, s } = await intakeSession();
    const a = await s.post('/api/v1/patients', jane);
    expect(a.statusCode).toBe(201);
    expect(a.json<PatientDto>()).toMatchObject({ ...jane, mrn: '000001' });
    const b = await s.post('/api/v1/patients', { givenName: 'Ann', familyName: 'Lee' });
    expect(b.json().mrn).toBe('000002');
    const other = await intakeSession();
    expect((await other.s.post('/api/v1/patients', { givenName: 'Bo', familyName: 'Li' })).json().mrn).toBe(
      '000001',
    );

    const events = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'patient_id'])
      .where('organization_id', '=', organization.id)
      .where('resource_type', '=', 'Patient')
      .execute();
    expect(events).toContainEqual({ action: 'create', resource_type: 'Patient', patient_id: a.json().id });
  });

  it('warns of a duplicate (same name and date of birth) and creates only when confirmed', async () => {
    const { s } = await intakeSession();
    const first = (await s.post('/api/v1/patients', jane)).json<PatientDto>();
    const dup = await s.post('/api/v1/patients', { ...jane, givenName: 'JANE', email: null });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('possible_duplicate');
    expect(dup.json().duplicates).toEqual([expect.objectContaining({ id: first.id, mrn: first.mrn })]);
    expect((await s.post('/api/v1/patients', { ...jane, confirmNotDuplicate: true })).statusCode).toBe(201);
    // Showing the matches discloses them: that read is audited.
    const checks = await t.deps.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('resource_type', '=', 'PatientDuplicateCheck')
      .execute();
    expect(checks.map((c) => c.details)).toContainEqual({ count: 1, patientIds: [first.id] });
  });

  it('finds patients by typo-tolerant name, MRN or date of birth', async () => {
    const { s } = await intakeSession();
    const p = (
      await s.post('/api/v1/patients', {
        givenName: 'Jonathan',
        familyName: 'Smith',
        dateOfBirth: '1985-12-01',
      })
    ).json<PatientDto>();
    await s.post('/api/v1/patients', { givenName: 'Maria', familyName: 'Garcia', dateOfBirth: '1970-01-01' });
    const names = async (q: string) =>
      (await s.get(`/api/v1/patients?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await names('Jonathon Smith')).toEqual([p.id]);
    expect(await names('smyth')).toEqual([p.id]);
    expect(await names('jon')).toEqual([p.id]);
    expect(await names(p.mrn)).toEqual([p.id]);
    expect(await names(String(Number(p.mrn)))).toEqual([p.id]);
    expect(await names('12/1/1985')).toEqual([p.id]);
    expect(await names('1985-12-01')).toEqual([p.id]);
    expect(await names('Zebulon')).toEqual([]);
    expect((await s.get('/api/v1/patients?q=')).statusCode).toBe(400);
  });

  it('reads and edits a record; every read is audited with the patient', async () => {
    const { organization, s } = await intakeSession();
    const p = (await s.post('/api/v1/patients', jane)).json<PatientDto>();
    expect((await s.get(`/api/v1/patients/${p.id}`)).json()).toMatchObject(jane);
    const res = await s.patch(`/api/v1/patients/${p.id}`, { pronouns: 'they/them', address: null });
    expect(res.json()).toMatchObject({ pronouns: 'they/them', address: null, givenName: 'Jane' });
    const reads = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', organization.id)
      .where('patient_id', '=', p.id)
      .execute();
    expect(reads.map((r) => r.action).sort()).toEqual(['create', 'read', 'update']);
  });

  it('rejects bad input field by field and changes nothing', async () => {
    const { s } = await intakeSession();
    const res = await s.post('/api/v1/patients', {
      givenName: '',
      familyName: 'X',
      dateOfBirth: '1990-13-01',
      email: 'nope',
      sexAssignedAtBirth: 'other',
      phone: 'call me',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['dateOfBirth', 'email', 'givenName', 'phone', 'sexAssignedAtBirth']);
    expect((await s.get('/api/v1/patients?q=X')).json().items).toEqual([]);
    expect(
      (await s.patch('/api/v1/patients/00000000-0000-4000-8000-000000000000', { pronouns: 'x' })).statusCode,
    ).toBe(404);
  });

  it('is closed to roles without a need for patient records', async () => {
    const { organization, admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    expect((await s.get('/api/v1/patients?q=jane')).statusCode).toBe(403);
    const biller = await signIn(t, await createUser(t, organization.id, ['biller']));
    expect((await biller.post('/api/v1/patients', jane)).statusCode).toBe(403);
  });
});
