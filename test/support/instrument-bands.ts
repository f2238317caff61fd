import { expect } from 'vitest';
import type { InstrumentDefinition, ScoreResult } from '../../src/domain/instruments/types.js';

/** Bands start at 0, follow each other with no gap or overlap, and end at `maxTotal`. */
export function expectContiguous(bands: readonly { min: number; max: number }[], maxTotal: number | null) {
  expect(bands.length).toBeGreaterThan(0);
  expect(bands[0]!.min).toBe(0);
  bands.forEach((b, i) => {
    expect(b.max).toBeGreaterThanOrEqual(b.min);
    if (i > 0) expect(b.min).toBe(bands[i - 1]!.max + 1);
  });
  expect(bands.at(-1)!.max).toBe(maxTotal);
}

/**
 * For every total from 0 to `maxTotal`, `score()` returns that total and the severity of the band
 * holding it (no severity when the instrument has no bands).
 */
export function expectSeverityFollowsBands(
  definition: Pick<InstrumentDefinition, 'bands' | 'maxTotal'>,
  score: (answers: unknown[]) => ScoreResult,
  answersFor: (total: number) => unknown[],
) {
  for (let total = 0; total <= definition.maxTotal!; total++) {
    const r = score(answersFor(total));
    expect(r.total).toBe(total);
    const band = definition.bands.find((b) => b.min <= total && total <= b.max);
    expect(r.severity).toBe(definition.bands.length === 0 ? null : band!.severity);
  }
}
