import { describe, expect, it } from 'vitest';
import type { EpisodePlanDto, PlanContent, TreatmentPlanDto } from '../../../contracts/plans.js';
import {
  ICD10CM,
  draftFromPlan,
  firstPlanDraft,
  localPlanMessages,
  mapPlanErrors,
  newGoal,
  planErrorKey,
  planSaveBody,
  reviewDraftFrom,
  sortReviewsDue,
  type PlanDraft,
} from './plan-draft.js';

const seq = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const content: PlanContent = {
  problems: [
    {
      id: 'p1',
      statement: 'Depressed mood',
      diagnoses: [{ system: ICD10CM, code: 'F33.1', display: 'MDD' }],
    },
  ],
  goals: [
    {
      id: 'g1',
      problemIds: ['p1'],
      statement: 'I want to get out of bed',
      objectives: [
        { id: 'o1', description: 'Walk daily', targetDate: '2026-12-01', scoreTarget: null },
        {
          id: 'o2',
          description: 'Mood',
          targetDate: '2026-12-15',
          scoreTarget: { instrumentId: 'phq-9', below: 10 },
        },
      ],
    },
  ],
  interventions: [
    {
      id: 'i1',
      modality: 'group_therapy',
      description: 'CBT group',
      frequencyPerWeek: 3,
      discipline: 'therapist',
      goalIds: ['g1'],
    },
  ],
  dischargeCriteria: 'PHQ-9 below 10',
  stepDownCriteria: 'Stable for two weeks',
};

const plan = (patch: Partial<TreatmentPlanDto> = {}): TreatmentPlanDto =>
  ({
    id: '11111111-1111-4111-8111-111111111111',
    status: 'signed',
    version: 1,
    content,
    review: null,
    payerReviewIntervalDays: 14,
    objectives: [],
    signingProblems: [],
    ...patch,
  }) as TreatmentPlanDto;

const episode = (diagnoses: EpisodePlanDto['episode']['diagnoses']): EpisodePlanDto['episode'] => ({
  id: '22222222-2222-4222-8222-222222222222',
  programName: 'Adult IOP',
  trackName: 'Mornings',
  admittedOn: '2026-11-01',
  status: 'active',
  diagnoses,
});

