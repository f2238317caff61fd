/**
 * PCL-5. Source: clinical-facts.md §2.1 (PCL-5 row, [C] for cut-point and DSM rule): 20 items
 * 0 (not at all) – 4 (extremely), total 0–80, past-month recall; clusters B 1–5, C 6–7, D 8–14,
 * E 15–20. Provisional PTSD: total ≥ 31–33, or the DSM-5 rule counting items ≥ 2 as endorsed
 * (≥ 1 B, ≥ 1 C, ≥ 2 D, ≥ 2 E). No empirical severity bands. LOINC is [U]: null.
 * Public domain (VA National Center for PTSD).
 *
 * Judgement: `positive` is the total-score rule only, at the top of the published 31–33 range (the
 * most specific choice; the lead's brief asks for 33). The DSM-5 cluster rule is reported beside it
 * in `extra` for the clinician, not folded into `positive`.
 */
import { deepFreeze, itemsOf, ratedAnswers, ratedOptions, sum } from './answers.js';
import type { Instrument, InstrumentDefinition, ScoreResult } from './types.js';

export const PCL5_PROVISIONAL_PTSD_CUTOFF = 33;
/** An item counts as an endorsed symptom for the DSM-5 rule at "Moderately" (2) or above. */
export const PCL5_SYMPTOM_ENDORSED_AT = 2;

/** Item numbers (1-based) of each DSM-5 cluster, and how many endorsed items the rule needs. */
export type Pcl5Cluster = 'B' | 'C' | 'D' | 'E';
export const PCL5_CLUSTERS: Readonly<Record<Pcl5Cluster, { items: readonly number[]; needed: number }>> =
  deepFreeze({
    B: { items: [1, 2, 3, 4, 5], needed: 1 },
    C: { items: [6, 7], needed: 1 },
    D: { items: [8, 9, 10, 11, 12, 13, 14], needed: 2 },
    E: { items: [15, 16, 17, 18, 19, 20], needed: 2 },
  });
const CLUSTER_NAMES: readonly Pcl5Cluster[] = ['B', 'C', 'D', 'E'];

const TEXTS = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being "superalert" or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
];

const definition: InstrumentDefinition = deepFreeze({
  id: 'pcl-5',
  name: 'PTSD Checklist for DSM-5',
  shortName: 'PCL-5',
  loinc: { panel: null, total: null },
  recallPeriod: 'past month',
  items: itemsOf(
    'rated',
    TEXTS,
    ratedOptions(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely']),
  ),
  licence: {
    kind: 'public_domain',
    note: 'Public domain (U.S. Department of Veterans Affairs, National Center for PTSD).',
    enabledByDefault: true,
  },
  severities: [],
  bands: [],
  maxTotal: 80,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const values = ratedAnswers(definition, answers);
  const total = sum(values);
  const endorsed = (n: number) => values[n - 1]! >= PCL5_SYMPTOM_ENDORSED_AT;
  const clusterCounts = { B: 0, C: 0, D: 0, E: 0 };
  for (const c of CLUSTER_NAMES) clusterCounts[c] = PCL5_CLUSTERS[c].items.filter(endorsed).length;
  const dsm5ClusterRuleMet = CLUSTER_NAMES.every((c) => clusterCounts[c] >= PCL5_CLUSTERS[c].needed);
  return {
    instrument: 'pcl-5',
    total,
    severity: null,
    positive: total >= PCL5_PROVISIONAL_PTSD_CUTOFF,
    flags: [],
    extra: { dsm5ClusterRuleMet, clusterCounts },
  };
}

export const pcl5: Instrument = { definition, score };
