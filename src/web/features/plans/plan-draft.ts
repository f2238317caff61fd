import type {
  EpisodePlanDto,
  PlanContent,
  SaveTreatmentPlanBody,
  TreatmentPlanDto,
} from '../../../contracts/plans.js';
import { INSTRUMENTS } from '../../../domain/instruments/index.js';
import {
  DISCIPLINES,
  MODALITIES,
  type Discipline,
  type Modality,
  type ReviewProgress,
} from '../../../domain/plans/index.js';
import { addDays } from '../scheduling/dates.js';
import { fieldKey } from '../notes/field-errors.js';

export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm' as const;

export type Diagnosis = PlanContent['problems'][number]['diagnoses'][number];

/** Instruments an objective may set a score target on, in the order the select lists them. */
export const SCORE_TARGET_INSTRUMENTS = ['phq-9', 'gad-7', 'pcl-5', 'audit-c', 'dast-10'] as const;
export const SCORE_TARGET_OPTIONS = SCORE_TARGET_INSTRUMENTS.map((id) => ({
  value: id,
  label: INSTRUMENTS[id].definition.shortName,
}));

/** "PHQ-9" for an instrument id; the id itself when unknown. */
export function instrumentName(id: string): string {
  return SCORE_TARGET_OPTIONS.find((o) => o.value === id)?.label ?? id;
}

/** Days from today a new objective's target date starts at; the clinician changes it. */
export const DEFAULT_TARGET_DAYS = 30;

export interface ProblemDraft {
  id: string;
  statement: string;
  diagnoses: Diagnosis[];
}

/** An objective as the form holds it: the date is '' while cleared, `below` '' while empty. */
export interface ObjectiveDraft {
  id: string;
  description: string;
  targetDate: string;
  instrumentId: string | null;
  below: number | '';
}

export interface GoalDraft {
  id: string;
  statement: string;
  problemIds: string[];
  objectives: ObjectiveDraft[];
}

export interface InterventionDraft {
  id: string;
  modality: Modality;
  description: string;
  frequencyPerWeek: number | '';
  discipline: Discipline;
  goalIds: string[];
}

export interface ObjectiveReviewDraft {
  progress: ReviewProgress | null;
  comment: string;
}

export interface ReviewDraft {
  /** By objective id of the version reviewed. */
  progress: Record<string, ObjectiveReviewDraft>;
  summary: string;
}

export interface PlanDraft {
  problems: ProblemDraft[];
  goals: GoalDraft[];
  interventions: InterventionDraft[];
  dischargeCriteria: string;
  stepDownCriteria: string;
  payerReviewIntervalDays: number | '';
  /** Present when this version reviews the signed one before it. */
  review: ReviewDraft | null;
}

export type NewId = () => string;
const randomId: NewId = () => crypto.randomUUID();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (value: string): boolean =>
  ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Today's date in the browser, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newProblem(newId: NewId = randomId, diagnoses: Diagnosis[] = []): ProblemDraft {
  return { id: newId(), statement: '', diagnoses };
}

export function newObjective(today: string, newId: NewId = randomId): ObjectiveDraft {
  return {
    id: newId(),
    description: '',
    targetDate: addDays(today, DEFAULT_TARGET_DAYS),
    instrumentId: null,
    below: '',
  };
}

/** A new goal addresses every problem when there is only one, and starts with one objective. */
export function newGoal(
  problems: readonly ProblemDraft[],
  today: string,
  newId: NewId = randomId,
): GoalDraft {
  return {
    id: newId(),
    statement: '',
    problemIds: problems.length === 1 ? [problems[0]!.id] : [],
    objectives: [newObjective(today, newId)],
  };
}

export function newIntervention(goals: readonly GoalDraft[], newId: NewId = randomId): InterventionDraft {
  return {
    id: newId(),
    modality: MODALITIES[0],
    description: '',
    frequencyPerWeek: 1,
    discipline: DISCIPLINES[0],
    goalIds: goals.length === 1 ? [goals[0]!.id] : [],
  };
}

/** The episode's diagnoses as plan diagnoses: ICD-10-CM codes only, the code standing in for a missing title. */
export function episodeDiagnoses(episode: EpisodePlanDto['episode']): Diagnosis[] {
  return episode.diagnoses
    .filter((d) => d.system === ICD10CM)
    .map((d) => ({ system: ICD10CM, code: d.code, display: d.display?.trim() || d.code }));
}

