/**
 * Suggested procedure code for a documented service, from a code table passed in as DATA.
 *
 * Sources (see /work/shared/reference/clinical-facts.md §1.5):
 * - 90853 group psychotherapy (other than multiple-family group) [C] (BCBSNC list).
 * - 90832 / 90834 / 90837 individual psychotherapy, time rule 16–37 / 38–52 / ≥ 53 min [C] (empr).
 * - 90846 / 90847 family psychotherapy without / with the patient present [C] (BCBSNC). A minimum
 *   time for family therapy is not in the facts [U]: the defaults set none; add one to the table if
 *   a payer requires it.
 * - 90791 psychiatric diagnostic evaluation (without medical services) [C] (empr; BCBSNC). 90792
 *   (with medical services) needs input this function does not take; a clinician picks it by hand.
 * - 99213 / 99214 established-patient E/M chosen by medical decision making OR total time [C]; the
 *   time thresholds 20 / 30 min are UNCONFIRMED [U] (clinical-facts §8 item 5): they are defaults in
 *   the table, and a suggestion from time never replaces a level chosen by decision making.
 * - Multiple-family group has no code in the facts [U]: no suggestion unless a table adds a rule.
 *
 * CPT codes and descriptors are AMA copyrighted [C]: the descriptions here are our own short
 * paraphrases, never the AMA text. The suggestion is only a suggestion [D]: the clinician confirms
 * the code on the note, and billing rules (per diem vs per service) live in billing.
 */

