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
