/** "12 (40%)" of a denominator; just the count when there is none. */
export function countWithShare(count: number, of: number): string {
  return of > 0 ? `${count} (${Math.round((count / of) * 100)}%)` : `${count}`;
}

/** "−4.5 points" (lower is better), "+2 points", or "Not enough scores". */
export function formatMedianChange(change: number | null): string {
  if (change === null) return 'Not enough scores';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return 'No change';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} points`;
}
