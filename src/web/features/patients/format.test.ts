import { describe, expect, it } from 'vitest';
import { ageInYears, elapsed } from './format.js';

describe('patient formatting', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageInYears('1990-04-12', new Date('2026-04-11T12:00:00Z'))).toBe(35);
    expect(ageInYears('1990-04-12', new Date('2026-04-12T00:00:00Z'))).toBe(36);
  });

  it('says how long ago in the largest whole unit', () => {
    const now = Date.parse('2026-05-10T12:00:00Z');
    expect(elapsed('2026-05-10T11:59:30Z', now)).toBe('less than a minute');
    expect(elapsed('2026-05-10T11:00:00Z', now)).toBe('1 hour');
    expect(elapsed('2026-05-07T11:00:00Z', now)).toBe('3 days');
  });
});
