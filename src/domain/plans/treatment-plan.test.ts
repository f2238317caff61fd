import { describe, expect, it } from 'vitest';
import {
  DISCIPLINE_LABELS,
  DISCIPLINES,
  describeFrequency,
  describeScoreTarget,
  MODALITIES,
  MODALITY_LABELS,
  planChanges,
  planSigningProblems,
  REVIEW_PROGRESS,
  REVIEW_PROGRESS_LABELS,
  scoreTargetProgress,
  type PlanContent,
  type PlanObjective,
} from './index.js';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SIGNED_ON = '2026-11-27';

/** A signable plan: two problems, two goals, three objectives, two interventions. */
function plan(): PlanContent {
  return {
    problems: [
      {
        id: 'p1',
        statement: 'Depressed mood most days',
        diagnoses: [
          { system: ICD, code: 'F32.1', display: 'Major depressive disorder, single episode, moderate' },
        ],
      },
      {
        id: 'p2',
        statement: 'Daily alcohol use',
        diagnoses: [{ system: ICD, code: 'F10.20', display: 'Alcohol dependence, uncomplicated' }],
      },
    ],
    goals: [
      {
        id: 'g1',
        problemIds: ['p1'],
        statement: 'I want to feel like myself again',
        objectives: [
          {
            id: 'o1',
            description: 'Lower depressive symptoms',
            targetDate: '2026-12-31',
            scoreTarget: { instrumentId: 'phq-9', below: 10 },
          },
          { id: 'o2', description: 'Walk 3 times a week', targetDate: SIGNED_ON, scoreTarget: null },
        ],
      },
      {
        id: 'g2',
        problemIds: ['p2', 'p1'],
        statement: 'Stop drinking',
        objectives: [
          { id: 'o3', description: 'Alcohol-free days', targetDate: '2027-01-15', scoreTarget: null },
        ],
      },
    ],
    interventions: [
      {
        id: 'i1',
        modality: 'group_therapy',
        description: 'CBT skills group',
        frequencyPerWeek: 3,
        discipline: 'therapist',
        goalIds: ['g1', 'g2'],
      },
      {
        id: 'i2',
        modality: 'medication_management',
        description: 'Medication review',
        frequencyPerWeek: 0.5,
        discipline: 'prescriber',
        goalIds: ['g1'],
      },
    ],
    dischargeCriteria: 'PHQ-9 below 10 for two weeks and a safety plan in place',
    stepDownCriteria: 'Attends all groups for 2 weeks with no safety alerts',
  };
}

/** `plan()` changed by `edit`, then its signing problems. */
function problemsAfter(edit: (p: PlanContent) => void, signedOn = SIGNED_ON) {
  const p = plan();
  edit(p);
  return planSigningProblems(p, signedOn);
}
const paths = (edit: (p: PlanContent) => void) => problemsAfter(edit).map((r) => r.path);

describe('labels', () => {
  it('label every modality, discipline and review progress', () => {
    expect(Object.keys(MODALITY_LABELS)).toEqual([...MODALITIES]);
    expect(Object.keys(DISCIPLINE_LABELS)).toEqual([...DISCIPLINES]);
    expect(Object.keys(REVIEW_PROGRESS_LABELS)).toEqual([...REVIEW_PROGRESS]);
    expect(REVIEW_PROGRESS).toEqual(['met', 'progressing', 'no_change', 'worse', 'discontinued']);
    expect(MODALITY_LABELS.medication_management).toBe('Medication management');
    expect(DISCIPLINE_LABELS.peer_specialist).toBe('Peer specialist');
    expect(REVIEW_PROGRESS_LABELS.no_change).toBe('No change');
  });
});

