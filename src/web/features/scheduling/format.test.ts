import { describe, expect, it } from 'vitest';
import {
  byDay,
  describeAges,
  describeBlock,
  describeIntensity,
  describeSession,
  formatWeekdays,
} from './format.js';

describe('schedule formatting', () => {
  it('lists weekdays Monday first', () => {
    expect(formatWeekdays(['TH', 'MO', 'WE'])).toBe('Mon, Wed, Thu');
    expect(formatWeekdays([])).toBe('');
  });

  it('describes a program’s intensity rule', () => {
    expect(
      describeIntensity({
        minHoursPerWeek: 9,
        minDaysPerWeek: 3,
        maxDaysPerWeek: 5,
        minHoursPerDay: 2,
        maxHoursPerDay: 4,
      }),
    ).toBe('≥9 h/week, 3–5 days, 2–4 h/day');
    expect(
      describeIntensity({
        minHoursPerWeek: 20,
        maxHoursPerWeek: 30,
        minDaysPerWeek: 5,
        maxDaysPerWeek: 5,
        minHoursPerDay: 4,
        maxHoursPerDay: 6,
      }),
    ).toBe('20–30 h/week, 5 days, 4–6 h/day');
  });

  it('describes ages', () => {
    expect(describeAges(18, null)).toBe('18 and older');
    expect(describeAges(13, 17)).toBe('13–17');
  });

  it('describes a group block', () => {
    expect(
      describeBlock({
        weekdays: ['MO', 'WE', 'TH'],
        start: '18:00',
        end: '21:00',
        groupKind: 'process',
        room: { id: 'r', name: 'Room B' },
        telehealthUrl: null,
        maxSize: 12,
      }),
    ).toBe('Mon, Wed, Thu 18:00–21:00 · Process group · Room B · max 12');
  });

  it('describes a session with its head count', () => {
    const session = {
      start: '18:00',
      end: '21:00',
      title: 'Evening process group',
      room: { id: 'r', name: 'Room B' },
      telehealthUrl: null,
      participantCount: 8,
      maxSize: 12,
      kind: 'group' as const,
    };
    expect(describeSession(session)).toBe('18:00–21:00 Evening process group · Room B · 8/12');
    expect(
      describeSession({
        ...session,
        kind: 'individual',
        room: null,
        telehealthUrl: 'https://x',
        title: 'Therapy',
      }),
    ).toBe('18:00–21:00 Therapy · Telehealth');
    expect(
      describeSession({
        ...session,
        kind: 'family',
        title: 'Family therapy',
        participants: [{ name: 'Ana Ruiz' }],
      }),
    ).toBe('18:00–21:00 Family therapy with Ana Ruiz · Room B');
  });

  it('groups sessions by day in start order', () => {
    const days = byDay([
      { localDate: '2026-05-04', start: '18:00' },
      { localDate: '2026-05-05', start: '09:00' },
      { localDate: '2026-05-04', start: '09:00' },
    ]);
    expect(days.get('2026-05-04')?.map((s) => s.start)).toEqual(['09:00', '18:00']);
    expect(days.get('2026-05-05')).toHaveLength(1);
  });
});
