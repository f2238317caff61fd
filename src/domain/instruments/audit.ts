/**
 * AUDIT (WHO, Babor et al. 2001). Source: clinical-facts.md §2.1 (AUDIT row): items 1–8 scored
 * 0–4, items 9–10 scored 0, 2 or 4, total 0–40, past year [C]; WHO zones I 0–7, II 8–15,
 * III 16–19, IV 20–40 [C]; ≥ 8 is the standard hazardous cut-off [C] (the ≥ 7-for-women variant
 * is only [S] and is not applied); move to the next higher intervention if ≥ 2 on items 4–6 or 4
 * on items 9–10 [C]. LOINC total 75624-7 [S]; panel [U]: null. Free-to-use terms [U].
 *
 * Judgements: `severity` is the zone of the total alone, so it stays monotone in the total and
 * matches the published ranges; the move-up rule changes the recommended *intervention*, reported
 * as `extra.interventionZone` (one zone higher, at most zone_4) with `extra.moveUpOneZone`. The
 * rule is read per item: any one of items 4, 5, 6 scoring ≥ 2, or item 9 or 10 scoring 4.
 */
import { bandFor, deepFreeze, ratedAnswers, ratedOptions, sum, type Band } from './answers.js';
import {
  severityBands,
  type Instrument,
  type InstrumentDefinition,
  type ItemDefinition,
  type ScoreResult,
} from './types.js';

export const AUDIT_BANDS = [
  { min: 0, code: 'zone_1' },
  { min: 8, code: 'zone_2' },
  { min: 16, code: 'zone_3' },
  { min: 20, code: 'zone_4' },
] as const satisfies readonly Band<string>[];
export type AuditZone = (typeof AUDIT_BANDS)[number]['code'];
const ZONES: readonly AuditZone[] = AUDIT_BANDS.map((b) => b.code);

export const AUDIT_MAX_TOTAL = 40;
/** WHO risk-level zones I–IV; the zone names only, as the fact sheet gives no other wording. */
const AUDIT_BAND_LABELS: Record<AuditZone, string> = {
  zone_1: 'Zone I',
  zone_2: 'Zone II',
  zone_3: 'Zone III',
  zone_4: 'Zone IV',
};

export const AUDIT_POSITIVE_AT = 8;

const HOW_OFTEN = ratedOptions(['Never', 'Less than monthly', 'Monthly', 'Weekly', 'Daily or almost daily']);
const INJURY_OR_CONCERN = ratedOptions(
  ['No', 'Yes, but not in the last year', 'Yes, during the last year'],
  [0, 2, 4],
);

/** AUDIT items 1–3 (also the AUDIT-C). */
export const AUDIT_CONSUMPTION_ITEMS: readonly ItemDefinition[] = deepFreeze([
  {
    id: '1',
    text: 'How often do you have a drink containing alcohol?',
    kind: 'rated',
    options: ratedOptions([
      'Never',
      'Monthly or less',
      '2 to 4 times a month',
      '2 to 3 times a week',
      '4 or more times a week',
    ]),
  },
  {
    id: '2',
    text: 'How many drinks containing alcohol do you have on a typical day when you are drinking?',
    kind: 'rated',
    options: ratedOptions(['1 or 2', '3 or 4', '5 or 6', '7, 8, or 9', '10 or more']),
  },
  {
    id: '3',
    text: 'How often do you have six or more drinks on one occasion?',
    kind: 'rated',
    options: HOW_OFTEN,
  },
]);

const LAST_YEAR_TEXTS = [
  'How often during the last year have you found that you were not able to stop drinking once you had started?',
  'How often during the last year have you failed to do what was normally expected from you because of drinking?',
  'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?',
  'How often during the last year have you had a feeling of guilt or remorse after drinking?',
  'How often during the last year have you been unable to remember what happened the night before because you had been drinking?',
];

const definition: InstrumentDefinition = deepFreeze({
  id: 'audit',
  name: 'Alcohol Use Disorders Identification Test',
  shortName: 'AUDIT',
  loinc: { panel: null, total: '75624-7' },
  recallPeriod: 'past year',
  items: [
    ...AUDIT_CONSUMPTION_ITEMS,
    ...LAST_YEAR_TEXTS.map((text, i) => ({
      id: String(i + 4),
      text,
      kind: 'rated' as const,
      options: HOW_OFTEN,
    })),
    {
      id: '9',
      text: 'Have you or someone else been injured as a result of your drinking?',
      kind: 'rated',
      options: INJURY_OR_CONCERN,
    },
    {
      id: '10',
      text: 'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?',
      kind: 'rated',
      options: INJURY_OR_CONCERN,
    },
  ],
  licence: {
    kind: 'unconfirmed',
    note: 'WHO instrument (Babor et al. 2001), commonly described as free to use; the terms are unconfirmed (clinical-facts.md §8 item 9).',
    enabledByDefault: true,
  },
  severities: ZONES,
  bands: severityBands(AUDIT_BANDS, AUDIT_BAND_LABELS, AUDIT_MAX_TOTAL),
  maxTotal: AUDIT_MAX_TOTAL,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const v = ratedAnswers(definition, answers);
  const total = sum(v);
  const zone = bandFor<AuditZone>(total, AUDIT_BANDS);
  const moveUpOneZone = v.slice(3, 6).some((x) => x >= 2) || v.slice(8, 10).some((x) => x === 4);
  const interventionZone = moveUpOneZone ? ZONES[Math.min(ZONES.indexOf(zone) + 1, ZONES.length - 1)]! : zone;
  return {
    instrument: 'audit',
    total,
    severity: zone,
    positive: total >= AUDIT_POSITIVE_AT,
    flags: [],
    extra: { moveUpOneZone, interventionZone },
  };
}

export const audit: Instrument = { definition, score };
