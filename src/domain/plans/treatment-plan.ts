/**
 * Treatment-plan rules: what a plan needs before it is signed, score targets against the latest
 * score, and the plain-words changes between two versions for the review record. One plan per IOP
 * episode, versioned; a signed version is immutable (design.md §5).
 *
 * Sources (clinical-facts.md §7.1):
 * - Medicare IOP: an individualized written plan with the physician's diagnosis, the type, amount
 *   and frequency of services, and the treatment goals [C] — hence ≥ 1 diagnosis per problem,
 *   a modality and frequency per intervention, and ≥ 1 goal;
 * - PHP LCD language applied by analogy: goals measurable, time-framed and directly related to the
 *   reason for admission [C] — hence objectives with target dates, every problem addressed by a
 *   goal and every goal by an intervention;
 * - Problem → goal (patient-worded, measurable target such as "PHQ-9 < 10 by date") → objective →
 *   intervention (modality, discipline, frequency per week), plus discharge and step-down criteria,
 *   is our design [D].
 * Review intervals are configuration, in outcomes/plan-review.ts.
 */
import { Temporal } from 'temporal-polyfill';
import { INSTRUMENTS, isInstrumentId } from '../instruments/index.js';
import { SYMPTOM_SCALES } from '../outcomes/metrics.js';

export const MODALITIES = [
  'group_therapy',
  'individual_therapy',
  'family_therapy',
  'medication_management',
  'psychoeducation',
  'skills_training',
  'case_management',
  'peer_support',
] as const;
export type Modality = (typeof MODALITIES)[number];

export const MODALITY_LABELS: Readonly<Record<Modality, string>> = Object.freeze({
  group_therapy: 'Group therapy',
  individual_therapy: 'Individual therapy',
  family_therapy: 'Family therapy',
  medication_management: 'Medication management',
  psychoeducation: 'Psychoeducation',
  skills_training: 'Skills training',
  case_management: 'Case management',
  peer_support: 'Peer support',
});

export const DISCIPLINES = ['therapist', 'prescriber', 'nurse', 'case_manager', 'peer_specialist'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_LABELS: Readonly<Record<Discipline, string>> = Object.freeze({
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  case_manager: 'Case manager',
  peer_specialist: 'Peer specialist',
});

/** How each objective is doing at a plan review. */
export const REVIEW_PROGRESS = ['met', 'progressing', 'no_change', 'worse', 'discontinued'] as const;
export type ReviewProgress = (typeof REVIEW_PROGRESS)[number];

export const REVIEW_PROGRESS_LABELS: Readonly<Record<ReviewProgress, string>> = Object.freeze({
  met: 'Met',
  progressing: 'Progressing',
  no_change: 'No change',
  worse: 'Worse',
  discontinued: 'Discontinued',
});

export interface PlanDiagnosis {
  system: string;
  code: string;
  display: string;
}

export interface PlanProblem {
  id: string;
  statement: string;
  diagnoses: PlanDiagnosis[];
}

/** "PHQ-9 below 10": met when the latest total is strictly below `below`. */
export interface ScoreTarget {
  instrumentId: string;
  below: number;
}

export interface PlanObjective {
  id: string;
  description: string;
  /** Clinic-local YYYY-MM-DD. */
  targetDate: string;
  scoreTarget: ScoreTarget | null;
}

export interface PlanGoal {
  id: string;
  problemIds: string[];
  /** In the patient's own words. */
  statement: string;
  objectives: PlanObjective[];
}

export interface PlanIntervention {
  id: string;
  modality: Modality;
  description: string;
  frequencyPerWeek: number;
  discipline: Discipline;
  goalIds: string[];
}

export interface PlanContent {
  problems: PlanProblem[];
  goals: PlanGoal[];
  interventions: PlanIntervention[];
  dischargeCriteria: string;
  stepDownCriteria: string;
}

/** One thing that stops signing; `path` names the field, e.g. 'goals.0.objectives.1.targetDate'. */
export interface PlanProblemReport {
  path: string;
  message: string;
}

/**
 * Sessions a week an intervention may be planned at: from once every 4 weeks to three a day,
 * every day [D] (wide enough for any IOP schedule, narrow enough to catch a typo).
 */
export const MIN_FREQUENCY_PER_WEEK = 0.25;
export const MAX_FREQUENCY_PER_WEEK = 21;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function plainDate(value: unknown): Temporal.PlainDate | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return null;
  }
}

function isModality(value: unknown): value is Modality {
  return MODALITIES.some((m) => m === value);
}

