import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LevelOfCareAssessment } from './assessment.js';
import { intensity } from './levels.js';
import {
  OUTPATIENT_SUFFICIENT,
  PLACEMENT_RULES,
  REASON_CODES,
  RULESET_VERSION,
  recommendLevelOfCare,
} from './rules.js';
import { assess, CALM } from './test-support.js';

type Changes = Partial<LevelOfCareAssessment>;
const codes = (a: LevelOfCareAssessment) => recommendLevelOfCare(a).reasons.map((r) => r.code);

/** For every rule and note: assessments where it fires, and ones just below each of its thresholds. */
const CASES: Record<string, { fires: Changes[]; below: Changes[] }> = {
  suicide_risk_imminent: { fires: [{ suicideRisk: 'imminent' }], below: [{ suicideRisk: 'high' }] },
  violence_risk_imminent: { fires: [{ violenceRisk: 'imminent' }], below: [{ violenceRisk: 'high' }] },
  withdrawal_severe: { fires: [{ withdrawalRisk: 'severe' }], below: [{ withdrawalRisk: 'high' }] },
  suicide_risk_high: { fires: [{ suicideRisk: 'high' }], below: [{ suicideRisk: 'moderate' }] },
  violence_risk_high: { fires: [{ violenceRisk: 'high' }], below: [{ violenceRisk: 'moderate' }] },
  medically_unstable: { fires: [{ medicallyStable: false }], below: [{ medicallyStable: true }] },
  withdrawal_high: { fires: [{ withdrawalRisk: 'high' }], below: [{ withdrawalRisk: 'moderate' }] },
  withdrawal_without_support: {
    fires: [
      { withdrawalRisk: 'moderate', supportSystem: 'limited' },
      { withdrawalRisk: 'moderate', supportSystem: 'none' },
    ],
    below: [
      { withdrawalRisk: 'low', supportSystem: 'limited' },
      { withdrawalRisk: 'moderate', supportSystem: 'adequate' },
    ],
  },
  no_support_moderate_risk: {
    fires: [
      { supportSystem: 'none', suicideRisk: 'moderate' },
      { supportSystem: 'none', violenceRisk: 'moderate' },
    ],
    below: [
      { supportSystem: 'none', suicideRisk: 'low', violenceRisk: 'low' },
      { supportSystem: 'limited', suicideRisk: 'moderate' },
    ],
  },
  no_support_severe_impairment: {
    fires: [{ supportSystem: 'none', functionalImpairment: 'severe' }],
    below: [
      { supportSystem: 'none', functionalImpairment: 'moderate' },
      { supportSystem: 'limited', functionalImpairment: 'severe' },
    ],
  },
  no_support_substance_use: {
    fires: [{ supportSystem: 'none', substanceUseSevere: true }],
    below: [
      { supportSystem: 'none', substanceUseSevere: false },
      { supportSystem: 'none' },
      { supportSystem: 'limited', substanceUseSevere: true },
    ],
  },
  no_safe_home: {
    fires: [
      { safeHousing: false, symptomSeverity: 'severe' },
      { safeHousing: false, recentHigherLevelDischarge: 'residential' },
      { safeHousing: false, suicideRisk: 'high' },
    ],
    below: [{ safeHousing: false }, { safeHousing: true, symptomSeverity: 'severe' }],
  },
  withdrawal_moderate: { fires: [{ withdrawalRisk: 'moderate' }], below: [{ withdrawalRisk: 'low' }] },
  severe_with_risk: {
    fires: [
      { symptomSeverity: 'severe', suicideRisk: 'low' },
      { functionalImpairment: 'severe', violenceRisk: 'low' },
    ],
    below: [
      { symptomSeverity: 'moderate', functionalImpairment: 'moderate', suicideRisk: 'low' },
      { symptomSeverity: 'severe', functionalImpairment: 'severe' },
    ],
  },
  severe_with_limited_support: {
    fires: [
      { symptomSeverity: 'severe', supportSystem: 'limited' },
      { functionalImpairment: 'severe', supportSystem: 'none' },
    ],
    below: [
      { symptomSeverity: 'moderate', functionalImpairment: 'moderate', supportSystem: 'limited' },
      { symptomSeverity: 'severe', functionalImpairment: 'severe', supportSystem: 'adequate' },
    ],
  },
  moderate_risk_limited_support: {
    fires: [
      { suicideRisk: 'moderate', supportSystem: 'limited' },
      { violenceRisk: 'moderate', supportSystem: 'none' },
    ],
    below: [
      { suicideRisk: 'low', violenceRisk: 'low', supportSystem: 'limited' },
      { suicideRisk: 'moderate', supportSystem: 'adequate' },
    ],
  },
  suicide_risk_moderate: { fires: [{ suicideRisk: 'moderate' }], below: [{ suicideRisk: 'low' }] },
  violence_risk_moderate: { fires: [{ violenceRisk: 'moderate' }], below: [{ violenceRisk: 'low' }] },
  severe_symptoms: { fires: [{ symptomSeverity: 'severe' }], below: [{ symptomSeverity: 'moderate' }] },
  severe_impairment: {
    fires: [{ functionalImpairment: 'severe' }],
    below: [{ functionalImpairment: 'moderate' }],
  },
  step_down: {
    fires: [
      { recentHigherLevelDischarge: 'inpatient' },
      { recentHigherLevelDischarge: 'residential' },
      { recentHigherLevelDischarge: 'php' },
    ],
    below: [{ recentHigherLevelDischarge: null }],
  },
  outpatient_not_enough: {
    fires: [
      { outpatientTried: true, symptomSeverity: 'moderate' },
      { outpatientTried: true, functionalImpairment: 'moderate' },
    ],
    below: [{ outpatientTried: true }, { outpatientTried: false, symptomSeverity: 'moderate' }],
  },
  moderate_with_limited_support: {
    fires: [
      { functionalImpairment: 'moderate', supportSystem: 'limited' },
      { symptomSeverity: 'moderate', supportSystem: 'none' },
    ],
    below: [{ supportSystem: 'limited' }, { functionalImpairment: 'moderate', supportSystem: 'adequate' }],
  },
  substance_use_severe: {
    fires: [{ substanceUseSevere: true }],
    below: [{ substanceUseSevere: false }, {}],
  },
  outpatient_sufficient: {
    fires: [{}, { symptomSeverity: 'moderate', functionalImpairment: 'moderate', suicideRisk: 'low' }],
    below: [{ suicideRisk: 'moderate' }, { outpatientTried: true, symptomSeverity: 'moderate' }],
  },
  moderate_risk_managed_at_home: {
    fires: [{ suicideRisk: 'moderate' }, { violenceRisk: 'moderate', supportSystem: 'limited' }],
    below: [
      { suicideRisk: 'low', symptomSeverity: 'severe' },
      { suicideRisk: 'moderate', supportSystem: 'none' },
      { suicideRisk: 'moderate', violenceRisk: 'high' },
    ],
  },
  attendance_barrier: {
    fires: [
      { canAttendProgram: false, symptomSeverity: 'severe' },
      { canAttendProgram: false, withdrawalRisk: 'moderate' },
    ],
    below: [
      { canAttendProgram: true, symptomSeverity: 'severe' },
      { canAttendProgram: false },
      { canAttendProgram: false, suicideRisk: 'high' },
    ],
  },
  housing_help: {
    fires: [{ safeHousing: false }],
    below: [{ safeHousing: true }, { safeHousing: false, symptomSeverity: 'severe' }],
  },
};

