import type { InstrumentDefinition } from '../../../domain/instruments/index.js';
import { isAsked, type Draft } from '../assessments/screening-draft.js';

/** One screen of the kiosk: an item (by its index in the instrument) or AUDIT-C's sex question. */
export type KioskStep = { kind: 'item'; index: number } | { kind: 'sex' };

/**
 * The screens to show, in order, given the answers so far: items not asked (ASQ 5 and some
 * C-SSRS items, depending on earlier answers) are left out, as on the staff form.
 */
export function kioskSteps(definition: InstrumentDefinition, draft: Draft): KioskStep[] {
  const steps: KioskStep[] = definition.extraInputs?.sex ? [{ kind: 'sex' }] : [];
  definition.items.forEach((_, index) => {
    if (isAsked(definition, draft, index)) steps.push({ kind: 'item', index });
  });
  return steps;
}

/** Drops answers to items that are no longer asked (an earlier answer changed). */
export function pruneDraft(definition: InstrumentDefinition, draft: Draft): Draft {
  return draft.map((answer, index) => (isAsked(definition, draft, index) ? answer : undefined));
}

const HOW_OFTEN = new Set(['phq-9', 'phq-2', 'gad-7', 'gad-2']);

/** The words above each item, in the instrument's own framing; '' where its items stand alone. */
export function questionStem(definition: Pick<InstrumentDefinition, 'id' | 'recallPeriod'>): string {
  if (HOW_OFTEN.has(definition.id)) {
    return `Over the ${definition.recallPeriod}, how often have you been bothered by this?`;
  }
  if (definition.id === 'pcl-5') {
    return `In the ${definition.recallPeriod}, how much were you bothered by this?`;
  }
  if (/^(past|last) [\w ]+$/.test(definition.recallPeriod)) {
    return `Think about the ${definition.recallPeriod}.`;
  }
  return '';
}