describe('firstPlanDraft', () => {
  it('starts one problem per ICD-10-CM diagnosis of the episode', () => {
    const draft = firstPlanDraft(
      episode([
        { system: ICD10CM, code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' },
        { system: ICD10CM, code: 'F41.1' },
        { system: 'http://snomed.info/sct', code: '123' },
      ]),
      seq(),
    );
    expect(draft.problems).toEqual([
      {
        id: 'id-1',
        statement: '',
        diagnoses: [
          { system: ICD10CM, code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' },
        ],
      },
      { id: 'id-2', statement: '', diagnoses: [{ system: ICD10CM, code: 'F41.1', display: 'F41.1' }] },
    ]);
    expect(draft.review).toBeNull();
  });

  it('starts one empty problem when the episode has no diagnosis', () => {
    expect(firstPlanDraft(episode([]), seq()).problems).toEqual([
      { id: 'id-1', statement: '', diagnoses: [] },
    ]);
  });
});

describe('newGoal', () => {
  it('links the only problem and starts an objective 30 days out', () => {
    const goal = newGoal([{ id: 'p1', statement: '', diagnoses: [] }], '2026-11-20', seq());
    expect(goal.problemIds).toEqual(['p1']);
    expect(goal.objectives[0]?.targetDate).toBe('2026-12-20');
  });
});

describe('planSaveBody', () => {
  it('round-trips a saved plan', () => {
    const body = planSaveBody(draftFromPlan(plan({ status: 'draft' }), null));
    expect(body).toEqual({ content, payerReviewIntervalDays: 14 });
  });

  it('drops links to removed items, incomplete score targets and undated objectives', () => {
    const draft: PlanDraft = draftFromPlan(plan({ status: 'draft' }), null);
    draft.problems = [];
    draft.goals[0]!.objectives[0]!.targetDate = '';
    draft.goals[0]!.objectives[1]!.below = '';
    draft.interventions[0]!.goalIds = ['g1', 'gone'];
    draft.interventions[0]!.frequencyPerWeek = '';
    draft.payerReviewIntervalDays = '';
    const body = planSaveBody(draft);
    expect(body.content.goals[0]?.problemIds).toEqual([]);
    expect(body.content.goals[0]?.objectives.map((o) => [o.id, o.scoreTarget])).toEqual([['o2', null]]);
    expect(body.content.interventions[0]?.goalIds).toEqual(['g1']);
    expect(body.content.interventions[0]?.frequencyPerWeek).toBe(0);
    expect(body.payerReviewIntervalDays).toBeNull();
    expect(localPlanMessages(draft)).toEqual({
      'o1.targetDate': 'Enter a target date; this objective is saved once it has one.',
      'o2.below': 'Enter the score to stay below.',
    });
  });

  it('sends the review progress chosen so far', () => {
    const draft = reviewDraftFrom(plan());
    draft.review!.progress.o1 = { progress: 'met', comment: 'Walks daily' };
    draft.review!.summary = 'Going well';
    expect(planSaveBody(draft).review).toEqual({
      progress: [{ objectiveId: 'o1', progress: 'met', comment: 'Walks daily' }],
      summary: 'Going well',
    });
  });
});

describe('reviewDraftFrom', () => {
  it('copies the signed content, ids kept, with nothing chosen for each objective', () => {
    const signed = plan();
    const draft = reviewDraftFrom(signed);
    expect(planSaveBody(draft).content).toEqual(signed.content);
    expect(draft.review).toEqual({
      progress: { o1: { progress: null, comment: '' }, o2: { progress: null, comment: '' } },
      summary: '',
    });
    draft.goals[0]!.statement = 'Changed';
    expect(signed.content.goals[0]?.statement).toBe('I want to get out of bed');
  });

  it('reads a saved review back over the previous version’s objectives', () => {
    const saved = plan({
      status: 'draft',
      version: 2,
      review: {
        progress: [{ objectiveId: 'o2', progress: 'progressing', comment: '' }],
        summary: 'S',
        changes: [],
        reviewedOn: '2026-11-20',
      },
    });
    const draft = draftFromPlan(saved, plan());
    expect(draft.review?.progress.o2).toEqual({ progress: 'progressing', comment: '' });
    expect(draft.review?.progress.o1).toEqual({ progress: null, comment: '' });
    expect(draft.review?.summary).toBe('S');
  });
});

describe('planErrorKey', () => {
  it('names items by id, whatever their index', () => {
    expect(planErrorKey('content.goals.0.objectives.1.targetDate', content)).toBe('o2.targetDate');
    expect(planErrorKey('/content/goals/0/problemIds', content)).toBe('g1.problemIds');
    expect(planErrorKey('content.goals.0.problemIds.0', content)).toBe('g1.problemIds');
    expect(planErrorKey('goals.0.objectives.0.scoreTarget.below', content)).toBe('o1.scoreTarget.below');
    expect(planErrorKey('problems.0.diagnoses', content)).toBe('p1.diagnoses');
    expect(planErrorKey('content.dischargeCriteria', content)).toBe('dischargeCriteria');
    expect(planErrorKey('goals', content)).toBe('goals');
    expect(planErrorKey('content.goals.5.statement', content)).toBe('goals.5.statement');
  });

  it('names review progress by objective', () => {
    const review = { progress: [{ objectiveId: 'o2', progress: 'met' as const, comment: '' }], summary: '' };
    expect(planErrorKey('review.progress.0.progress', content, review)).toBe('review.o2');
    expect(planErrorKey('review.summary', content, review)).toBe('review.summary');
  });

  it('keeps every message for the checklist and the first per field', () => {
    const mapped = mapPlanErrors(
      [
        { path: 'goals.0.statement', message: 'Write the goal.' },
        { path: 'goals.0.statement', message: 'Again.' },
        { path: 'attestation', message: 'Confirm.' },
      ],
      content,
    );
    expect(mapped.fields).toEqual({ 'g1.statement': 'Write the goal.', attestation: 'Confirm.' });
    expect(mapped.all).toHaveLength(3);
  });
});

describe('sortReviewsDue', () => {
  it('puts overdue first, then due this week, then no plan, earliest first', () => {
    const items = sortReviewsDue([
      { patientName: 'C', status: 'no_plan' as const, dueOn: null },
      { patientName: 'B', status: 'due_this_week' as const, dueOn: '2026-11-22' },
      { patientName: 'A', status: 'overdue' as const, dueOn: '2026-11-10' },
      { patientName: 'D', status: 'overdue' as const, dueOn: '2026-11-02' },
    ]);
    expect(items.map((i) => i.patientName)).toEqual(['D', 'A', 'B', 'C']);
  });
});