describe('every rule', () => {
  it('has cases, and every case names a real rule', () => {
    expect(Object.keys(CASES).sort()).toEqual([...REASON_CODES].sort());
  });

  for (const [code, { fires, below }] of Object.entries(CASES)) {
    const rule = PLACEMENT_RULES.find((r) => r.code === code) ?? OUTPATIENT_SUFFICIENT;
    describe(code, () => {
      it.each(fires)('fires for %o', (changes) => {
        const result = recommendLevelOfCare(assess(changes));
        expect(result.reasons.map((r) => r.code)).toContain(code);
        expect(intensity(result.level)).toBeGreaterThanOrEqual(intensity(rule.level));
      });
      it.each(below)('does not fire just below its threshold: %o', (changes) => {
        expect(codes(assess(changes))).not.toContain(code);
      });
    });
  }

  it('raises the level exactly to its own floor when it is the only rule that applies', () => {
    const alone = [
      ['suicide_risk_high', { suicideRisk: 'high' }],
      ['withdrawal_high', { withdrawalRisk: 'high' }],
      ['withdrawal_moderate', { withdrawalRisk: 'moderate' }],
      ['step_down', { recentHigherLevelDischarge: 'inpatient' }],
      ['substance_use_severe', { substanceUseSevere: true }],
    ] as const;
    for (const [code, changes] of alone) {
      const result = recommendLevelOfCare(assess(changes));
      expect(result.reasons.map((r) => r.code)).toEqual([code]);
      expect(result.level).toBe(PLACEMENT_RULES.find((r) => r.code === code)?.level);
    }
  });
});

