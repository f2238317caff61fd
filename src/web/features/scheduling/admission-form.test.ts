import { describe, expect, it } from 'vitest';
import { admitBody, initialAdmission } from './admission-form.js';

describe('admission form', () => {
  it('starts with weekly individual therapy on and eight weeks booked', () => {
    const values = initialAdmission('2026-05-04');
    expect(values.admittedOn).toBe('2026-05-04');
    expect(values.individual.on).toBe(true);
    expect(values.individual.durationMinutes).toBe(50);
    expect(values.medicationManagement.durationMinutes).toBe(30);
    expect(values.weeks).toBe(8);
  });

  it('sends only the appointments switched on, medication with the prescriber', () => {
    const values = {
      ...initialAdmission('2026-05-04'),
      programId: 'p',
      trackId: 't',
      primaryTherapistId: 'th',
      prescriberId: 'rx',
    };
    values.medicationManagement = { ...values.medicationManagement, on: true };
    const body = admitBody('ref', values);
    expect(body.individual).toMatchObject({ weekday: 'TU', durationMinutes: 50, everyWeeks: 1 });
    expect(body.medicationManagement).toMatchObject({ clinicianId: 'rx', everyWeeks: 4 });
    expect(body.family).toBeNull();
    expect(body).not.toHaveProperty('intensityOverrideReason');
    expect(
      admitBody('ref', { ...values, intensityOverrideReason: ' Starting slowly ' }).intensityOverrideReason,
    ).toBe('Starting slowly');
  });
});