describe('planSigningProblems', () => {
  it('accepts a complete plan (an objective due on the signing day included)', () => {
    expect(planSigningProblems(plan(), SIGNED_ON)).toEqual([]);
  });

  it('throws on a signing date that is not a real date', () => {
    expect(() => planSigningProblems(plan(), '2026-02-30')).toThrow(/signedOn/);
    expect(() => planSigningProblems(plan(), '27/11/2026')).toThrow(/signedOn/);
  });

  it('needs at least one problem, goal and intervention', () => {
    const empty: PlanContent = {
      problems: [],
      goals: [],
      interventions: [],
      dischargeCriteria: 'x',
      stepDownCriteria: 'y',
    };
    expect(planSigningProblems(empty, SIGNED_ON)).toEqual([
      { path: 'problems', message: 'Add at least one problem.' },
      { path: 'goals', message: 'Add at least one goal.' },
      { path: 'interventions', message: 'Add at least one intervention.' },
    ]);
  });

  it('needs a statement and at least one diagnosis with a code for each problem', () => {
    expect(problemsAfter((p) => (p.problems[1]!.statement = '  '))).toEqual([
      { path: 'problems.1.statement', message: 'Problem 2 needs a statement.' },
    ]);
    expect(problemsAfter((p) => (p.problems[0]!.diagnoses = []))).toEqual([
      { path: 'problems.0.diagnoses', message: 'Problem 1 needs at least one diagnosis.' },
    ]);
    expect(problemsAfter((p) => (p.problems[0]!.diagnoses[0]!.code = ''))).toEqual([
      { path: 'problems.0.diagnoses.0.code', message: 'Problem 1, diagnosis 1 needs a code.' },
    ]);
  });

  it('needs every problem addressed by a goal', () => {
    expect(problemsAfter((p) => (p.goals[1]!.problemIds = ['p1']))).toEqual([
      { path: 'problems.1', message: 'Problem 2 is not addressed by any goal.' },
    ]);
  });

  it('needs a statement, a known problem and an objective for each goal', () => {
    expect(problemsAfter((p) => (p.goals[1]!.statement = ''))).toEqual([
      { path: 'goals.1.statement', message: "Goal 2 needs a statement, in the patient's own words." },
    ]);
    expect(paths((p) => (p.goals[0]!.problemIds = []))).toEqual(['goals.0.problemIds']);
    expect(problemsAfter((p) => (p.goals[1]!.problemIds = ['p2', 'nope']))).toEqual([
      { path: 'goals.1.problemIds.1', message: 'Goal 2 refers to a problem that is not in the plan.' },
    ]);
    expect(problemsAfter((p) => (p.goals[1]!.objectives = []))).toEqual([
      { path: 'goals.1.objectives', message: 'Goal 2 needs at least one objective.' },
    ]);
  });

  it('needs every goal addressed by an intervention', () => {
    expect(problemsAfter((p) => (p.interventions[0]!.goalIds = ['g1']))).toEqual([
      { path: 'goals.1', message: 'Goal 2 is not addressed by any intervention.' },
    ]);
  });

  it('needs a description and a real target date on or after the signing date for each objective', () => {
    expect(problemsAfter((p) => (p.goals[0]!.objectives[1]!.description = ' '))).toEqual([
      { path: 'goals.0.objectives.1.description', message: 'Goal 1, objective 2 needs a description.' },
    ]);
    for (const bad of ['', '2026-13-01', '2026-02-29', 'soon']) {
      expect(problemsAfter((p) => (p.goals[0]!.objectives[1]!.targetDate = bad))).toEqual([
        {
          path: 'goals.0.objectives.1.targetDate',
          message: 'Goal 1, objective 2 needs a target date (a real date like 2026-12-31).',
        },
      ]);
    }
    expect(problemsAfter((p) => (p.goals[0]!.objectives[1]!.targetDate = '2026-11-26'))).toEqual([
      {
        path: 'goals.0.objectives.1.targetDate',
        message: 'Goal 1, objective 2 has a target date before the signing date, 2026-11-27.',
      },
    ]);
    expect(problemsAfter((p) => (p.goals[0]!.objectives[1]!.targetDate = '2028-02-29'))).toEqual([]);
  });

  it('needs a score target on a symptom scale, below a whole number above 0', () => {
    const target = (p: PlanContent) => p.goals[0]!.objectives[0]!.scoreTarget!;
    for (const id of ['gad-7', 'pcl-5', 'audit', 'dast-10']) {
      expect(problemsAfter((p) => (target(p).instrumentId = id))).toEqual([]);
    }
    for (const id of ['asq', 'c-ssrs', 'mdq', 'PHQ-9', 'locus']) {
      expect(paths((p) => (target(p).instrumentId = id))).toEqual([
        'goals.0.objectives.0.scoreTarget.instrumentId',
      ]);
    }
    for (const below of [0, -1, 9.5, Number.NaN]) {
      expect(problemsAfter((p) => (target(p).below = below))).toEqual([
        {
          path: 'goals.0.objectives.0.scoreTarget.below',
          message: 'Goal 1, objective 1 needs a score target that is a whole number above 0.',
        },
      ]);
    }
    expect(problemsAfter((p) => (target(p).below = 1))).toEqual([]);
  });

  it('needs a description, a frequency from 0.25 to 21 a week, and known goals for each intervention', () => {
    expect(problemsAfter((p) => (p.interventions[1]!.description = ''))).toEqual([
      { path: 'interventions.1.description', message: 'Intervention 2 needs a description.' },
    ]);
    for (const f of [0, 0.2, 21.5, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(problemsAfter((p) => (p.interventions[0]!.frequencyPerWeek = f))).toEqual([
        {
          path: 'interventions.0.frequencyPerWeek',
          message: 'Intervention 1 needs a frequency from 0.25 to 21 times a week.',
        },
      ]);
    }
    for (const f of [0.25, 1, 7, 21]) {
      expect(problemsAfter((p) => (p.interventions[0]!.frequencyPerWeek = f))).toEqual([]);
    }
    expect(problemsAfter((p) => (p.interventions[1]!.goalIds = ['g1', 'g9']))).toEqual([
      {
        path: 'interventions.1.goalIds.1',
        message: 'Intervention 2 refers to a goal that is not in the plan.',
      },
    ]);
    expect(paths((p) => (p.interventions[1]!.goalIds = []))).toEqual(['interventions.1.goalIds']);
  });

  it('rejects a modality or discipline outside the lists (bad stored data)', () => {
    expect(paths((p) => (p.interventions[0]!.modality = 'yoga' as never))).toEqual([
      'interventions.0.modality',
    ]);
    expect(paths((p) => (p.interventions[0]!.discipline = 'chef' as never))).toEqual([
      'interventions.0.discipline',
    ]);
  });

  it('needs discharge and step-down criteria', () => {
    expect(
      problemsAfter((p) => {
        p.dischargeCriteria = '';
        p.stepDownCriteria = ' \n ';
      }),
    ).toEqual([
      { path: 'dischargeCriteria', message: 'Write the discharge criteria.' },
      { path: 'stepDownCriteria', message: 'Write the step-down criteria.' },
    ]);
  });

  it('needs ids that are present and unique across the whole plan', () => {
    expect(problemsAfter((p) => (p.goals[1]!.objectives[0]!.id = 'o1'))).toEqual([
      {
        path: 'goals.1.objectives.0.id',
        message: 'Goal 2, objective 1 has the same id as goal 1, objective 1; each item needs its own.',
      },
    ]);
    expect(problemsAfter((p) => (p.interventions[1]!.id = 'p2'))).toEqual([
      {
        path: 'interventions.1.id',
        message: 'Intervention 2 has the same id as problem 2; each item needs its own.',
      },
    ]);
    expect(paths((p) => (p.goals[0]!.objectives[0]!.id = ' '))).toEqual(['goals.0.objectives.0.id']);
  });

  it('reports every problem at once, in document order', () => {
    const r = paths((p) => {
      p.problems[0]!.statement = '';
      p.goals[0]!.objectives[0]!.targetDate = '2020-01-01';
      p.interventions[0]!.frequencyPerWeek = 0;
      p.stepDownCriteria = '';
    });
    expect(r).toEqual([
      'problems.0.statement',
      'goals.0.objectives.0.targetDate',
      'interventions.0.frequencyPerWeek',
      'stepDownCriteria',
    ]);
  });

  it('does not change its input', () => {
    const p = plan();
    const copy = structuredClone(p);
    planSigningProblems(p, SIGNED_ON);
    expect(p).toEqual(copy);
  });
});

describe('scoreTargetProgress', () => {
  const objective: PlanObjective = {
    id: 'o1',
    description: 'x',
    targetDate: '2026-12-31',
    scoreTarget: { instrumentId: 'phq-9', below: 10 },
  };

  it('is met strictly below the target, not met at or above it', () => {
    expect(scoreTargetProgress(objective, 9)).toBe('met');
    expect(scoreTargetProgress(objective, 0)).toBe('met');
    expect(scoreTargetProgress(objective, 10)).toBe('not_met');
    expect(scoreTargetProgress(objective, 27)).toBe('not_met');
  });

  it('is no_score without a score or without a target', () => {
    expect(scoreTargetProgress(objective, null)).toBe('no_score');
    expect(scoreTargetProgress({ ...objective, scoreTarget: null }, 3)).toBe('no_score');
    expect(scoreTargetProgress({ ...objective, scoreTarget: null }, null)).toBe('no_score');
  });
});

describe('describeScoreTarget and describeFrequency', () => {
  it('describes a score target', () => {
    expect(describeScoreTarget({ instrumentId: 'phq-9', below: 10 }, 'PHQ-9', '2026-12-31')).toBe(
      'PHQ-9 below 10 by 2026-12-31',
    );
  });

  it('describes frequencies in words', () => {
    expect(describeFrequency(1)).toBe('once a week');
    expect(describeFrequency(2)).toBe('twice a week');
    expect(describeFrequency(3)).toBe('3 times a week');
    expect(describeFrequency(0.5)).toBe('once every 2 weeks');
    expect(describeFrequency(0.25)).toBe('once every 4 weeks');
    expect(describeFrequency(0.75)).toBe('0.75 times a week');
    expect(describeFrequency(1.5)).toBe('1.5 times a week');
  });
});

describe('planChanges', () => {
  const changesAfter = (edit: (p: PlanContent) => void) => {
    const next = plan();
    edit(next);
    return planChanges(plan(), next);
  };

  it('finds nothing between equal versions, or when only surrounding spaces changed', () => {
    expect(planChanges(plan(), plan())).toEqual([]);
    expect(
      changesAfter((p) => {
        p.goals[0]!.statement = ` ${p.goals[0]!.statement} `;
        p.dischargeCriteria += '  ';
      }),
    ).toEqual([]);
  });

  it('does not change its inputs', () => {
    const [a, b] = [plan(), plan()];
    b.goals.pop();
    const [ca, cb] = [structuredClone(a), structuredClone(b)];
    planChanges(a, b);
    expect([a, b]).toEqual([ca, cb]);
  });

  it('reports diagnoses added and removed across the plan', () => {
    expect(
      changesAfter((p) => {
        p.problems[0]!.diagnoses = [
          { system: ICD, code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' },
        ];
      }),
    ).toEqual([
      'Diagnosis removed: F32.1 Major depressive disorder, single episode, moderate.',
      'Diagnosis added: F33.1 Major depressive disorder, recurrent, moderate.',
    ]);
    // Moving a diagnosis between problems is not a change of diagnosis.
    expect(
      changesAfter((p) => {
        p.problems[1]!.diagnoses.push(p.problems[0]!.diagnoses[0]!);
      }),
    ).toEqual([]);
  });

  it('reports problems added, removed and reworded', () => {
    expect(changesAfter((p) => (p.problems[0]!.statement = 'Low mood'))).toEqual([
      'Problem reworded: "Depressed mood most days" → "Low mood".',
    ]);
    expect(
      changesAfter((p) => p.problems.push({ id: 'p3', statement: 'Poor sleep', diagnoses: [] })),
    ).toEqual(['Problem added: "Poor sleep".']);
    expect(changesAfter((p) => p.problems.splice(1, 1))).toEqual([
      'Diagnosis removed: F10.20 Alcohol dependence, uncomplicated.',
      'Problem removed: "Daily alcohol use".',
    ]);
  });

  it('reports goals added, removed and reworded', () => {
    expect(changesAfter((p) => (p.goals[1]!.statement = 'Stay sober'))).toEqual([
      'Goal reworded: "Stop drinking" → "Stay sober".',
    ]);
    expect(
      changesAfter((p) =>
        p.goals.push({ id: 'g3', problemIds: ['p1'], statement: 'Sleep better', objectives: [] }),
      ),
    ).toEqual(['Goal added: "Sleep better".']);
    expect(changesAfter((p) => p.goals.splice(1, 1))).toEqual([
      'Goal removed: "Stop drinking".',
      'Objective removed: "Alcohol-free days" (due 2027-01-15).',
    ]);
  });

  it('reports objectives added, removed, reworded and with a changed target', () => {
    expect(
      changesAfter((p) =>
        p.goals[1]!.objectives.push({
          id: 'o4',
          description: 'Less anxiety',
          targetDate: '2027-02-01',
          scoreTarget: { instrumentId: 'gad-7', below: 5 },
        }),
      ),
    ).toEqual(['Objective added: "Less anxiety" (GAD-7 below 5 by 2027-02-01).']);
    expect(changesAfter((p) => p.goals[0]!.objectives.shift())).toEqual([
      'Objective removed: "Lower depressive symptoms" (PHQ-9 below 10 by 2026-12-31).',
    ]);
    expect(changesAfter((p) => (p.goals[0]!.objectives[1]!.description = 'Walk daily'))).toEqual([
      'Objective reworded: "Walk 3 times a week" → "Walk daily".',
    ]);
    expect(changesAfter((p) => (p.goals[0]!.objectives[0]!.scoreTarget!.below = 5))).toEqual([
      'Objective "Lower depressive symptoms": target changed from PHQ-9 below 10 by 2026-12-31 to PHQ-9 below 5 by 2026-12-31.',
    ]);
    expect(changesAfter((p) => (p.goals[0]!.objectives[1]!.targetDate = '2027-03-01'))).toEqual([
      'Objective "Walk 3 times a week": target changed from due 2026-11-27 to due 2027-03-01.',
    ]);
    expect(changesAfter((p) => (p.goals[0]!.objectives[0]!.scoreTarget = null))).toEqual([
      'Objective "Lower depressive symptoms": target changed from PHQ-9 below 10 by 2026-12-31 to due 2026-12-31.',
    ]);
    expect(
      changesAfter((p) => (p.goals[0]!.objectives[1]!.scoreTarget = { instrumentId: 'unknown', below: 3 })),
    ).toEqual([
      'Objective "Walk 3 times a week": target changed from due 2026-11-27 to unknown below 3 by 2026-11-27.',
    ]);
  });

  it('matches objectives by id even when they move to another goal', () => {
    expect(changesAfter((p) => p.goals[1]!.objectives.push(p.goals[0]!.objectives.pop()!))).toEqual([]);
  });

  it('reports interventions added, removed, and changed in frequency, wording, type or discipline', () => {
    expect(
      changesAfter((p) =>
        p.interventions.push({
          id: 'i3',
          modality: 'family_therapy',
          description: 'Family session',
          frequencyPerWeek: 1,
          discipline: 'therapist',
          goalIds: ['g2'],
        }),
      ),
    ).toEqual(['Intervention added: Family therapy, once a week ("Family session").']);
    expect(changesAfter((p) => p.interventions.pop())).toEqual([
      'Intervention removed: Medication management, once every 2 weeks ("Medication review").',
    ]);
    expect(changesAfter((p) => (p.interventions[0]!.frequencyPerWeek = 2))).toEqual([
      'Group therapy ("CBT skills group"): frequency changed from 3 times a week to twice a week.',
    ]);
    expect(changesAfter((p) => (p.interventions[0]!.description = 'DBT skills group'))).toEqual([
      'Intervention reworded: "CBT skills group" → "DBT skills group".',
    ]);
    expect(changesAfter((p) => (p.interventions[0]!.modality = 'skills_training'))).toEqual([
      'Intervention "CBT skills group": changed from Group therapy to Skills training.',
    ]);
    expect(changesAfter((p) => (p.interventions[1]!.discipline = 'nurse'))).toEqual([
      'Medication management ("Medication review"): now led by the nurse (was the prescriber).',
    ]);
  });

  it('reports changed discharge and step-down criteria', () => {
    expect(changesAfter((p) => (p.dischargeCriteria = 'PHQ-9 below 5'))).toEqual([
      'Discharge criteria changed.',
    ]);
    expect(changesAfter((p) => (p.stepDownCriteria = 'Ready for weekly therapy'))).toEqual([
      'Step-down criteria changed.',
    ]);
  });

  it('lists several changes in a fixed order: diagnoses, problems, goals, objectives, interventions, criteria', () => {
    const r = changesAfter((p) => {
      p.stepDownCriteria = 'new';
      p.interventions[0]!.frequencyPerWeek = 4;
      p.goals[0]!.objectives[1]!.description = 'Walk daily';
      p.goals[0]!.statement = 'Feel better';
      p.problems[0]!.statement = 'Low mood';
      p.problems[1]!.diagnoses = [];
    });
    expect(r.map((s) => s.split(/[ :]/)[0])).toEqual([
      'Diagnosis',
      'Problem',
      'Goal',
      'Objective',
      'Group',
      'Step-down',
    ]);
  });
});
