import type { MeasurementRuleSchema, MeasurementSettingsDto } from '../../../contracts/outcomes.js';
import { INSTRUMENT_IDS, type InstrumentId } from '../../../domain/instruments/index.js';

/** One measurement rule as the editor holds it: every field present, numbers possibly blank. */
export interface RuleFormValues {
  instrumentId: InstrumentId;
  /** Blank: no repeat, only at admission and/or discharge. */
  everyWeeks: number | '';
  atAdmission: boolean;
  atDischarge: boolean;
  /** None ticked: all tracks. */
  trackIds: string[];
}

export interface SettingsFormValues {
  rules: RuleFormValues[];
  /** Blank: no plan-review interval. */
  planReviewIntervalDays: number | '';
}

export function ruleToForm(rule: MeasurementRuleSchema): RuleFormValues {
  return {
    instrumentId: rule.instrumentId,
    everyWeeks: rule.every?.weeks ?? '',
    atAdmission: rule.at?.includes('admission') ?? false,
    atDischarge: rule.at?.includes('discharge') ?? false,
    trackIds: [...(rule.trackIds ?? [])],
  };
}

export function formToRule(values: RuleFormValues): MeasurementRuleSchema {
  const at = [
    ...(values.atAdmission ? (['admission'] as const) : []),
    ...(values.atDischarge ? (['discharge'] as const) : []),
  ];
  return {
    instrumentId: values.instrumentId,
    ...(values.everyWeeks === '' ? {} : { every: { weeks: values.everyWeeks } }),
    ...(at.length > 0 ? { at } : {}),
    ...(values.trackIds.length > 0 ? { trackIds: [...values.trackIds] } : {}),
  };
}

export function settingsToForm(settings: MeasurementSettingsDto): SettingsFormValues {
  return {
    rules: settings.measurementSchedule.map(ruleToForm),
    planReviewIntervalDays: settings.planReviewIntervalDays ?? '',
  };
}

export function formToSettings(values: SettingsFormValues): MeasurementSettingsDto {
  return {
    measurementSchedule: values.rules.map(formToRule),
    planReviewIntervalDays: values.planReviewIntervalDays === '' ? null : values.planReviewIntervalDays,
  };
}

/** A new rule: the first instrument not yet scheduled, weekly. */
export function newRule(existing: readonly RuleFormValues[]): RuleFormValues {
  const used = new Set(existing.map((r) => r.instrumentId));
  const instrumentId = INSTRUMENT_IDS.find((id) => !used.has(id)) ?? 'phq-9';
  return { instrumentId, everyWeeks: 1, atAdmission: false, atDischarge: false, trackIds: [] };
}

/** Messages for one rule's fields, keyed `instrumentId`, `every`, `at`, `trackIds` or `rule`. */
export type RuleErrors = Partial<Record<'instrumentId' | 'every' | 'at' | 'trackIds' | 'rule', string>>;

export interface SettingsErrors {
  rules: RuleErrors[];
  planReviewIntervalDays?: string;
  /** About the list as a whole (too many rules). */
  schedule?: string;
}

const RULE_FIELDS = ['instrumentId', 'every', 'at', 'trackIds'] as const;

/**
 * Field messages keyed by dotted path (`measurementSchedule.0.every.weeks`, as zod issues or the
 * server's problem give them, with or without a leading `body.`), sorted out per rule and field.
 */
export function settingsErrors(byPath: Readonly<Record<string, string>>, ruleCount: number): SettingsErrors {
  const errors: SettingsErrors = { rules: Array.from({ length: ruleCount }, () => ({})) };
  for (const [rawPath, message] of Object.entries(byPath)) {
    const path = rawPath.replace(/^body\./, '');
    const [head, index, field] = path.split('.');
    if (head === 'planReviewIntervalDays') {
      errors.planReviewIntervalDays ??= message;
    } else if (head === 'measurementSchedule') {
      const i = Number(index);
      const rule = Number.isInteger(i) ? errors.rules[i] : undefined;
      if (!rule) {
        errors.schedule ??= message;
        continue;
      }
      const key = RULE_FIELDS.find((f) => f === field) ?? 'rule';
      rule[key] ??= message;
    }
  }
  return errors;
}

export function hasErrors(errors: SettingsErrors): boolean {
  return (
    !!errors.planReviewIntervalDays ||
    !!errors.schedule ||
    errors.rules.some((r) => Object.keys(r).length > 0)
  );
}

/** Zod issues (`{ path, message }`) as dotted paths, first message per path kept. */
export function issuesByPath(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) result[issue.path.map(String).join('.')] ??= issue.message;
  return result;
}