function isDiscipline(value: unknown): value is Discipline {
  return DISCIPLINES.some((d) => d === value);
}

/**
 * What stops a plan being signed on `signedOn` (clinic-local YYYY-MM-DD), in document order.
 * Empty means signable. Throws only when `signedOn` is not a real date.
 */
export function planSigningProblems(content: PlanContent, signedOn: string): PlanProblemReport[] {
  const signed = plainDate(signedOn);
  if (!signed) throw new Error(`Invalid signedOn date "${signedOn}": expected a real YYYY-MM-DD date.`);
  const out: PlanProblemReport[] = [];
  const report = (path: string, message: string) => out.push({ path, message });

  // Ids: present and unique across problems, goals, objectives and interventions.
  const seen = new Map<string, string>();
  const claimId = (id: string, path: string, name: string) => {
    const first = seen.get(id.trim());
    if (isBlank(id)) report(`${path}.id`, `${name} has no id.`);
    else if (first)
      report(`${path}.id`, `${name} has the same id as ${lowerFirst(first)}; each item needs its own.`);
    else seen.set(id.trim(), name);
  };

  const problemIds = new Set(content.problems.map((p) => p.id));
  const goalIds = new Set(content.goals.map((g) => g.id));

  if (content.problems.length === 0) report('problems', 'Add at least one problem.');
  content.problems.forEach((problem, p) => {
    const name = `Problem ${p + 1}`;
    const path = `problems.${p}`;
    claimId(problem.id, path, name);
    if (isBlank(problem.statement)) report(`${path}.statement`, `${name} needs a statement.`);
    if (problem.diagnoses.length === 0) report(`${path}.diagnoses`, `${name} needs at least one diagnosis.`);
    problem.diagnoses.forEach((d, i) => {
      if (isBlank(d.code)) report(`${path}.diagnoses.${i}.code`, `${name}, diagnosis ${i + 1} needs a code.`);
    });
  });

  if (content.goals.length === 0) report('goals', 'Add at least one goal.');
  content.goals.forEach((goal, g) => {
    const name = `Goal ${g + 1}`;
    const path = `goals.${g}`;
    claimId(goal.id, path, name);
    if (isBlank(goal.statement)) {
      report(`${path}.statement`, `${name} needs a statement, in the patient's own words.`);
    }
    if (goal.problemIds.length === 0)
      report(`${path}.problemIds`, `${name} needs to address at least one problem.`);
    goal.problemIds.forEach((id, i) => {
      if (!problemIds.has(id))
        report(`${path}.problemIds.${i}`, `${name} refers to a problem that is not in the plan.`);
    });
    if (goal.objectives.length === 0) report(`${path}.objectives`, `${name} needs at least one objective.`);
    goal.objectives.forEach((objective, o) => {
      const oName = `${name}, objective ${o + 1}`;
      const oPath = `${path}.objectives.${o}`;
      claimId(objective.id, oPath, oName);
      if (isBlank(objective.description)) report(`${oPath}.description`, `${oName} needs a description.`);
      const target = plainDate(objective.targetDate);
      if (!target) {
        report(`${oPath}.targetDate`, `${oName} needs a target date (a real date like 2026-12-31).`);
      } else if (Temporal.PlainDate.compare(target, signed) < 0) {
        report(`${oPath}.targetDate`, `${oName} has a target date before the signing date, ${signedOn}.`);
      }
      const st = objective.scoreTarget;
      if (st) {
        if (!SYMPTOM_SCALES.includes(st.instrumentId)) {
          report(
            `${oPath}.scoreTarget.instrumentId`,
            `${oName} has a score target on a measure that cannot be used for one; choose a symptom scale such as the PHQ-9.`,
          );
        }
        if (typeof st.below !== 'number' || !Number.isInteger(st.below) || st.below <= 0) {
          report(
            `${oPath}.scoreTarget.below`,
            `${oName} needs a score target that is a whole number above 0.`,
          );
        }
      }
    });
  });

  if (content.interventions.length === 0) report('interventions', 'Add at least one intervention.');
  content.interventions.forEach((intervention, n) => {
    const name = `Intervention ${n + 1}`;
    const path = `interventions.${n}`;
    claimId(intervention.id, path, name);
    if (!isModality(intervention.modality)) report(`${path}.modality`, `${name} needs a type of service.`);
    if (!isDiscipline(intervention.discipline)) {
      report(`${path}.discipline`, `${name} needs the discipline responsible for it.`);
    }
    if (isBlank(intervention.description)) report(`${path}.description`, `${name} needs a description.`);
    const f = intervention.frequencyPerWeek;
    if (
      typeof f !== 'number' ||
      !Number.isFinite(f) ||
      f < MIN_FREQUENCY_PER_WEEK ||
      f > MAX_FREQUENCY_PER_WEEK
    ) {
      report(
        `${path}.frequencyPerWeek`,
        `${name} needs a frequency from ${MIN_FREQUENCY_PER_WEEK} to ${MAX_FREQUENCY_PER_WEEK} times a week.`,
      );
    }
    if (intervention.goalIds.length === 0)
      report(`${path}.goalIds`, `${name} needs to address at least one goal.`);
    intervention.goalIds.forEach((id, i) => {
      if (!goalIds.has(id))
        report(`${path}.goalIds.${i}`, `${name} refers to a goal that is not in the plan.`);
    });
  });

  if (isBlank(content.dischargeCriteria)) report('dischargeCriteria', 'Write the discharge criteria.');
  if (isBlank(content.stepDownCriteria)) report('stepDownCriteria', 'Write the step-down criteria.');

  // Coverage: every problem has a goal, every goal an intervention.
  const addressedProblems = new Set(content.goals.flatMap((g) => g.problemIds));
  content.problems.forEach((problem, p) => {
    if (!addressedProblems.has(problem.id)) {
      report(`problems.${p}`, `Problem ${p + 1} is not addressed by any goal.`);
    }
  });
  const addressedGoals = new Set(content.interventions.flatMap((n) => n.goalIds));
  content.goals.forEach((goal, g) => {
    if (!addressedGoals.has(goal.id))
      report(`goals.${g}`, `Goal ${g + 1} is not addressed by any intervention.`);
  });
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export type ObjectiveProgress = 'met' | 'not_met' | 'no_score';

/**
 * For an objective with a score target: 'met' when the latest total (the most recent score, not
 * the one nearest the target date) is strictly below the target, else 'not_met'. 'no_score' when
 * the objective has no score target or there is no score yet.
 */
export function scoreTargetProgress(objective: PlanObjective, latestTotal: number | null): ObjectiveProgress {
  const target = objective.scoreTarget;
  if (!target || latestTotal === null) return 'no_score';
  return latestTotal < target.below ? 'met' : 'not_met';
}

/** "PHQ-9 below 10 by 2026-12-31". */
export function describeScoreTarget(t: ScoreTarget, shortName: string, targetDate: string): string {
  return `${shortName} below ${t.below} by ${targetDate}`;
}

/** "once a week", "twice a week", "3 times a week", "once every 2 weeks", "0.75 times a week". */
export function describeFrequency(perWeek: number): string {
  if (perWeek === 1) return 'once a week';
  if (perWeek === 2) return 'twice a week';
  if (perWeek > 0 && perWeek < 1 && Number.isInteger(1 / perWeek)) return `once every ${1 / perWeek} weeks`;
  return `${perWeek} times a week`;
}

function instrumentShortName(id: string): string {
  return isInstrumentId(id) ? INSTRUMENTS[id].definition.shortName : id;
}

function describeObjectiveTarget(o: PlanObjective): string {
  return o.scoreTarget
    ? describeScoreTarget(o.scoreTarget, instrumentShortName(o.scoreTarget.instrumentId), o.targetDate)
    : `due ${o.targetDate}`;
}

const quote = (s: string) => `"${s.trim()}"`;
const same = (a: string, b: string) => a.trim() === b.trim();

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** Items removed (in `previous` order), kept (in `next` order) and added (in `next` order). */
function match<T extends { id: string }>(previous: readonly T[], next: readonly T[]) {
  const before = byId(previous);
  const after = byId(next);
  return {
    removed: previous.filter((p) => !after.has(p.id)),
    kept: next.filter((n) => before.has(n.id)).map((n) => [before.get(n.id)!, n] as const),
    added: next.filter((n) => !before.has(n.id)),
  };
}

function diagnosisKey(d: PlanDiagnosis): string {
  return `${d.system}|${d.code.trim()}`;
}

function describeDiagnosis(d: PlanDiagnosis): string {
  return isBlank(d.display) ? d.code.trim() : `${d.code.trim()} ${d.display.trim()}`;
}

function allDiagnoses(content: PlanContent): Map<string, PlanDiagnosis> {
  const out = new Map<string, PlanDiagnosis>();
  for (const d of content.problems.flatMap((p) => p.diagnoses)) {
    if (!out.has(diagnosisKey(d))) out.set(diagnosisKey(d), d);
  }
  return out;
}

function describeIntervention(n: PlanIntervention): string {
  return `${MODALITY_LABELS[n.modality]}, ${describeFrequency(n.frequencyPerWeek)} (${quote(n.description)})`;
}

/**
 * The changes from `previous` to `next` in plain words, for the review record. Items are matched by
 * id, text is compared with surrounding spaces ignored, and diagnoses are compared across the whole
 * plan by system and code. Order: diagnoses, problems, goals, objectives, interventions, criteria;
 * within each, removed, then changed, then added. Empty when nothing changed.
 */
export function planChanges(previous: PlanContent, next: PlanContent): string[] {
  const out: string[] = [];

  const dxBefore = allDiagnoses(previous);
  const dxAfter = allDiagnoses(next);
  for (const [key, d] of dxBefore)
    if (!dxAfter.has(key)) out.push(`Diagnosis removed: ${describeDiagnosis(d)}.`);
  for (const [key, d] of dxAfter)
    if (!dxBefore.has(key)) out.push(`Diagnosis added: ${describeDiagnosis(d)}.`);

  const problems = match(previous.problems, next.problems);
  for (const p of problems.removed) out.push(`Problem removed: ${quote(p.statement)}.`);
  for (const [a, b] of problems.kept) {
    if (!same(a.statement, b.statement))
      out.push(`Problem reworded: ${quote(a.statement)} → ${quote(b.statement)}.`);
  }
  for (const p of problems.added) out.push(`Problem added: ${quote(p.statement)}.`);

  const goals = match(previous.goals, next.goals);
  for (const g of goals.removed) out.push(`Goal removed: ${quote(g.statement)}.`);
  for (const [a, b] of goals.kept) {
    if (!same(a.statement, b.statement))
      out.push(`Goal reworded: ${quote(a.statement)} → ${quote(b.statement)}.`);
  }
  for (const g of goals.added) out.push(`Goal added: ${quote(g.statement)}.`);

  const objectives = match(
    previous.goals.flatMap((g) => g.objectives),
    next.goals.flatMap((g) => g.objectives),
  );
  for (const o of objectives.removed) {
    out.push(`Objective removed: ${quote(o.description)} (${describeObjectiveTarget(o)}).`);
  }
  for (const [a, b] of objectives.kept) {
    if (!same(a.description, b.description)) {
      out.push(`Objective reworded: ${quote(a.description)} → ${quote(b.description)}.`);
    }
    const [ta, tb] = [describeObjectiveTarget(a), describeObjectiveTarget(b)];
    if (ta !== tb) out.push(`Objective ${quote(b.description)}: target changed from ${ta} to ${tb}.`);
  }
  for (const o of objectives.added) {
    out.push(`Objective added: ${quote(o.description)} (${describeObjectiveTarget(o)}).`);
  }

  const interventions = match(previous.interventions, next.interventions);
  for (const n of interventions.removed) out.push(`Intervention removed: ${describeIntervention(n)}.`);
  for (const [a, b] of interventions.kept) {
    const name = `${MODALITY_LABELS[b.modality]} (${quote(b.description)})`;
    if (a.modality !== b.modality) {
      out.push(
        `Intervention ${quote(b.description)}: changed from ${MODALITY_LABELS[a.modality]} to ${MODALITY_LABELS[b.modality]}.`,
      );
    }
    if (!same(a.description, b.description)) {
      out.push(`Intervention reworded: ${quote(a.description)} → ${quote(b.description)}.`);
    }
    if (a.frequencyPerWeek !== b.frequencyPerWeek) {
      out.push(
        `${name}: frequency changed from ${describeFrequency(a.frequencyPerWeek)} to ${describeFrequency(b.frequencyPerWeek)}.`,
      );
    }
    if (a.discipline !== b.discipline) {
      out.push(
        `${name}: now led by the ${DISCIPLINE_LABELS[b.discipline].toLowerCase()} (was the ${DISCIPLINE_LABELS[a.discipline].toLowerCase()}).`,
      );
    }
  }
  for (const n of interventions.added) out.push(`Intervention added: ${describeIntervention(n)}.`);

  if (!same(previous.dischargeCriteria, next.dischargeCriteria)) out.push('Discharge criteria changed.');
  if (!same(previous.stepDownCriteria, next.stepDownCriteria)) out.push('Step-down criteria changed.');
  return out;
}
