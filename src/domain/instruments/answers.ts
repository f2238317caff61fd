/**
 * Answer validation and small scoring helpers shared by every instrument. Validation is strict:
 * a wrong count, a missing answer, a value of the wrong type or outside the item's options throws
 * InstrumentAnswerError naming the first offending item. Nothing is guessed or prorated.
 */
import {
  InstrumentAnswerError,
  type AnswerOption,
  type AnswerValue,
  type InstrumentDefinition,
  type ItemDefinition,
} from './types.js';

export const YES_NO: readonly AnswerOption[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** Options scored 0, 1, 2, … in the order of `labels` (or with explicit `values`). */
export function ratedOptions(labels: readonly string[], values?: readonly number[]): AnswerOption[] {
  return labels.map((label, i) => ({ value: values?.[i] ?? i, label }));
}

/** Builds items '1'..'n' of one kind sharing one option list. */
export function itemsOf(
  kind: 'rated' | 'yes_no',
  texts: readonly string[],
  options: readonly AnswerOption[],
): ItemDefinition[] {
  return texts.map((text, i) => ({ id: String(i + 1), text, kind, options: [...options] }));
}

/** Freezes a definition all the way down, so no caller can change a shared instrument. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Whether an item's answer must be `null`, may be `null`, or must not be, given earlier answers. */
export type NullRule = 'forbidden' | 'allowed' | 'required';

/**
 * Checks an answer set against a definition and returns it typed. `nullRule` decides, per item,
 * whether `null` is required, allowed or forbidden (the default) given the answers before it.
 */
export function validateAnswers(
  definition: InstrumentDefinition,
  answers: unknown,
  nullRule: (index: number, earlier: readonly AnswerValue[]) => NullRule = () => 'forbidden',
): AnswerValue[] {
  const { items, shortName } = definition;
  const n = items.length;
  if (!Array.isArray(answers)) {
    throw new InstrumentAnswerError('*', -1, `${shortName}: answers must be an array of ${n} answers`);
  }
  const missing = items[answers.length];
  if (missing) {
    throw new InstrumentAnswerError(
      missing.id,
      answers.length,
      `${shortName}: expected ${n} answers, got ${answers.length}; item ${missing.id} is missing`,
    );
  }
  if (answers.length > n) {
    throw new InstrumentAnswerError('*', n, `${shortName}: expected ${n} answers, got ${answers.length}`);
  }
  const out: AnswerValue[] = [];
  items.forEach((item, index) => {
    const value: unknown = answers[index];
    const rule = nullRule(index, out);
    const fail = (why: string) =>
      new InstrumentAnswerError(item.id, index, `${shortName} item ${item.id} (answer ${index}): ${why}`);
    if (value === null) {
      if (rule === 'forbidden') throw fail('an answer is required');
      out.push(null);
    } else if (rule === 'required') {
      throw fail(`must be null (${item.nullable?.when ?? 'not asked'})`);
    } else {
      out.push(checkValue(item, value, fail));
    }
  });
  return out;
}

function checkValue(item: ItemDefinition, value: unknown, fail: (why: string) => Error): AnswerValue {
  const allowed = item.options.map((o) => o.value);
  switch (item.kind) {
    case 'rated':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw fail('must be a whole number');
      if (!allowed.includes(value)) throw fail(`must be one of ${allowed.join(', ')}`);
      return value;
    case 'yes_no':
      if (typeof value !== 'boolean') throw fail('must be true (yes) or false (no)');
      return value;
    case 'choice':
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw fail(`must be one of ${allowed.map((v) => `"${String(v)}"`).join(', ')}`);
      }
      return value;
  }
}

/** Validates an instrument whose items are all rated, and returns the scores. */
export function ratedAnswers(definition: InstrumentDefinition, answers: unknown): number[] {
  return validateAnswers(definition, answers).map(asNumber);
}

/** Validates an instrument whose items are all yes/no, and returns the answers. */
export function yesNoAnswers(definition: InstrumentDefinition, answers: unknown): boolean[] {
  return validateAnswers(definition, answers).map(asBoolean);
}

export function asNumber(value: AnswerValue): number {
  if (typeof value !== 'number') throw new TypeError('validated answer is not a number');
  return value;
}

export function asBoolean(value: AnswerValue): boolean {
  if (typeof value !== 'boolean') throw new TypeError('validated answer is not a boolean');
  return value;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A severity band: totals from `min` up to the next band's `min` get `code`. */
export interface Band<S extends string> {
  readonly min: number;
  readonly code: S;
}

/** The code of the highest band whose `min` the total reaches; bands are in increasing order. */
export function bandFor<S extends string>(total: number, bands: readonly [Band<S>, ...Band<S>[]]): S {
  let code = bands[0].code;
  for (const b of bands) if (total >= b.min) code = b.code;
  return code;
}
