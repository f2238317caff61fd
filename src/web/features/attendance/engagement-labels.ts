import type { DropoutRiskDto } from '../../../contracts/attendance.js';

/** Badge colours with AA contrast (dark text on light fills, white on dark). */
export const DROPOUT_RISK_COLORS: Record<DropoutRiskDto['level'], string> = {
  high: 'red.9',
  moderate: 'orange.3',
  low: 'gray.2',
};

/** "80% of 10 sessions", or that nothing is recorded yet. */
export function describeRate(rate: number | null, recorded: number): string {
  if (rate === null) return 'No attendance recorded';
  return `${Math.round(rate * 100)}% of ${recorded} ${recorded === 1 ? 'session' : 'sessions'}`;
}