export function draftFromContent(
  content: PlanContent,
  payerReviewIntervalDays: number | null,
  review: ReviewDraft | null,
): PlanDraft {
  return {
    problems: content.problems.map((p) => ({ ...p, diagnoses: p.diagnoses.map((d) => ({ ...d })) })),
    goals: content.goals.map((g) => ({
      id: g.id,
      statement: g.statement,
      problemIds: [...g.problemIds],
      objectives: g.objectives.map((o) => ({
        id: o.id,
        description: o.description,
        targetDate: o.targetDate,
        instrumentId: o.scoreTarget?.instrumentId ?? null,
        below: o.scoreTarget?.below ?? '',
      })),
    })),
    interventions: content.interventions.map((i) => ({ ...i, goalIds: [...i.goalIds] })),
    dischargeCriteria: content.dischargeCriteria,
    stepDownCriteria: content.stepDownCriteria,
    payerReviewIntervalDays: payerReviewIntervalDays ?? '',
    review,
  };
}

/** Every objective of a plan, with the statement of the goal it belongs to. */
export function objectivesOf(
  content: PlanContent,
): { goal: string; objective: PlanContent['goals'][number]['objectives'][number] }[] {
  return content.goals.flatMap((g) => g.objectives.map((objective) => ({ goal: g.statement, objective })));
}

/** A review with nothing chosen yet for each objective of the version reviewed. */
export function emptyReview(previous: PlanContent): ReviewDraft {
  const progress: Record<string, ObjectiveReviewDraft> = {};
  for (const { objective } of objectivesOf(previous))
    progress[objective.id] = { progress: null, comment: '' };
  return { progress, summary: '' };
}

/** The review part of a saved draft, over every objective of the version reviewed. */
export function reviewFromPlan(plan: TreatmentPlanDto, previous: PlanContent): ReviewDraft {
  const review = emptyReview(previous);
  for (const p of plan.review?.progress ?? []) {
    review.progress[p.objectiveId] = { progress: p.progress, comment: p.comment };
  }
  review.summary = plan.review?.summary ?? '';
  return review;
}

/** The form's state for a saved draft; `previous` is the signed version it reviews, if any. */
export function draftFromPlan(plan: TreatmentPlanDto, previous: TreatmentPlanDto | null): PlanDraft {
  return draftFromContent(
    plan.content,
    plan.payerReviewIntervalDays,
    previous ? reviewFromPlan(plan, previous.content) : null,
  );
}

/** The first plan of an episode: one problem per diagnosis of the episode (one empty problem without any). */
export function firstPlanDraft(episode: EpisodePlanDto['episode'], newId: NewId = randomId): PlanDraft {
  const diagnoses = episodeDiagnoses(episode);
  return {
    problems: diagnoses.length ? diagnoses.map((d) => newProblem(newId, [d])) : [newProblem(newId)],
    goals: [],
    interventions: [],
    dischargeCriteria: '',
    stepDownCriteria: '',
    payerReviewIntervalDays: '',
    review: null,
  };
}

/** A review of the signed plan: its content copied as the new version's start, progress still to choose. */
export function reviewDraftFrom(signed: TreatmentPlanDto): PlanDraft {
  return draftFromContent(signed.content, signed.payerReviewIntervalDays, emptyReview(signed.content));
}

/** Objectives a save leaves out (kept on screen only): a target date is needed to store one. */
export function unsavedObjectiveIds(draft: PlanDraft): string[] {
  return draft.goals.flatMap((g) => g.objectives.filter((o) => !isDate(o.targetDate)).map((o) => o.id));
}

/**
 * The PUT body. Links to removed problems and goals are dropped, a score target goes only when
 * both the instrument and the number are given, and an objective without a valid date stays on
 * screen until it has one. Review progress goes for the objectives whose progress is chosen.
 */
export function planSaveBody(draft: PlanDraft): SaveTreatmentPlanBody {
  const problemIds = new Set(draft.problems.map((p) => p.id));
  const goalIds = new Set(draft.goals.map((g) => g.id));
  const body: SaveTreatmentPlanBody = {
    content: {
      problems: draft.problems.map((p) => ({ id: p.id, statement: p.statement, diagnoses: p.diagnoses })),
      goals: draft.goals.map((g) => ({
        id: g.id,
        statement: g.statement,
        problemIds: g.problemIds.filter((id) => problemIds.has(id)),
        objectives: g.objectives
          .filter((o) => isDate(o.targetDate))
          .map((o) => ({
            id: o.id,
            description: o.description,
            targetDate: o.targetDate,
            scoreTarget:
              o.instrumentId && o.below !== '' ? { instrumentId: o.instrumentId, below: o.below } : null,
          })),
      })),
      interventions: draft.interventions.map((i) => ({
        id: i.id,
        modality: i.modality,
        description: i.description,
        frequencyPerWeek: i.frequencyPerWeek === '' ? 0 : i.frequencyPerWeek,
        discipline: i.discipline,
        goalIds: i.goalIds.filter((id) => goalIds.has(id)),
      })),
      dischargeCriteria: draft.dischargeCriteria,
      stepDownCriteria: draft.stepDownCriteria,
    },
    payerReviewIntervalDays: draft.payerReviewIntervalDays === '' ? null : draft.payerReviewIntervalDays,
  };
  if (draft.review) {
    body.review = {
      progress: Object.entries(draft.review.progress).flatMap(([objectiveId, r]) =>
        r.progress ? [{ objectiveId, progress: r.progress, comment: r.comment }] : [],
      ),
      summary: draft.review.summary,
    };
  }
  return body;
}

