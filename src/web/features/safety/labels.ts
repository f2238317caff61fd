import type { SafetyAlertDto } from '../../../contracts/safety.js';

export type RiskLevel = NonNullable<SafetyAlertDto['riskLevel']>;

export const ACUITY_LABELS: Record<SafetyAlertDto['acuity'], string> = {
  acute: 'Acute',
  non_acute: 'Non-acute',
};

export const RISK_LEVEL_OPTIONS: { value: RiskLevel; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'high', label: 'High' },
  { value: 'imminent', label: 'Imminent' },
];
