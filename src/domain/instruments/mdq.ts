/**
 * MDQ (Hirschfeld et al. 2000). Source: clinical-facts.md §2.1 (MDQ row, [C]): part 1 is 13 yes/no
 * lifetime items; part 2 asks whether several happened in the same period; part 3 rates the
 * problem (none/minor/moderate/serious). Positive screen = ≥ 7 "yes" in part 1 and "yes" to part 2
 * and "moderate" or "serious" in part 3. LOINC and licence are [U].
 *
 * `total` is the part-1 "yes" count (0–13). Part 2 is always required, even with fewer than two
 * "yes" answers (the paper form's "if you checked YES to more than one"): it is never guessed.
 */
import { asBoolean, deepFreeze, itemsOf, validateAnswers, YES_NO } from './answers.js';
import type { Instrument, InstrumentDefinition, ScoreResult } from './types.js';

export const MDQ_PROBLEM_LEVELS = ['none', 'minor', 'moderate', 'serious'] as const;
export type MdqProblemLevel = (typeof MDQ_PROBLEM_LEVELS)[number];
export const MDQ_MIN_YES = 7;
const IMPAIRING: readonly MdqProblemLevel[] = ['moderate', 'serious'];

const STEM = 'Has there ever been a period of time when you were not your usual self and';
const PART1 = [
  'you felt so good or so hyper that other people thought you were not your normal self or you were so hyper that you got into trouble?',
  'you were so irritable that you shouted at people or started fights or arguments?',
  'you felt much more self-confident than usual?',
  "you got much less sleep than usual and found you didn't really miss it?",
  'you were much more talkative or spoke much faster than usual?',
  "thoughts raced through your head or you couldn't slow your mind down?",
  'you were so easily distracted by things around you that you had trouble concentrating or staying on track?',
  'you had much more energy than usual?',
  'you were much more active or did many more things than usual?',
  'you were much more social or outgoing than usual, for example, you telephoned friends in the middle of the night?',
  'you were much more interested in sex than usual?',
  'you did things that were unusual for you or that other people might have thought were excessive, foolish, or risky?',
  'spending money got you or your family into trouble?',
].map((t) => `${STEM}… ${t}`);

const definition: InstrumentDefinition = deepFreeze({
  id: 'mdq',
  name: 'Mood Disorder Questionnaire',
  shortName: 'MDQ',
  loinc: { panel: null, total: null },
  recallPeriod: 'lifetime',
  items: [
    ...itemsOf('yes_no', PART1, YES_NO),
    {
      id: 'same_period',
      text: 'If you checked YES to more than one of the above, have several of these ever happened during the same period of time?',
      kind: 'yes_no',
      options: [...YES_NO],
    },
    {
      id: 'problem_level',
      text: 'How much of a problem did any of these cause you — like being unable to work; having family, money or legal troubles; getting into arguments or fights?',
      kind: 'choice',
      options: [
        { value: 'none', label: 'No problem' },
        { value: 'minor', label: 'Minor problem' },
        { value: 'moderate', label: 'Moderate problem' },
        { value: 'serious', label: 'Serious problem' },
      ],
    },
  ],
  licence: {
    kind: 'unconfirmed',
    note: 'Licence terms are unconfirmed (clinical-facts.md §8 item 9); commonly described as free to use.',
    enabledByDefault: true,
  },
  severities: [],
  bands: [],
  maxTotal: 13,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const values = validateAnswers(definition, answers);
  const yesCount = values.slice(0, 13).map(asBoolean).filter(Boolean).length;
  const samePeriod = asBoolean(values[13]!);
  const problemLevel = MDQ_PROBLEM_LEVELS.find((l) => l === values[14])!;
  const impairing = IMPAIRING.includes(problemLevel);
  return {
    instrument: 'mdq',
    total: yesCount,
    severity: null,
    positive: yesCount >= MDQ_MIN_YES && samePeriod && impairing,
    flags: [],
    extra: { part1YesCount: yesCount, samePeriod, problemLevel },
  };
}

export const mdq: Instrument = { definition, score };