describe('recommendLevelOfCare', () => {
  it('required case: severe anxiety, unable to work, adequate support, safe home, no risk -> IOP', () => {
    const result = recommendLevelOfCare(
      assess({ symptomSeverity: 'severe', functionalImpairment: 'severe', supportSystem: 'adequate' }),
    );
    expect(result).toMatchObject({ level: 'iop', crisis: false, rulesetVersion: RULESET_VERSION });
    expect(result.reasons.map((r) => r.code)).toEqual(['severe_symptoms', 'severe_impairment']);
  });

  it('mild symptoms and nothing else -> weekly outpatient therapy', () => {
    expect(recommendLevelOfCare(CALM)).toMatchObject({ level: 'outpatient', crisis: false });
  });

  it('moderate suicide risk with adequate support and a safe home -> IOP, not hospital', () => {
    for (const supportSystem of ['adequate', 'strong'] as const) {
      const result = recommendLevelOfCare(assess({ suicideRisk: 'moderate', supportSystem }));
      expect(result.level).toBe('iop');
      expect(result.reasons.map((r) => r.code)).toEqual([
        'suicide_risk_moderate',
        'moderate_risk_managed_at_home',
      ]);
    }
  });

  it('moderate suicide risk steps up with less support: limited -> PHP, none -> residential', () => {
    expect(recommendLevelOfCare(assess({ suicideRisk: 'moderate', supportSystem: 'limited' })).level).toBe(
      'php',
    );
    expect(recommendLevelOfCare(assess({ suicideRisk: 'moderate', supportSystem: 'none' })).level).toBe(
      'residential',
    );
  });

  it('high suicide risk -> inpatient; imminent -> inpatient and crisis', () => {
    expect(recommendLevelOfCare(assess({ suicideRisk: 'high' }))).toMatchObject({
      level: 'inpatient',
      crisis: false,
    });
    expect(recommendLevelOfCare(assess({ suicideRisk: 'imminent' }))).toMatchObject({
      level: 'inpatient',
      crisis: true,
    });
  });

  it('the required case without support -> residential; with limited support -> PHP', () => {
    const severe = { symptomSeverity: 'severe', functionalImpairment: 'severe' } as const;
    expect(recommendLevelOfCare(assess({ ...severe, supportSystem: 'limited' })).level).toBe('php');
    expect(recommendLevelOfCare(assess({ ...severe, supportSystem: 'none' })).level).toBe('residential');
  });

  it('cannot attend: keeps the level that is needed and says the barriers must be solved', () => {
    const result = recommendLevelOfCare(assess({ symptomSeverity: 'severe', canAttendProgram: false }));
    expect(result.level).toBe('iop');
    expect(result.reasons.at(-1)?.code).toBe('attendance_barrier');
  });

  it('step-down and outpatient already tried both favour IOP over weekly therapy', () => {
    expect(recommendLevelOfCare(assess({ recentHigherLevelDischarge: 'inpatient' })).level).toBe('iop');
    expect(recommendLevelOfCare(assess({ outpatientTried: true, symptomSeverity: 'moderate' })).level).toBe(
      'iop',
    );
    expect(recommendLevelOfCare(assess({ symptomSeverity: 'moderate' })).level).toBe('outpatient');
  });

  it('lists every reason, most intensive first, then notes', () => {
    const result = recommendLevelOfCare(
      assess({ suicideRisk: 'imminent', symptomSeverity: 'severe', canAttendProgram: false }),
    );
    expect(result.reasons.map((r) => r.code)).toEqual([
      'suicide_risk_imminent',
      'severe_with_risk',
      'severe_symptoms',
    ]);
  });

  it('does not change its input', () => {
    const input = Object.freeze(assess({ suicideRisk: 'moderate', safeHousing: false }));
    expect(() => recommendLevelOfCare(input)).not.toThrow();
  });
});

describe('the rule book', () => {
  it('has unique codes, plain text, and rules ordered from most to least intensive', () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    const levels = PLACEMENT_RULES.map((r) => intensity(r.level));
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    for (const r of PLACEMENT_RULES) expect(r.text.length).toBeGreaterThan(20);
  });

  it('is versioned', () => {
    expect(RULESET_VERSION).toMatch(/^trellis-loc-\d{4}\.\d+$/);
  });

  it('documents every code in the README, in order', () => {
    const readme = fs.readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(documented.filter((c) => REASON_CODES.includes(c!))).toEqual(REASON_CODES);
  });
});
