import { describe, expect, it } from 'vitest';
import { defaultIntensity, emptyProgramForm, programBody } from './program-form.js';

describe('program form', () => {
  it('defaults adult programs to 9 hours and adolescent ones to 6', () => {
    expect(defaultIntensity('').minHoursPerWeek).toBe(9);
    expect(defaultIntensity(64).minHoursPerWeek).toBe(9);
    expect(defaultIntensity(17).minHoursPerWeek).toBe(6);
  });

  it('builds the request body, a blank upper age meaning none', () => {
    const body = programBody({ ...emptyProgramForm(), locationId: 'loc', name: ' Adult IOP ' });
    expect(body).toMatchObject({ locationId: 'loc', name: 'Adult IOP', maxAge: null, minAge: 18 });
    expect(body.intensity.minHoursPerWeek).toBe(9);
    expect(programBody({ ...emptyProgramForm(), maxAge: 17 }).maxAge).toBe(17);
  });
});
