import { describe, expect, it } from 'vitest';
import {
  DISCHARGE_WINDOW_DAYS,
  dueMeasures,
  EXAMPLE_MEASUREMENT_SCHEDULE,
  type DueMeasuresInput,
  type MeasurementRule,
} from './schedule.js';

const weekly: MeasurementRule = { instrumentId: 'phq-9', every: { weeks: 1 } };
const due = (input: Partial<DueMeasuresInput>) =>
  dueMeasures({ rules: [weekly], admittedOn: '2026-03-02', today: '2026-03-02', lastDone: {}, ...input });

describe('EXAMPLE_MEASUREMENT_SCHEDULE', () => {
  it('is PHQ-9 and GAD-7 weekly, PCL-5 fortnightly, AUDIT-C and DAST-10 at admission and discharge', () => {
    expect(EXAMPLE_MEASUREMENT_SCHEDULE).toEqual([
      { instrumentId: 'phq-9', every: { weeks: 1 } },
      { instrumentId: 'gad-7', every: { weeks: 1 } },
      { instrumentId: 'pcl-5', every: { weeks: 2 } },
      { instrumentId: 'audit-c', at: ['admission', 'discharge'] },
      { instrumentId: 'dast-10', at: ['admission', 'discharge'] },
    ]);
    expect(Object.isFrozen(EXAMPLE_MEASUREMENT_SCHEDULE)).toBe(true);
    expect(DISCHARGE_WINDOW_DAYS).toBe(7);
  });

  it('on admission day everything not yet done is due that day, sorted by instrument', () => {
    expect(
      dueMeasures({
        rules: EXAMPLE_MEASUREMENT_SCHEDULE,
        admittedOn: '2026-03-02',
        today: '2026-03-02',
        lastDone: {},
      }),
    ).toEqual([
      { instrumentId: 'audit-c', reason: 'admission', dueOn: '2026-03-02', overdue: false },
      { instrumentId: 'dast-10', reason: 'admission', dueOn: '2026-03-02', overdue: false },
      { instrumentId: 'gad-7', reason: 'periodic', dueOn: '2026-03-02', overdue: false },
      { instrumentId: 'pcl-5', reason: 'periodic', dueOn: '2026-03-02', overdue: false },
      { instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-02', overdue: false },
    ]);
  });

  it('a week in, with admission measures done, only the weekly ones are due', () => {
    expect(
      dueMeasures({
        rules: EXAMPLE_MEASUREMENT_SCHEDULE,
        admittedOn: '2026-03-02',
        today: '2026-03-09',
        lastDone: {
          'phq-9': '2026-03-02',
          'gad-7': '2026-03-03',
          'pcl-5': '2026-03-02',
          'audit-c': '2026-03-02',
          'dast-10': '2026-03-02',
        },
      }),
    ).toEqual([{ instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-09', overdue: false }]);
  });
});

describe('dueMeasures: periodic', () => {
  it('is due on the admission date when never done, and overdue after it', () => {
    expect(due({})).toEqual([
      { instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-02', overdue: false },
    ]);
    expect(due({ today: '2026-03-05' })).toEqual([
      { instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-02', overdue: true },
    ]);
  });

  it('is due exactly weeks × 7 days after it was last done, not a day earlier', () => {
    expect(due({ today: '2026-03-08', lastDone: { 'phq-9': '2026-03-02' } })).toEqual([]);
    expect(due({ today: '2026-03-09', lastDone: { 'phq-9': '2026-03-02' } })).toEqual([
      { instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-09', overdue: false },
    ]);
    expect(due({ today: '2026-03-10', lastDone: { 'phq-9': '2026-03-02' } })[0]?.overdue).toBe(true);
  });

  it('counts every N weeks', () => {
    const rules = [{ instrumentId: 'pcl-5', every: { weeks: 2 } }];
    expect(due({ rules, today: '2026-03-15', lastDone: { 'pcl-5': '2026-03-02' } })).toEqual([]);
    expect(due({ rules, today: '2026-03-16', lastDone: { 'pcl-5': '2026-03-02' } })).toEqual([
      { instrumentId: 'pcl-5', reason: 'periodic', dueOn: '2026-03-16', overdue: false },
    ]);
  });

  it('crosses month and year ends (and a leap day)', () => {
    expect(
      due({ admittedOn: '2026-01-05', today: '2026-02-04', lastDone: { 'phq-9': '2026-01-28' } }),
    ).toEqual([{ instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-02-04', overdue: false }]);
    expect(
      due({ admittedOn: '2026-12-01', today: '2027-01-02', lastDone: { 'phq-9': '2026-12-28' } }),
    ).toEqual([]);
    expect(
      due({ admittedOn: '2026-12-01', today: '2027-01-05', lastDone: { 'phq-9': '2026-12-28' } }),
    ).toEqual([{ instrumentId: 'phq-9', reason: 'periodic', dueOn: '2027-01-04', overdue: true }]);
    expect(
      due({ admittedOn: '2028-02-01', today: '2028-03-01', lastDone: { 'phq-9': '2028-02-23' } }),
    ).toEqual([{ instrumentId: 'phq-9', reason: 'periodic', dueOn: '2028-03-01', overdue: false }]);
  });

  it('ignores a completion from before admission (another episode or intake)', () => {
    expect(due({ today: '2026-03-04', lastDone: { 'phq-9': '2026-02-27' } })).toEqual([
      { instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-02', overdue: true },
    ]);
  });
});

describe('dueMeasures: admission', () => {
  const rules: MeasurementRule[] = [{ instrumentId: 'audit-c', at: ['admission'] }];

  it('is due until done on or after admission, then never again', () => {
    expect(due({ rules })).toEqual([
      { instrumentId: 'audit-c', reason: 'admission', dueOn: '2026-03-02', overdue: false },
    ]);
    expect(due({ rules, today: '2026-04-01' })).toEqual([
      { instrumentId: 'audit-c', reason: 'admission', dueOn: '2026-03-02', overdue: true },
    ]);
    expect(due({ rules, today: '2026-04-01', lastDone: { 'audit-c': '2026-03-03' } })).toEqual([]);
    expect(due({ rules, today: '2026-03-02', lastDone: { 'audit-c': '2026-03-01' } })).toHaveLength(1);
  });

  it('lists an instrument once when it is both periodic and an admission measure', () => {
    const both: MeasurementRule[] = [{ instrumentId: 'phq-9', every: { weeks: 1 }, at: ['admission'] }];
    expect(due({ rules: both })).toEqual([
      { instrumentId: 'phq-9', reason: 'admission', dueOn: '2026-03-02', overdue: false },
    ]);
  });
});

describe('dueMeasures: discharge', () => {
  const rules: MeasurementRule[] = [{ instrumentId: 'dast-10', at: ['discharge'] }];
  const base = {
    rules,
    admittedOn: '2026-03-02',
    dischargeOn: '2026-04-10',
    lastDone: { 'dast-10': '2026-03-02' },
  };

  it('is not due without a planned discharge date', () => {
    expect(due({ ...base, dischargeOn: null, today: '2026-04-10' })).toEqual([]);
    expect(due({ ...base, dischargeOn: undefined, today: '2026-04-10' })).toEqual([]);
  });

  it('comes due 7 days before discharge, not 8', () => {
    expect(due({ ...base, today: '2026-04-02' })).toEqual([]);
    expect(due({ ...base, today: '2026-04-03' })).toEqual([
      { instrumentId: 'dast-10', reason: 'discharge', dueOn: '2026-04-10', overdue: false },
    ]);
  });

  it('is overdue after the discharge date and satisfied by a completion inside the window', () => {
    expect(due({ ...base, today: '2026-04-11' })[0]?.overdue).toBe(true);
    expect(due({ ...base, today: '2026-04-11', lastDone: { 'dast-10': '2026-04-03' } })).toEqual([]);
    expect(due({ ...base, today: '2026-04-11', lastDone: { 'dast-10': '2026-04-02' } })).toHaveLength(1);
  });

  it('crosses a year end', () => {
    const r = due({
      ...base,
      admittedOn: '2026-11-30',
      dischargeOn: '2027-01-03',
      lastDone: {},
      today: '2026-12-27',
    });
    expect(r).toEqual([
      { instrumentId: 'dast-10', reason: 'discharge', dueOn: '2027-01-03', overdue: false },
    ]);
    expect(
      due({
        ...base,
        admittedOn: '2026-11-30',
        dischargeOn: '2027-01-03',
        lastDone: {},
        today: '2026-12-26',
      }),
    ).toEqual([]);
  });

  it('shows the earliest reason when periodic and discharge are both due', () => {
    const both: MeasurementRule[] = [{ instrumentId: 'phq-9', every: { weeks: 1 }, at: ['discharge'] }];
    expect(
      due({
        rules: both,
        dischargeOn: '2026-03-20',
        today: '2026-03-16',
        lastDone: { 'phq-9': '2026-03-05' },
      }),
    ).toEqual([{ instrumentId: 'phq-9', reason: 'periodic', dueOn: '2026-03-12', overdue: true }]);
    expect(
      due({
        rules: both,
        dischargeOn: '2026-03-20',
        today: '2026-03-16',
        lastDone: { 'phq-9': '2026-03-13' },
      }),
    ).toEqual([]);
  });
});

describe('dueMeasures: ordering and edge cases', () => {
  it('sorts by due date, then instrument id', () => {
    const rules: MeasurementRule[] = [
      { instrumentId: 'phq-9', every: { weeks: 1 } },
      { instrumentId: 'gad-7', every: { weeks: 1 } },
      { instrumentId: 'audit-c', every: { weeks: 2 } },
    ];
    expect(
      due({
        rules,
        today: '2026-03-20',
        lastDone: { 'phq-9': '2026-03-05', 'gad-7': '2026-03-09', 'audit-c': '2026-03-05' },
      }).map((d) => `${d.dueOn} ${d.instrumentId}`),
    ).toEqual(['2026-03-12 phq-9', '2026-03-16 gad-7', '2026-03-19 audit-c']);
    expect(due({ rules, today: '2026-03-20', lastDone: {} }).map((d) => d.instrumentId)).toEqual([
      'audit-c',
      'gad-7',
      'phq-9',
    ]);
  });

  it('returns nothing before the admission date and with no rules', () => {
    expect(due({ today: '2026-03-01' })).toEqual([]);
    expect(due({ rules: [] })).toEqual([]);
  });

  it('ignores completions of instruments without a rule', () => {
    expect(due({ lastDone: { 'phq-9': '2026-03-02', mdq: '2026-03-02', x: undefined } })).toEqual([]);
  });
});

describe('dueMeasures: validation', () => {
  it('throws on invalid dates', () => {
    expect(() => due({ admittedOn: '2026-02-30' })).toThrow(/admittedOn/);
    expect(() => due({ today: '2026-3-2' })).toThrow(/today/);
    expect(() => due({ dischargeOn: '20260410' })).toThrow(/dischargeOn/);
    expect(() => due({ lastDone: { 'phq-9': 'yesterday' } })).toThrow(/lastDone\["phq-9"\]/);
  });

  it('throws on a discharge before admission and a completion after today', () => {
    expect(() => due({ dischargeOn: '2026-03-01' })).toThrow(/before admission/);
    expect(() => due({ lastDone: { 'phq-9': '2026-03-03' } })).toThrow(/after today/);
  });

  it('throws on invalid rules', () => {
    const bad = (rule: unknown) => () => due({ rules: [rule as MeasurementRule] });
    expect(bad({ instrumentId: 'phq-9' })).toThrow(/"every" or "at"/);
    expect(bad({ instrumentId: 'phq-9', at: [] })).toThrow(/"every" or "at"/);
    expect(bad({ instrumentId: '', every: { weeks: 1 } })).toThrow(/instrumentId/);
    expect(bad({ instrumentId: 'phq-9', every: { weeks: 0 } })).toThrow(/every.weeks/);
    expect(bad({ instrumentId: 'phq-9', every: { weeks: 1.5 } })).toThrow(/every.weeks/);
    expect(bad({ instrumentId: 'phq-9', at: ['weekly'] })).toThrow(/unknown event "weekly"/);
    expect(bad({ instrumentId: 'phq-9', at: 'admission' })).toThrow(/must be a list/);
    expect(bad(null)).toThrow(/measurement rule 1/);
  });
});

describe('dueMeasures: short episodes', () => {
  it('counts an admission administration inside the discharge window for discharge too', () => {
    const rules: MeasurementRule[] = [{ instrumentId: 'audit-c', at: ['admission', 'discharge'] }];
    const input = { rules, admittedOn: '2026-03-02', dischargeOn: '2026-03-06', today: '2026-03-04' };
    expect(due({ ...input, lastDone: {} })).toEqual([
      { instrumentId: 'audit-c', reason: 'admission', dueOn: '2026-03-02', overdue: true },
    ]);
    expect(due({ ...input, lastDone: { 'audit-c': '2026-03-02' } })).toEqual([]);
  });
});

describe('EXAMPLE_MEASUREMENT_SCHEDULE immutability', () => {
  it('is deeply frozen', () => {
    for (const rule of EXAMPLE_MEASUREMENT_SCHEDULE) {
      expect(Object.isFrozen(rule)).toBe(true);
      if (rule.every) expect(Object.isFrozen(rule.every)).toBe(true);
      if (rule.at) expect(Object.isFrozen(rule.at)).toBe(true);
    }
  });
});
