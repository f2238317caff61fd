import { describe, expect, it } from 'vitest';
import { assignModules, curriculumProgress } from './curriculum.js';
import type { CurriculumModuleRef, UpcomingCurriculumSession } from './curriculum.js';

/** A six-module relapse-prevention cycle. */
const MODULES: CurriculumModuleRef[] = [
  { id: 'm1', title: 'Understanding Triggers' },
  { id: 'm2', title: 'Coping Skills' },
  { id: 'm3', title: 'Emotion Regulation' },
  { id: 'm4', title: 'Healthy Relationships' },
  { id: 'm5', title: 'Relapse Warning Signs' },
  { id: 'm6', title: 'Relapse Prevention Plan' },
];

/** Upcoming sessions on consecutive Mon/Wed/Thu dates, cycling from module `startIndex`. */
function schedule(dates: string[], startIndex: number): UpcomingCurriculumSession[] {
  return assignModules(MODULES, dates.length, startIndex).map((moduleId, i) => ({
    sessionId: `s-${dates[i]}`,
    date: dates[i]!,
    moduleId: moduleId!,
  }));
}

const DATES = [
  '2026-11-30',
  '2026-12-02',
  '2026-12-03',
  '2026-12-07',
  '2026-12-09',
  '2026-12-10',
  '2026-12-14',
  '2026-12-16',
  '2026-12-17',
];

