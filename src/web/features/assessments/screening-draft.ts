import {
  INSTRUMENTS,
  InstrumentAnswerError,
  type AnswerValue,
  type InstrumentDefinition,
  type ScoreResult,
} from '../../../domain/instruments/index.js';

/** The chosen option's index for each item, in item order; undefined while unanswered. */
export type Draft = readonly (number | undefined)[];

export type Sex = 'male' | 'female';

function valueAt(definition: InstrumentDefinition, draft: Draft, index: number): AnswerValue | undefined {
  const chosen = draft[index];
  return chosen === undefined ? undefined : definition.items[index]?.options[chosen]?.value;
}

/**
 * Whether an item is asked, given the answers so far. ASQ asks item 5 (acuity) only after a "yes" to
 * 1–4; the C-SSRS screener asks 3–5 only after a "yes" to 2, and 6b only after a "yes" to 6.
 * Items not asked are sent as null, as the scoring expects.
 */
export function isAsked(definition: InstrumentDefinition, draft: Draft, index: number): boolean {
  const yes = (i: number) => valueAt(definition, draft, i) === true;
  switch (definition.id) {
    case 'asq':
      return index !== 4 || [0, 1, 2, 3].some(yes);
    case 'c-ssrs':
      if (index >= 2 && index <= 4) return yes(1);
      if (index === 6) return yes(5);
      return true;
    default:
      return true;
  }
}

export type LiveScore =
  | { kind: 'incomplete'; unanswered: number }
  | { kind: 'scored'; result: ScoreResult; answers: AnswerValue[] }
  | { kind: 'invalid'; message: string };

/**
 * The score once every asked item (and AUDIT-C's sex) is answered, computed by the same domain
 * rule the server uses. Never a partial score: until then, how many answers are missing.
 */
export function liveScore(definition: InstrumentDefinition, draft: Draft, sex: Sex | null): LiveScore {
  const answers: AnswerValue[] = [];
  let unanswered = 0;
  definition.items.forEach((_, index) => {
    const value = isAsked(definition, draft, index) ? valueAt(definition, draft, index) : null;
    if (value === undefined) unanswered += 1;
    answers.push(value ?? null);
  });
  if (definition.extraInputs?.sex && !sex) unanswered += 1;
  if (unanswered > 0) return { kind: 'incomplete', unanswered };
  try {
    const result = INSTRUMENTS[definition.id].score({ answers, sex: sex ?? undefined });
    return { kind: 'scored', result, answers };
  } catch (error) {
    if (error instanceof InstrumentAnswerError) return { kind: 'invalid', message: error.message };
    throw error;
  }
}
