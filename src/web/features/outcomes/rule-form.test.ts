import { describe, expect, it } from 'vitest';
import { MeasurementSettingsDto } from '../../../contracts/outcomes.js';
import {
  formToRule,
  formToSettings,
  hasErrors,
  issuesByPath,
  newRule,
  ruleToForm,
  settingsErrors,
  settingsToForm,
} from './rule-form.js';

const TRACK = '3f1c2a6e-8d0b-4c55-9a7e-2b1d4e5f6a70';

describe('rule form ↔ body', () => {
  it('round-trips every kind of rule', () => {
    const settings = {
      measurementSchedule: [
        { instrumentId: 'phq-9' as const, every: { weeks: 1 } },
        { instrumentId: 'audit-c' as const, at: ['admission' as const, 'discharge' as const] },
        {
          instrumentId: 'pcl-5' as const,
          every: { weeks: 2 },
          at: ['admission' as const],
          trackIds: [TRACK],
        },
      ],
      planReviewIntervalDays: 30,
    };
    expect(formToSettings(settingsToForm(settings))).toEqual(settings);
  });

  it('leaves out blank and empty fields', () => {
    expect(
      formToRule({
        instrumentId: 'gad-7',
        everyWeeks: '',
        atAdmission: false,
        atDischarge: true,
        trackIds: [],
      }),
    ).toEqual({ instrumentId: 'gad-7', at: ['discharge'] });
    expect(formToSettings({ rules: [], planReviewIntervalDays: '' })).toEqual({
      measurementSchedule: [],
      planReviewIntervalDays: null,
    });
  });

  it('reads a rule into the form with every field present', () => {
    expect(ruleToForm({ instrumentId: 'phq-9', every: { weeks: 4 } })).toEqual({
      instrumentId: 'phq-9',
      everyWeeks: 4,
      atAdmission: false,
      atDischarge: false,
      trackIds: [],
    });
  });

  it('adds a new rule for an instrument not yet scheduled', () => {
    const first = newRule([]);
    expect(first).toMatchObject({ instrumentId: 'phq-9', everyWeeks: 1 });
    expect(newRule([first]).instrumentId).toBe('phq-2');
  });
});

describe('settingsErrors', () => {
  it('sorts the contract’s messages out per rule and field', () => {
    const body = formToSettings({
      rules: [
        { instrumentId: 'phq-9', everyWeeks: 1, atAdmission: false, atDischarge: false, trackIds: [] },
        { instrumentId: 'gad-7', everyWeeks: '', atAdmission: false, atDischarge: false, trackIds: [] },
      ],
      planReviewIntervalDays: 0,
    });
    const parsed = MeasurementSettingsDto.safeParse(body);
    expect(parsed.success).toBe(false);
    const errors = settingsErrors(issuesByPath(parsed.error?.issues ?? []), 2);
    expect(errors.rules[0]).toEqual({});
    expect(errors.rules[1]?.every).toBe('Say how often, or at admission or discharge.');
    expect(errors.planReviewIntervalDays).toBeTruthy();
    expect(hasErrors(errors)).toBe(true);
  });

  it('reads the server’s dotted paths, with or without "body."', () => {
    const errors = settingsErrors(
      {
        'measurementSchedule.0.every.weeks': 'Too big',
        'body.measurementSchedule.1.trackIds.0': 'Not a track',
        measurementSchedule: 'Too many rules',
        'measurementSchedule.1': 'Duplicate instrument',
      },
      2,
    );
    expect(errors.rules).toEqual([
      { every: 'Too big' },
      { trackIds: 'Not a track', rule: 'Duplicate instrument' },
    ]);
    expect(errors.schedule).toBe('Too many rules');
    expect(hasErrors(settingsErrors({}, 2))).toBe(false);
  });
});