export const SERVICE_TYPES = [
  'group_therapy',
  'multi_family_group',
  'individual_therapy',
  'family_therapy',
  'medication_management',
  'intake_assessment',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * One row of a code table. The rule applies when minutes are within [minMinutes, maxMinutes]
 * (either bound optional) and, when `patientPresent` is set, the patient's presence matches.
 * `source` cites where the rule comes from, with its clinical-facts tag.
 */
export interface ServiceCodeRule {
  service: ServiceType;
  code: string;
  description: string;
  minMinutes?: number;
  maxMinutes?: number;
  patientPresent?: boolean;
  source: string;
}

/** Plain names of the service types, for reasons and screens. */
export const SERVICE_LABELS: Readonly<Record<ServiceType, string>> = Object.freeze({
  group_therapy: 'Group psychotherapy',
  multi_family_group: 'Multiple-family group psychotherapy',
  individual_therapy: 'Individual psychotherapy',
  family_therapy: 'Family psychotherapy',
  medication_management: 'Medication management',
  intake_assessment: 'Intake assessment',
});

const CPT_15 = '[C] clinical-facts §1.5';

/**
 * The code table as DATA (clinical-facts §1.5): 90853 group; 90832 16–37 min, 90834 38–52, 90837
 * ≥ 53 individual; 90846 family without patient / 90847 with patient; 90791 intake (diagnostic
 * evaluation); medication management E/M 99213 ≥ 20 min / 99214 ≥ 30 min, whose time thresholds are
 * [U] configurable defaults; multi-family group has no rule ([U]). Descriptions are paraphrases.
 */
export const DEFAULT_SERVICE_CODES: readonly ServiceCodeRule[] = Object.freeze(
  (
    [
      { service: 'group_therapy', code: '90853', description: 'Group psychotherapy', source: CPT_15 },
      {
        service: 'individual_therapy',
        code: '90832',
        description: 'Psychotherapy, about 30 minutes',
        minMinutes: 16,
        maxMinutes: 37,
        source: `${CPT_15} (time rule 16–37 min)`,
      },
      {
        service: 'individual_therapy',
        code: '90834',
        description: 'Psychotherapy, about 45 minutes',
        minMinutes: 38,
        maxMinutes: 52,
        source: `${CPT_15} (time rule 38–52 min)`,
      },
      {
        service: 'individual_therapy',
        code: '90837',
        description: 'Psychotherapy, about 60 minutes',
        minMinutes: 53,
        source: `${CPT_15} (time rule ≥ 53 min)`,
      },
      {
        service: 'family_therapy',
        code: '90846',
        description: 'Family psychotherapy, patient not present',
        patientPresent: false,
        source: CPT_15,
      },
      {
        service: 'family_therapy',
        code: '90847',
        description: 'Family psychotherapy, patient present',
        patientPresent: true,
        source: CPT_15,
      },
      {
        service: 'intake_assessment',
        code: '90791',
        description: 'Psychiatric diagnostic evaluation',
        source: CPT_15,
      },
      {
        service: 'medication_management',
        code: '99213',
        description: 'Established patient office visit, low complexity',
        minMinutes: 20,
        source: '[U] clinical-facts §1.5/§8.5: 20-minute threshold unconfirmed, configurable default',
      },
      {
        service: 'medication_management',
        code: '99214',
        description: 'Established patient office visit, moderate complexity',
        minMinutes: 30,
        source: '[U] clinical-facts §1.5/§8.5: 30-minute threshold unconfirmed, configurable default',
      },
    ] satisfies ServiceCodeRule[]
  ).map((r) => Object.freeze(r)),
);

function isServiceType(value: unknown): value is ServiceType {
  return typeof value === 'string' && (SERVICE_TYPES as readonly string[]).includes(value);
}

function assertService(value: unknown): asserts value is ServiceType {
  if (!isServiceType(value)) {
    throw new Error(`Unknown service "${String(value)}": expected one of ${SERVICE_TYPES.join(', ')}.`);
  }
}

function isMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function checkTable(table: unknown): asserts table is readonly ServiceCodeRule[] {
  if (!Array.isArray(table)) throw new Error('Invalid code table: expected an array of rules.');
  table.forEach((r: unknown, i) => {
    if (typeof r !== 'object' || r === null)
      throw new Error(`Invalid code rule at ${i}: expected an object.`);
    const rule = r as Record<string, unknown>;
    const where = `Invalid code rule at ${i}`;
    assertService(rule.service);
    for (const f of ['code', 'description', 'source'] as const) {
      if (typeof rule[f] !== 'string' || rule[f].trim() === '') {
        throw new Error(`${where}: ${f} must be a non-empty string.`);
      }
    }
    for (const f of ['minMinutes', 'maxMinutes'] as const) {
      if (rule[f] !== undefined && !isMinutes(rule[f])) {
        throw new Error(`${where}: ${f} must be a whole, non-negative number of minutes.`);
      }
    }
    if (
      rule.minMinutes !== undefined &&
      rule.maxMinutes !== undefined &&
      (rule.minMinutes as number) > (rule.maxMinutes as number)
    ) {
      throw new Error(`${where}: minMinutes is more than maxMinutes.`);
    }
    if (rule.patientPresent !== undefined && typeof rule.patientPresent !== 'boolean') {
      throw new Error(`${where}: patientPresent must be true, false or absent.`);
    }
  });
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function conditionText(rule: ServiceCodeRule): string {
  const parts: string[] = [];
  const { minMinutes: min, maxMinutes: max } = rule;
  if (min !== undefined && max !== undefined) parts.push(`${min}–${max} minutes`);
  else if (min !== undefined) parts.push(`≥ ${plural(min, 'minute')}`);
  else if (max !== undefined) parts.push(`≤ ${plural(max, 'minute')}`);
  if (rule.patientPresent !== undefined)
    parts.push(rule.patientPresent ? 'patient present' : 'patient not present');
  return parts.length === 0 ? 'any length' : parts.join(', ');
}

/**
 * The suggested code for a service and its minutes (from attendance), or null with no rule (e.g.
 * individual psychotherapy under 16 minutes, a multiple-family group, or 0 minutes: nothing was
 * delivered [D]). When several rules match, the one with the highest `minMinutes` wins (35 minutes
 * of medication management → 99214, not 99213), then the first in the table.
 * Throws on negative/non-integer minutes, an unknown service, a malformed table, or a
 * `patientPresent` left out when a matching rule depends on it (family therapy).
 */
export function suggestServiceCode(
  input: { service: ServiceType; minutes: number; patientPresent?: boolean },
  table: readonly ServiceCodeRule[] = DEFAULT_SERVICE_CODES,
): { code: string; description: string; reason: string } | null {
  const raw: unknown = input;
  if (typeof raw !== 'object' || raw === null)
    throw new Error('Invalid input: expected { service, minutes }.');
  const { service, minutes, patientPresent } = input;
  assertService(service);
  if (!isMinutes(minutes)) {
    throw new Error(`Invalid minutes ${String(minutes)}: must be a whole, non-negative number of minutes.`);
  }
  if (patientPresent !== undefined && typeof patientPresent !== 'boolean') {
    throw new Error('Invalid patientPresent: must be true, false or absent.');
  }
  checkTable(table);
  if (minutes === 0) return null;

  const inRange = table.filter(
    (r) =>
      r.service === service &&
      (r.minMinutes === undefined || minutes >= r.minMinutes) &&
      (r.maxMinutes === undefined || minutes <= r.maxMinutes),
  );
  if (patientPresent === undefined && inRange.some((r) => r.patientPresent !== undefined)) {
    throw new Error(`${SERVICE_LABELS[service]}: say whether the patient was present (patientPresent).`);
  }
  const matching = inRange.filter(
    (r) => r.patientPresent === undefined || r.patientPresent === patientPresent,
  );
  let best: ServiceCodeRule | undefined;
  for (const r of matching) {
    if (best === undefined || (r.minMinutes ?? 0) > (best.minMinutes ?? 0)) best = r;
  }
  if (best === undefined) return null;
  return {
    code: best.code,
    description: best.description,
    reason: `${SERVICE_LABELS[service]}, ${plural(minutes, 'minute')}: ${conditionText(best)} → ${best.code}`,
  };
}

export type SessionKind = 'group' | 'intake_assessment' | 'individual' | 'family' | 'medication_management';

/**
 * Maps a session's kind (and group kind) to its service type: group → group_therapy (multi_family →
 * multi_family_group); individual → individual_therapy; family → family_therapy;
 * medication_management; intake_assessment. The group kind is ignored for other kinds.
 * Throws on an unknown kind or a group kind that is not a string.
 */
export function serviceTypeOf(kind: SessionKind, groupKind?: string | null): ServiceType {
  if (groupKind !== undefined && groupKind !== null && typeof groupKind !== 'string') {
    throw new Error('Invalid group kind: expected a string or null.');
  }
  switch (kind) {
    case 'group':
      return groupKind === 'multi_family' ? 'multi_family_group' : 'group_therapy';
    case 'individual':
      return 'individual_therapy';
    case 'family':
      return 'family_therapy';
    case 'medication_management':
      return 'medication_management';
    case 'intake_assessment':
      return 'intake_assessment';
    default:
      throw new Error(`Unknown session kind "${String(kind)}".`);
  }
}
