import { describe, expect, it } from 'vitest';
import type { OutcomeFlagsDto, TrajectoryDto } from '../../../contracts/outcomes.js';
import { describeChange, flagBadges, methodLabel, toChartModel } from './chart-data.js';

const NO_FLAGS: OutcomeFlagsDto = {
  baseline: null,
  latest: null,
  change: null,
  percentChange: null,
  response: false,
  remission: false,
  reliableImprovement: false,
  reliableWorsening: false,
  notOnTrack: false,
};

const point = (administeredAt: string, total: number, severity: string | null = null) => ({
  administrationId: '00000000-0000-4000-8000-000000000001',
  administeredAt,
  date: administeredAt.slice(0, 10),
  total,
  severity,
  method: 'staff_entered',
});

const phq9: TrajectoryDto = {
  instrumentId: 'phq-9',
  name: 'Patient Health Questionnaire-9',
  shortName: 'PHQ-9',
  maxTotal: 27,
  bands: [
    { severity: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { severity: 'mild', label: 'Mild', min: 5, max: 9 },
    { severity: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { severity: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
    { severity: 'severe', label: 'Severe', min: 20, max: 27 },
  ],
  points: [point('2026-03-10T15:00:00Z', 14, 'moderate'), point('2026-03-03T15:00:00Z', 20, 'severe')],
  flags: NO_FLAGS,
  reasons: [],
};

describe('toChartModel', () => {
  it('puts points in time order with readable dates and band names', () => {
    const model = toChartModel(phq9);
    expect(model.points.map((p) => [p.date, p.total, p.severity])).toEqual([
      ['2026-03-03', 20, 'Severe'],
      ['2026-03-10', 14, 'Moderate'],
    ]);
    expect(model.points[0]!.label).toMatch(/2026/);
    expect(new Set(model.points.map((p) => p.key)).size).toBe(2);
  });

  it('runs the y axis to the instrument maximum and shades contiguous bands', () => {
    const model = toChartModel(phq9);
    expect(model.yMax).toBe(27);
    expect(model.bands.map((b) => [b.y1, b.y2, b.range])).toEqual([
      [0, 5, '0–4'],
      [5, 10, '5–9'],
      [10, 15, '10–14'],
      [15, 20, '15–19'],
      [20, 27, '20–27'],
    ]);
    expect(new Set(model.bands.map((b) => b.fill)).size).toBe(5);
  });

  it('falls back to the highest score without a maximum or bands', () => {
    const model = toChartModel({ ...phq9, maxTotal: null, bands: [] });
    expect(model.yMax).toBe(20);
    expect(model.bands).toEqual([]);
  });

  it('names an unknown severity from its code', () => {
    const model = toChartModel({ ...phq9, points: [point('2026-03-03T15:00:00Z', 3, 'zone_2')] });
    expect(model.points[0]!.severity).toBe('Zone 2');
  });
});

describe('flagBadges', () => {
  it('lists only the flags that are set, in a fixed order', () => {
    expect(flagBadges(NO_FLAGS)).toEqual([]);
    expect(
      flagBadges({ ...NO_FLAGS, notOnTrack: true, response: true, reliableImprovement: true }).map(
        (b) => b.label,
      ),
    ).toEqual(['Response', 'Reliable improvement', 'Not on track']);
    expect(flagBadges({ ...NO_FLAGS, reliableWorsening: true })).toEqual([
      { label: 'Reliable worsening', tone: 'worse' },
    ]);
  });
});

describe('describeChange', () => {
  it('says nothing before a baseline', () => {
    expect(describeChange(NO_FLAGS)).toBeNull();
  });
  it('says how far the latest score is from the baseline', () => {
    expect(describeChange({ ...NO_FLAGS, baseline: 20, latest: 14, change: -6, percentChange: -30 })).toBe(
      'Baseline 20, latest 14: down 6 (30%)',
    );
    expect(describeChange({ ...NO_FLAGS, baseline: 0, latest: 3, change: 3, percentChange: null })).toBe(
      'Baseline 0, latest 3: up 3',
    );
    expect(describeChange({ ...NO_FLAGS, baseline: 9, latest: 9, change: 0, percentChange: 0 })).toBe(
      'Baseline 9, latest 9: no change',
    );
  });
});

describe('methodLabel', () => {
  it('names how a score was given', () => {
    expect(methodLabel('kiosk')).toBe('Tablet (kiosk)');
    expect(methodLabel('staff_entered')).toBe('Staff entered');
    expect(methodLabel('phone_call')).toBe('Phone call');
  });
});
