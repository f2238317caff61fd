import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.js';
import { conflictsOf, groupConflicts, intensityShortfallOf, isExplained } from './problems.js';

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

describe('groupConflicts', () => {
  it('lists a clash repeated on many sessions once, with its count, in first-seen order', () => {
    const full = { code: 'room_over_capacity', message: 'Group Room B holds 12 people.' };
    const busy = { code: 'clinician_double_booked', message: 'Taylor Reed is already booked.' };
    expect(groupConflicts([full, busy, full, full])).toEqual([
      { message: 'Group Room B holds 12 people.', count: 3 },
      { message: 'Taylor Reed is already booked.', count: 1 },
    ]);
  });
});
