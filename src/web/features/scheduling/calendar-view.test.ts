import { describe, expect, it } from 'vitest';
import { defaultScope, isPickableScope, step, visibleRange } from './calendar-view.js';

describe('calendar view', () => {
  it('shows Monday to Sunday in week view and one day in day view', () => {
    expect(visibleRange('week', '2026-05-06')).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(visibleRange('day', '2026-05-06')).toEqual({ from: '2026-05-06', to: '2026-05-06' });
  });

  it('steps a week or a day', () => {
    expect(step('week', '2026-05-06', 1)).toBe('2026-05-13');
    expect(step('day', '2026-05-06', -1)).toBe('2026-05-05');
  });

  it('opens clinicians on their own calendar', () => {
    expect(defaultScope(['clinician'])).toBe('clinician');
    expect(defaultScope(['front_desk'])).toBe('program');
    expect(isPickableScope('room')).toBe(true);
    expect(isPickableScope('patient')).toBe(false);
  });
});