describe('assignModules', () => {
  it('assigns modules in order from the start', () => {
    expect(assignModules(MODULES, 6, 0)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });

  it('cycles back to the first module after the last', () => {
    expect(assignModules(MODULES, 9, 4)).toEqual(['m5', 'm6', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm1']);
  });

  it('takes startIndex modulo the number of modules, including negative indexes', () => {
    expect(assignModules(MODULES, 2, 6)).toEqual(['m1', 'm2']);
    expect(assignModules(MODULES, 2, 13)).toEqual(['m2', 'm3']);
    expect(assignModules(MODULES, 2, -1)).toEqual(['m6', 'm1']);
    expect(assignModules(MODULES, 2, -7)).toEqual(['m6', 'm1']);
  });

  it('count 0 gives an empty list', () => {
    expect(assignModules(MODULES, 0, 3)).toEqual([]);
  });

  it('a track with no curriculum gives null for every session', () => {
    expect(assignModules([], 3, 5)).toEqual([null, null, null]);
  });

  it('a one-module curriculum repeats that module', () => {
    expect(assignModules([{ id: 'only', title: 'Orientation' }], 3, 2)).toEqual(['only', 'only', 'only']);
  });

  it('rejects a negative or fractional count and a fractional startIndex', () => {
    expect(() => assignModules(MODULES, -1, 0)).toThrow(/Invalid count -1/);
    expect(() => assignModules(MODULES, 1.5, 0)).toThrow(/Invalid count/);
    expect(() => assignModules(MODULES, Number.NaN, 0)).toThrow(/Invalid count/);
    expect(() => assignModules(MODULES, 2, 0.5)).toThrow(/Invalid startIndex/);
  });
});

describe('curriculumProgress', () => {
  it('a member joining mid-cycle finishes the modules they missed in the next cycle', () => {
    // The track is at module 4 when the member joins: they attend m4..m6, then m1..m3 next cycle.
    const upcoming = schedule(DATES, 3);
    const p = curriculumProgress({ modules: MODULES, completedModuleIds: [], upcoming });
    expect(p.total).toBe(6);
    expect(p.completedCount).toBe(0);
    expect(p.remaining).toEqual([
      {
        moduleId: 'm1',
        title: 'Understanding Triggers',
        nextSessionId: 's-2026-12-07',
        nextDate: '2026-12-07',
      },
      { moduleId: 'm2', title: 'Coping Skills', nextSessionId: 's-2026-12-09', nextDate: '2026-12-09' },
      { moduleId: 'm3', title: 'Emotion Regulation', nextSessionId: 's-2026-12-10', nextDate: '2026-12-10' },
      {
        moduleId: 'm4',
        title: 'Healthy Relationships',
        nextSessionId: 's-2026-11-30',
        nextDate: '2026-11-30',
      },
      {
        moduleId: 'm5',
        title: 'Relapse Warning Signs',
        nextSessionId: 's-2026-12-02',
        nextDate: '2026-12-02',
      },
      {
        moduleId: 'm6',
        title: 'Relapse Prevention Plan',
        nextSessionId: 's-2026-12-03',
        nextDate: '2026-12-03',
      },
    ]);
    expect(p.finishesOn).toBe('2026-12-10');
    expect(p.complete).toBe(false);
  });

  it('after attending m4..m6, only the missed m1..m3 remain, finishing on the last of them', () => {
    const upcoming = schedule(DATES.slice(3), 0); // m1..m6 from 7 Dec
    const p = curriculumProgress({ modules: MODULES, completedModuleIds: ['m4', 'm5', 'm6'], upcoming });
    expect(p.completedCount).toBe(3);
    expect(p.completed).toEqual([
      { moduleId: 'm4', title: 'Healthy Relationships' },
      { moduleId: 'm5', title: 'Relapse Warning Signs' },
      { moduleId: 'm6', title: 'Relapse Prevention Plan' },
    ]);
    expect(p.remaining.map((r) => [r.moduleId, r.nextDate])).toEqual([
      ['m1', '2026-12-07'],
      ['m2', '2026-12-09'],
      ['m3', '2026-12-10'],
    ]);
    expect(p.finishesOn).toBe('2026-12-10');
  });

  it('lists completed and remaining modules in curriculum order, whatever order ids arrive in', () => {
    const p = curriculumProgress({ modules: MODULES, completedModuleIds: ['m6', 'm2', 'm4'], upcoming: [] });
    expect(p.completed.map((c) => c.moduleId)).toEqual(['m2', 'm4', 'm6']);
    expect(p.remaining.map((r) => r.moduleId)).toEqual(['m1', 'm3', 'm5']);
  });

  it('uses the earliest upcoming session for each module, even if given out of order', () => {
    const upcoming: UpcomingCurriculumSession[] = [
      { sessionId: 'late', date: '2027-01-11', moduleId: 'm1' },
      { sessionId: 'early', date: '2026-12-07', moduleId: 'm1' },
    ];
    const p = curriculumProgress({ modules: MODULES.slice(0, 1), completedModuleIds: [], upcoming });
    expect(p.remaining).toEqual([
      { moduleId: 'm1', title: 'Understanding Triggers', nextSessionId: 'early', nextDate: '2026-12-07' },
    ]);
    expect(p.finishesOn).toBe('2026-12-07');
  });

  it('two sessions of a module on the same date: the first given wins (e.g. day and evening tracks)', () => {
    const upcoming: UpcomingCurriculumSession[] = [
      { sessionId: 'evening', date: '2026-12-07', moduleId: 'm1' },
      { sessionId: 'morning', date: '2026-12-07', moduleId: 'm1' },
    ];
    const p = curriculumProgress({ modules: MODULES.slice(0, 1), completedModuleIds: [], upcoming });
    expect(p.remaining[0]?.nextSessionId).toBe('evening');
  });

  it('finishesOn is null while a remaining module is not scheduled yet', () => {
    const upcoming = schedule(DATES.slice(0, 2), 0); // only m1, m2 scheduled
    const p = curriculumProgress({ modules: MODULES, completedModuleIds: [], upcoming });
    expect(p.remaining.map((r) => r.nextSessionId)).toEqual([
      's-2026-11-30',
      's-2026-12-02',
      null,
      null,
      null,
      null,
    ]);
    expect(p.finishesOn).toBeNull();
    expect(p.complete).toBe(false);
  });

  it('a member who has covered every module is complete, with finishesOn null', () => {
    const p = curriculumProgress({
      modules: MODULES,
      completedModuleIds: MODULES.map((m) => m.id),
      upcoming: schedule(DATES, 0),
    });
    expect(p).toEqual({
      total: 6,
      completedCount: 6,
      completed: MODULES.map((m) => ({ moduleId: m.id, title: m.title })),
      remaining: [],
      finishesOn: null,
      complete: true,
    });
  });

  it('ignores completed ids and upcoming sessions for modules no longer in the curriculum', () => {
    const upcoming: UpcomingCurriculumSession[] = [
      { sessionId: 'retired', date: '2026-11-30', moduleId: 'old-module' },
      { sessionId: 's1', date: '2026-12-02', moduleId: 'm1' },
    ];
    const p = curriculumProgress({
      modules: MODULES.slice(0, 2),
      completedModuleIds: ['old-module', 'm2', 'm2'],
      upcoming,
    });
    expect(p.total).toBe(2);
    expect(p.completedCount).toBe(1);
    expect(p.remaining).toEqual([
      { moduleId: 'm1', title: 'Understanding Triggers', nextSessionId: 's1', nextDate: '2026-12-02' },
    ]);
    expect(p.finishesOn).toBe('2026-12-02');
  });

  it('a module listed twice in the curriculum counts once', () => {
    const p = curriculumProgress({
      modules: [MODULES[0]!, MODULES[1]!, MODULES[0]!],
      completedModuleIds: [],
      upcoming: [],
    });
    expect(p.total).toBe(2);
    expect(p.remaining.map((r) => r.moduleId)).toEqual(['m1', 'm2']);
  });

  it('a track with no curriculum is trivially complete', () => {
    expect(curriculumProgress({ modules: [], completedModuleIds: ['m1'], upcoming: [] })).toEqual({
      total: 0,
      completedCount: 0,
      completed: [],
      remaining: [],
      finishesOn: null,
      complete: true,
    });
  });

  it('finishesOn is the latest of the remaining modules’ next dates, across a year boundary', () => {
    const upcoming: UpcomingCurriculumSession[] = [
      { sessionId: 'a', date: '2027-01-04', moduleId: 'm1' },
      { sessionId: 'b', date: '2026-12-30', moduleId: 'm2' },
    ];
    const p = curriculumProgress({ modules: MODULES.slice(0, 2), completedModuleIds: [], upcoming });
    expect(p.finishesOn).toBe('2027-01-04');
  });

  it('rejects a malformed or impossible session date', () => {
    const bad = (date: string) =>
      curriculumProgress({
        modules: MODULES,
        completedModuleIds: [],
        upcoming: [{ sessionId: 's-x', date, moduleId: 'm1' }],
      });
    expect(() => bad('2026-02-30')).toThrow(/Invalid date "2026-02-30" for session s-x/);
    expect(() => bad('12/07/2026')).toThrow(/Invalid date/);
    expect(() => bad('2026-12-07T18:00')).toThrow(/Invalid date/);
  });
});
