import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.js';
import { conflictsOf, intensityShortfallOf, isExplained } from './problems.js';

const problem = (extra: Record<string, unknown>) =>
  new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'x', ...extra });

describe('scheduling problems', () => {
  it('reads conflicts from a schedule_conflict problem', () => {
    const error = problem({
      code: 'schedule_conflict',
      conflicts: [{ code: 'room', message: 'Room B is booked' }],
    });
    expect(conflictsOf(error).map((c) => c.message)).toEqual(['Room B is booked']);
    expect(intensityShortfallOf(error)).toBeNull();
    expect(isExplained(error)).toBe(true);
  });

  it('reads the intensity from an intensity_shortfall problem', () => {
    const intensity = {
      weekOf: '2026-05-04',
      hoursPerWeek: 6,
      daysPerWeek: 2,
      hoursByDay: {},
      ok: false,
      shortfalls: [],
    };
    const error = problem({ code: 'intensity_shortfall', intensity });
    expect(intensityShortfallOf(error)).toEqual(intensity);
    expect(conflictsOf(error)).toEqual([]);
  });

  it('ignores other errors', () => {
    expect(conflictsOf(new Error('x'))).toEqual([]);
    expect(intensityShortfallOf(undefined)).toBeNull();
    expect(isExplained(problem({ code: 'validation' }))).toBe(false);
  });
});
