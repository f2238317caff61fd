/**
 * Reliable change between two administrations of the same instrument.
 *
 * Thresholds: PHQ-9 change of ≥ 6 points and GAD-7 change of ≥ 4 points are "reliable" in the
 * NHS Talking Therapies (IAPT) manual [S] (clinical-facts §2.2, "Reliable improvement"). They are
 * configuration passed in (`DEFAULT_RELIABLE_CHANGE` is the documented default), never constants
 * in a caller.
 */

/** Points of change that count as reliable, per instrument id. */
export type ReliableChange = Readonly<Record<string, number>>;

export const DEFAULT_RELIABLE_CHANGE: ReliableChange = Object.freeze({ 'phq-9': 6, 'gad-7': 4 });

export interface ScoredAdministration {
  instrumentId: string;
  total: number;
  administeredAt: Date;
}

export interface Worsening {
  instrumentId: string;
  /** Points the latest total rose over the one before. */
  rise: number;
}

/**
 * Instruments whose latest total rose by at least the reliable-change threshold over the total
 * before it. Instruments without a threshold, or with fewer than two administrations, are ignored.
 */
export function reliableWorsening(
  administrations: readonly ScoredAdministration[],
  thresholds: ReliableChange = DEFAULT_RELIABLE_CHANGE,
): Worsening[] {
  const byInstrument = new Map<string, ScoredAdministration[]>();
  for (const a of administrations) {
    if (!Number.isFinite(a.total)) throw new Error(`Invalid total for ${a.instrumentId}.`);
    byInstrument.set(a.instrumentId, [...(byInstrument.get(a.instrumentId) ?? []), a]);
  }
  const worse: Worsening[] = [];
  for (const [instrumentId, list] of [...byInstrument].sort(([a], [b]) => a.localeCompare(b))) {
    const threshold = thresholds[instrumentId];
    if (threshold === undefined || list.length < 2) continue;
    const [latest, previous] = [...list].sort(
      (a, b) => b.administeredAt.getTime() - a.administeredAt.getTime(),
    );
    const rise = latest!.total - previous!.total;
    if (rise >= threshold) worse.push({ instrumentId, rise });
  }
  return worse;
}