/** Form-side messages the server cannot give, keyed like `planErrorKeys`: `<objectiveId>.targetDate`, `<objectiveId>.below`. */
export function localPlanMessages(draft: PlanDraft): Record<string, string> {
  const result: Record<string, string> = {};
  for (const o of draft.goals.flatMap((g) => g.objectives)) {
    if (!isDate(o.targetDate)) {
      result[`${o.id}.targetDate`] = 'Enter a target date; this objective is saved once it has one.';
    }
    if (o.instrumentId && o.below === '') result[`${o.id}.below`] = 'Enter the score to stay below.';
  }
  return result;
}

type Walkable = Record<string, unknown> | unknown[] | undefined;

/**
 * A server error path as a key the form can show beside a field. Paths go through the content by
 * index (`content.goals.0.objectives.1.targetDate`); the key names the item by its id instead,
 * which stays right while items are added or removed: `<objectiveId>.targetDate`, `<goalId>.problemIds`,
 * `<problemId>.diagnoses`. Top-level fields keep their name (`dischargeCriteria`, `goals`,
 * `payerReviewIntervalDays`); review progress becomes `review.<objectiveId>`.
 */
export function planErrorKey(
  path: string,
  content: PlanContent,
  review?: SaveTreatmentPlanBody['review'],
): string {
  const segments = fieldKey(path)
    .replace(/^body\./, '')
    .split('.')
    .filter(Boolean);
  if (segments[0] === 'review') {
    if (segments[1] === 'progress' && segments[2] !== undefined && /^\d+$/.test(segments[2])) {
      const objectiveId = review?.progress[Number(segments[2])]?.objectiveId;
      if (objectiveId) return `review.${objectiveId}`;
    }
    return segments.slice(0, 2).join('.');
  }
  if (segments[0] === 'content') segments.shift();
  let node: Walkable = content;
  let key: string[] = [];
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const item: unknown = node[Number(segment)];
      const id = (item as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') key = [id];
      else key.push(segment);
      node = item as Walkable;
    } else {
      key.push(segment);
      node = node && !Array.isArray(node) ? (node[segment] as Walkable) : undefined;
    }
  }
  while (key.length > 1 && /^\d+$/.test(key[key.length - 1]!)) key.pop();
  return key.join('.');
}

export interface PlanErrors {
  /** By `planErrorKey`. */
  fields: Record<string, string>;
  /** Every message, in the server's order, for the checklist. */
  all: { key: string; message: string }[];
}

export function mapPlanErrors(
  errors: readonly { path: string; message: string }[],
  content: PlanContent,
  review?: SaveTreatmentPlanBody['review'],
): PlanErrors {
  const result: PlanErrors = { fields: {}, all: [] };
  for (const { path, message } of errors) {
    const key = planErrorKey(path, content, review);
    result.fields[key] ??= message;
    result.all.push({ key, message });
  }
  return result;
}

export type ReviewStatus = NonNullable<TreatmentPlanDto['reviewStatus']> | 'no_plan';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  overdue: 'Review overdue',
  due_this_week: 'Review due this week',
  not_due: 'Review not yet due',
  no_plan: 'No plan yet',
};

const REVIEW_ORDER: Record<ReviewStatus, number> = { overdue: 0, due_this_week: 1, no_plan: 2, not_due: 3 };

/** Overdue first, then due this week, then patients without a plan; earliest due date, then name, within each. */
export function sortReviewsDue<T extends { status: ReviewStatus; dueOn: string | null; patientName: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      REVIEW_ORDER[a.status] - REVIEW_ORDER[b.status] ||
      (a.dueOn ?? '').localeCompare(b.dueOn ?? '') ||
      a.patientName.localeCompare(b.patientName),
  );
}

/** "Goal 2: I want to sleep through the night", for checkboxes that link to a goal. */
export function goalLabel(goal: { statement: string }, index: number): string {
  return goal.statement.trim() ? `Goal ${index + 1}: ${goal.statement.trim()}` : `Goal ${index + 1}`;
}

/** "Problem 1: Depressed mood" (the first diagnosis when the statement is empty). */
export function problemLabel(problem: { statement: string; diagnoses: Diagnosis[] }, index: number): string {
  const text = problem.statement.trim() || problem.diagnoses[0]?.display || '';
  return text ? `Problem ${index + 1}: ${text}` : `Problem ${index + 1}`;
}
