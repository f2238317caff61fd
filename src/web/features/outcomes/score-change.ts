import type { LatestScoreDto } from '../../../contracts/outcomes.js';

export interface ScoreWords {
  /** Compact, for the eye: "PHQ-9 14 ↓3". */
  text: string;
  /** The same in words, for assistive technology: "PHQ-9 14, down 3 since last time". */
  label: string;
}

/**
 * A latest score and its change since the score before it. Higher totals are worse on these
 * scales, so "down" is an improvement; the words carry the meaning, not a colour.
 */
export function describeScore(score: Pick<LatestScoreDto, 'shortName' | 'total' | 'change'>): ScoreWords {
  const base = `${score.shortName} ${score.total}`;
  const { change } = score;
  if (change === null) return { text: base, label: `${base}, first score` };
  if (change === 0) return { text: `${base} =`, label: `${base}, same as last time` };
  const size = Math.abs(change);
  return change < 0
    ? { text: `${base} ↓${size}`, label: `${base}, down ${size} since last time` }
    : { text: `${base} ↑${size}`, label: `${base}, up ${size} since last time` };
}
