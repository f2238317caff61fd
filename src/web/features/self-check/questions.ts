/**
 * The self-check's questions and their answers. PHQ-9 and GAD-7 come from the instrument
 * definitions; the rest are Trellis's own plain-language questions, each option carrying the
 * level-of-care scale value it stands for.
 */
import { INSTRUMENTS, type ItemDefinition } from '../../../domain/instruments/index.js';
import type { ImpairmentLevel, SupportSystem } from '../../../domain/level-of-care/rules.js';

export interface Choice<T> {
  value: T;
  label: string;
}

export const PHQ9_ITEMS: readonly ItemDefinition[] = INSTRUMENTS['phq-9'].definition.items;
export const GAD7_ITEMS: readonly ItemDefinition[] = INSTRUMENTS['gad-7'].definition.items;

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm), by position. */
export const PHQ9_ITEM9_INDEX = 8;

export const SAFETY_QUESTION = 'Right now, are you having thoughts of ending your life or hurting yourself?';

export const FUNCTIONING_QUESTION =
  'How much do these problems get in the way of your work, school, or life at home?';
export const FUNCTIONING_CHOICES: readonly Choice<ImpairmentLevel>[] = [
  { value: 'none', label: 'Not at all' },
  { value: 'mild', label: 'Some' },
  { value: 'moderate', label: 'A lot' },
  { value: 'severe', label: 'I can’t do those things right now' },
];

export const SUPPORT_QUESTION =
  'Do you have people in your life who can help you, day to day or in a hard moment?';
export const SUPPORT_CHOICES: readonly Choice<SupportSystem>[] = [
  { value: 'strong', label: 'Yes, several people I can count on' },
  { value: 'adequate', label: 'Yes, one or two people' },
  { value: 'limited', label: 'Not really, only a little help' },
  { value: 'none', label: 'No, I don’t have anyone' },
];

export const TRIED_THERAPY_QUESTION = 'Have you tried weekly therapy or counseling for this?';

export const YES_NO_CHOICES: readonly Choice<boolean>[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/** Everything the person has answered so far; `undefined` is not answered yet. */
export interface SelfCheckAnswers {
  safetyNow?: boolean;
  phq9: (number | undefined)[];
  gad7: (number | undefined)[];
  functioning?: ImpairmentLevel;
  support?: SupportSystem;
  triedTherapy?: boolean;
}

export function emptyAnswers(): SelfCheckAnswers {
  return {
    phq9: PHQ9_ITEMS.map(() => undefined),
    gad7: GAD7_ITEMS.map(() => undefined),
  };
}
