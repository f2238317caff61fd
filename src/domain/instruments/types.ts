/**
 * Shared shapes for standard clinical instruments: the definition a form, the API and FHIR are
 * generated from, and the result `score()` returns. Clinical facts come from clinical-facts.md
 * §2.1 (the project's reference fact sheet), cited in each instrument file.
 */

/** Instrument ids, as they appear in URLs. */
export const INSTRUMENT_IDS = [
  'phq-9',
  'phq-2',
  'gad-7',
  'gad-2',
  'pcl-5',
  'audit',
  'audit-c',
  'dast-10',
  'mdq',
  'asq',
  'c-ssrs',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/**
 * Safety flags the crisis path reads. Only PHQ-9 (item 9), ASQ and C-SSRS ever set them.
 * `suicide_risk` always accompanies the other two, so a reader may check it alone.
 */
export const INSTRUMENT_FLAGS = ['suicidal_ideation', 'suicide_risk', 'acute_suicide_risk'] as const;
export type InstrumentFlag = (typeof INSTRUMENT_FLAGS)[number];

export type AnswerValue = number | boolean | string | null;

export interface AnswerOption {
  value: number | boolean | string;
  label: string;
}

export interface ItemDefinition {
  /** '1'..'n'; C-SSRS adds '6b'; MDQ adds 'same_period' and 'problem_level'. */
  id: string;
  /** The item wording (faithful for free instruments; a construct label for licensed ones). */
  text: string;
  kind: 'rated' | 'yes_no' | 'choice';
  /** In display order, with the value `score()` expects. */
  options: AnswerOption[];
  /** LOINC code of the item, only when the fact sheet confirms it. */
  loinc?: string;
  /** The item may (or must) be answered with `null`; `when` says when, in words. */
  nullable?: { when: string };
}

export interface InstrumentDefinition {
  id: InstrumentId;
  name: string;
  shortName: string;
  /** `null` where the fact sheet leaves the code unconfirmed. */
  loinc: { panel: string | null; total: string | null };
  recallPeriod: string;
  /** In administration order; `score()` takes one answer per item, in this order. */
  items: ItemDefinition[];
  /** AUDIT-C also takes `sex: 'male' | 'female'`. */
  extraInputs?: { sex?: boolean };
  licence: {
    kind: 'free' | 'public_domain' | 'licensed' | 'unconfirmed';
    note: string;
    enabledByDefault: boolean;
  };
  /** The codes `score()` can return, in increasing order (empty if it returns none). */
  severities: readonly string[];
  /**
   * The published severity bands of the total, in increasing order, contiguous from 0 to
   * `maxTotal`; `score()` returns the `severity` of the band holding the total. Empty where the
   * instrument has no summed total (ASQ, C-SSRS) or no published bands (PHQ-2, GAD-2, PCL-5,
   * AUDIT-C, MDQ): cut-points are never invented here.
   */
  bands: readonly SeverityBand[];
  /** The highest possible total; `null` for instruments without a summed total (ASQ, C-SSRS). */
  maxTotal: number | null;
}

/** Totals from `min` to `max` (both included) have `severity`; `label` is for people. */
export interface SeverityBand {
  severity: string;
  label: string;
  min: number;
  max: number;
}

/**
 * Turns an instrument's cut-points (each band's lowest total, in increasing order, the first at 0)
 * into closed ranges: each band ends one below the next band's `min`, the last at `maxTotal`.
 */
export function severityBands<S extends string>(
  cutPoints: readonly { readonly min: number; readonly code: S }[],
  labels: Readonly<Record<S, string>>,
  maxTotal: number,
): SeverityBand[] {
  return cutPoints.map((b, i) => ({
    severity: b.code,
    label: labels[b.code],
    min: b.min,
    max: (cutPoints[i + 1]?.min ?? maxTotal + 1) - 1,
  }));
}

export interface ScoreResult {
  instrument: InstrumentId;
  /** `null` for instruments without a summed score (ASQ, C-SSRS). */
  total: number | null;
  severity: string | null;
  positive: boolean;
  flags: InstrumentFlag[];
  extra?: Record<string, unknown>;
}

export interface ScoreInput {
  answers: readonly unknown[];
  sex?: unknown;
}

export interface Instrument {
  definition: InstrumentDefinition;
  /** Throws InstrumentAnswerError on an incomplete or invalid answer set; never guesses or prorates. */
  score(input: ScoreInput): ScoreResult;
}

/**
 * An answer set that cannot be scored. `itemId` names the offending item ('*' for a wrong count
 * with nothing to name, 'sex' for AUDIT-C's extra input); `index` is its position in `answers`
 * (-1 when it is not an answer). The message never repeats the answer given.
 */
export class InstrumentAnswerError extends Error {
  override readonly name = 'InstrumentAnswerError';
  constructor(
    readonly itemId: string,
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}
