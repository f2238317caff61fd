import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISCHARGE_LEVELS,
  IMPAIRMENT_LEVELS,
  RISK_LEVELS,
  SUPPORT_SYSTEMS,
  SYMPTOM_SEVERITIES,
  WITHDRAWAL_RISKS,
  type LevelOfCareAssessment,
} from './assessment.js';
import { intensity } from './levels.js';
import { PLACEMENT_RULES, REASON_CODES, RULESET_VERSION, recommendLevelOfCare } from './rules.js';

const assessment: fc.Arbitrary<LevelOfCareAssessment> = fc.record({
  suicideRisk: fc.constantFrom(...RISK_LEVELS),
  violenceRisk: fc.constantFrom(...RISK_LEVELS),
  symptomSeverity: fc.constantFrom(...SYMPTOM_SEVERITIES),
  functionalImpairment: fc.constantFrom(...IMPAIRMENT_LEVELS),
  withdrawalRisk: fc.constantFrom(...WITHDRAWAL_RISKS),
  medicallyStable: fc.boolean(),
  supportSystem: fc.constantFrom(...SUPPORT_SYSTEMS),
  safeHousing: fc.boolean(),
  recentHigherLevelDischarge: fc.constantFrom(null, ...DISCHARGE_LEVELS),
  outpatientTried: fc.boolean(),
  canAttendProgram: fc.boolean(),
  substanceUseSevere: fc.constantFrom(undefined, false, true),
});

const run = (a: LevelOfCareAssessment) => recommendLevelOfCare(a);
const level = (a: LevelOfCareAssessment) => intensity(run(a).level);
const NUM_RUNS = 2000;

/** One step worse on one field: [field, every value from better to worse]. */
const WORSENINGS = [
  ['suicideRisk', RISK_LEVELS],
  ['violenceRisk', RISK_LEVELS],
  ['symptomSeverity', SYMPTOM_SEVERITIES],
  ['functionalImpairment', IMPAIRMENT_LEVELS],
  ['withdrawalRisk', WITHDRAWAL_RISKS],
  ['supportSystem', SUPPORT_SYSTEMS],
  ['medicallyStable', [true, false]],
  ['safeHousing', [true, false]],
  ['outpatientTried', [false, true]],
  ['substanceUseSevere', [false, true]],
  ['recentHigherLevelDischarge', [null, 'php']],
  ['recentHigherLevelDischarge', [null, 'inpatient']],
] as const;

describe('level-of-care properties', () => {
  it.each(WORSENINGS)(
    'making %s worse never lowers the level nor turns a crisis off',
    (field, scale: readonly unknown[]) => {
      fc.assert(
        fc.property(assessment, fc.nat({ max: scale.length - 2 }), (a, i) => {
          const better = { ...a, [field]: scale[i] };
          const worse = { ...a, [field]: scale[i + 1] };
          expect(level(worse)).toBeGreaterThanOrEqual(level(better));
          if (run(better).crisis) expect(run(worse).crisis).toBe(true);
        }),
        { numRuns: NUM_RUNS },
      );
    },
  );

  it('whether the person can attend a program never changes the level or the crisis flag', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const yes = run({ ...a, canAttendProgram: true });
        const no = run({ ...a, canAttendProgram: false });
        expect([no.level, no.crisis]).toEqual([yes.level, yes.crisis]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every output is versioned and has at least one reason, with unique, documented codes', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const { reasons, rulesetVersion } = run(a);
        const codes = reasons.map((r) => r.code);
        expect(rulesetVersion).toBe(RULESET_VERSION);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes).size).toBe(codes.length);
        for (const c of codes) expect(REASON_CODES).toContain(c);
        for (const r of reasons) expect(r.text).not.toBe('');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('picks the least intensive safe level: exactly the highest floor among the reasons given', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const result = run(a);
        const floors = PLACEMENT_RULES.filter((r) => result.reasons.some((x) => x.code === r.code)).map((r) =>
          intensity(r.level),
        );
        expect(intensity(result.level)).toBe(Math.max(0, ...floors));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('inpatient exactly for high or imminent risk, severe withdrawal or medical instability', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const needsHospital =
          ['high', 'imminent'].includes(a.suicideRisk) ||
          ['high', 'imminent'].includes(a.violenceRisk) ||
          a.withdrawalRisk === 'severe' ||
          !a.medicallyStable;
        expect(run(a).level === 'inpatient').toBe(needsHospital);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('crisis exactly for imminent suicide or violence risk or severe withdrawal, and always inpatient', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const result = run(a);
        const expected =
          a.suicideRisk === 'imminent' || a.violenceRisk === 'imminent' || a.withdrawalRisk === 'severe';
        expect(result.crisis).toBe(expected);
        if (result.crisis) expect(result.level).toBe('inpatient');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a day program (IOP or PHP) is only recommended with a safe home and some support', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        const { level: l } = run(a);
        if (l === 'iop' || l === 'php') {
          expect(a.safeHousing).toBe(true);
          expect(a.supportSystem === 'none' && a.functionalImpairment === 'severe').toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(assessment, (a) => {
        expect(run(structuredClone(a))).toEqual(run(a));
      }),
      { numRuns: 500 },
    );
  });
});
